import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { assessmentShareOf, listProposals, managerViewOf, proposeSkill, refuseGrowth, saveSelfAssessment, selfAssessment, setAssessmentShared } from '$lib/server/growth';
import { assessmentSchema, skillSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const [skills, proposals, share, view] = await Promise.all([selfAssessment(actor.id), listProposals({ proposedBy: actor.id }), assessmentShareOf(actor.id), managerViewOf(actor.id)]);
	return { skills, proposals, share, view: Object.fromEntries(view), hasManager: !!actor.managerId };
};

/** Sharing with my manager, or withdrawing it: nothing to parse, the domain decides. */
const sharing = (shared: boolean) => async ({ locals, url, cookies }: RequestEvent) => {
	const actor = authorize(locals, url, 'growth.use');
	const result = await setAssessmentShared(actor, shared);
	if (!result.ok) return refuseGrowth({}, result);
	setFlash(cookies, shared ? m.growth_flash_assessment_shared() : m.growth_flash_assessment_withdrawn());
	redirect(303, '/growth/skills');
};

export const actions: Actions = {
	share: sharing(true),
	unshare: sharing(false),
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
