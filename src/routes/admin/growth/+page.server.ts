import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { createSkill, createTrack, decideProposal, frameworkMaxBytes, growthTotals, importFramework, listProposals, listSkills, listTracks, refuseGrowth, type GrowthResult } from '$lib/server/growth';
import { reasonMessage } from '$lib/reasons';
import { mergeSchema, proposalIdSchema, skillSchema, trackSchema } from '$lib/schemas/growth';
import type { z } from 'zod';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'growth.framework.manage');
	const [skills, tracks, totals, proposals] = await Promise.all([listSkills(), listTracks(), growthTotals(), listProposals({ openOnly: true })]);
	return { skills, tracks, totals, proposals };
};

/** HR decides a proposed skill; see decideProposal. */
function proposalAction<S extends z.ZodType>(schema: S, decide: (input: z.output<S>) => Promise<GrowthResult>) {
	return async ({ locals, url, request, cookies }: RequestEvent) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await decide(parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_proposal_decided());
		redirect(303, '/admin/growth');
	};
}

export const actions: Actions = {
	acceptProposal: proposalAction(proposalIdSchema, (input) => decideProposal(input.proposalId, { accept: true })),
	mergeProposal: proposalAction(mergeSchema, (input) => decideProposal(input.proposalId, { mergeInto: input.skillId })),
	declineProposal: proposalAction(proposalIdSchema, (input) => decideProposal(input.proposalId, { decline: true })),
	createSkill: async ({ locals, url, request, cookies }) => {
		authorize(locals, url, 'growth.framework.manage');
		const parsed = parseForm(skillSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createSkill(parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_skill_created({ name: parsed.data.name }));
		redirect(303, '/admin/growth');
	},
	/** A framework file from another organisation: added to this one, see importFramework. */
	import: async ({ locals, url, request, cookies }) => {
		authorize(locals, url, 'growth.framework.manage');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return refuse({}, { file: m.growth_import_choose_file() });
		if (file.size > frameworkMaxBytes) return refuse({}, { file: reasonMessage('file_too_large') });
		const result = await importFramework(await file.text());
		if (!result.ok) {
			const messages = {
				invalid: () => m.growth_import_invalid({ where: result.detail ?? '' }),
				unknown_skill: () => m.growth_reason_unknown_skill({ skill: result.detail ?? '' }),
				file_too_large: () => reasonMessage('file_too_large')
			};
			return refuse({}, { file: messages[result.reason]() });
		}
		setFlash(cookies, m.growth_flash_imported({ skills: result.skillsAdded, tracks: result.tracksAdded, skipped: result.tracksSkipped.join(', ') || '–' }));
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
