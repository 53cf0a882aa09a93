import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { refuseGrowth, saveManagerView, sharedAssessment } from '$lib/server/growth';
import { managerViewSchema } from '$lib/schemas/growth';

/** A self-assessment shared with me as the person's manager; for anyone else it does not exist. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'growth.use');
	const shared = await sharedAssessment(actor, params.id);
	if (!shared) error(404);
	return shared;
};

export const actions: Actions = {
	default: async ({ locals, url, params, request, cookies }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(managerViewSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await saveManagerView(actor, params.id, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_manager_view_saved());
		redirect(303, `/growth/skills/${params.id}`);
	}
};
