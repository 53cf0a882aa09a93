import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { deleteSkill, getSkill, refuseGrowth, updateSkill } from '$lib/server/growth';
import { skillSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'growth.framework.manage');
	const skill = await getSkill(params.id);
	if (!skill) error(404);
	return { skill };
};

export const actions: Actions = {
	save: async ({ locals, url, request, cookies, params }) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(skillSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updateSkill(params.id, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.flash_saved());
		redirect(303, `/admin/growth/skills/${params.id}`);
	},
	delete: async ({ locals, url, cookies, params }) => {
		authorize(locals, url, 'growth.framework.manage');
		const result = await deleteSkill(params.id);
		if (!result.ok) return refuseGrowth({}, result);
		setFlash(cookies, m.growth_flash_skill_deleted());
		redirect(303, '/admin/growth');
	}
};
