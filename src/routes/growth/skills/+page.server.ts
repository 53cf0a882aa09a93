import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { saveSelfAssessment, selfAssessment } from '$lib/server/growth';
import { assessmentSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	return { skills: await selfAssessment(actor.id) };
};

export const actions: Actions = {
	default: async ({ locals, url, request, cookies }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(assessmentSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		await saveSelfAssessment(actor.id, parsed.data);
		setFlash(cookies, m.growth_flash_skills_saved());
		redirect(303, '/growth/skills');
	}
};
