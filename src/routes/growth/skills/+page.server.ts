import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { listProposals, proposeSkill, refuseGrowth, saveSelfAssessment, selfAssessment } from '$lib/server/growth';
import { assessmentSchema, skillSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const [skills, proposals] = await Promise.all([selfAssessment(actor.id), listProposals({ proposedBy: actor.id })]);
	return { skills, proposals };
};

export const actions: Actions = {
	propose: async ({ locals, url, request, cookies }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(skillSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await proposeSkill(actor, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_proposed());
		redirect(303, '/growth/skills');
	},
	save: async ({ locals, url, request, cookies }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(assessmentSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		await saveSelfAssessment(actor.id, parsed.data);
		setFlash(cookies, m.growth_flash_skills_saved());
		redirect(303, '/growth/skills');
	}
};
