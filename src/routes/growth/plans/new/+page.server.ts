import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { createPlan, levelOptions, listTracks, refuseGrowth } from '$lib/server/growth';
import { planSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'growth.use');
	return { levels: levelOptions(await listTracks()), target: url.searchParams.get('target') };
};

export const actions: Actions = {
	default: async ({ locals, url, request, cookies }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(planSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createPlan(actor, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_plan_created());
		redirect(303, `/growth/plans/${result.id}`);
	}
};
