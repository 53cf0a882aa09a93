import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { createSkill, createTrack, growthTotals, listSkills, listTracks, refuseGrowth } from '$lib/server/growth';
import { skillSchema, trackSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'growth.framework.manage');
	const [skills, tracks, totals] = await Promise.all([listSkills(), listTracks(), growthTotals()]);
	return { skills, tracks, totals };
};

export const actions: Actions = {
	createSkill: async ({ locals, url, request, cookies }) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(skillSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createSkill(parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_skill_created({ name: parsed.data.name }));
		redirect(303, '/admin/growth');
	},
	createTrack: async ({ locals, url, request, cookies }) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(trackSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createTrack(parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_track_created({ name: parsed.data.name }));
		redirect(303, `/admin/growth/tracks/${result.id}`);
	}
};
