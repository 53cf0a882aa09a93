import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { addLevel, getTrack, listSkills, refuseGrowth, removeExpectation, setExpectation, updateTrack, type GrowthResult } from '$lib/server/growth';
import { expectationSchema, levelSchema, removeExpectationSchema, trackSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'growth.framework.manage');
	const [track, skills] = await Promise.all([getTrack(params.id), listSkills()]);
	if (!track) error(404);
	return { track, skills };
};

/** Every action here: HR only, parse, change the track, back to its page. */
function trackAction<S extends z.ZodType>(schema: S, change: (trackId: string, input: z.output<S>) => Promise<GrowthResult>) {
	return async ({ locals, url, request, cookies, params }: RequestEvent<{ id: string }>) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await change(params.id, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.flash_saved());
		redirect(303, `/admin/growth/tracks/${params.id}`);
	};
}

export const actions: Actions = {
	save: trackAction(trackSchema, updateTrack),
	addLevel: trackAction(levelSchema, addLevel),
	expect: trackAction(expectationSchema, setExpectation),
	unexpect: trackAction(removeExpectationSchema, removeExpectation)
};
