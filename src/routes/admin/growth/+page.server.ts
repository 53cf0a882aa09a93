import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { createSkill, createTrack, frameworkMaxBytes, growthTotals, importFramework, listSkills, listTracks, refuseGrowth } from '$lib/server/growth';
import { reasonMessage } from '$lib/reasons';
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
	/** A framework file from another organisation: added to this one, see importFramework. */
	import: async ({ locals, url, request, cookies }) => {
		authorize(locals, url, 'growth.framework.manage');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: m.growth_import_choose_file() } });
		if (file.size > frameworkMaxBytes) return fail(400, { errors: { file: reasonMessage('file_too_large') } });
		const result = await importFramework(await file.text());
		if (!result.ok) {
			const messages = {
				invalid: () => m.growth_import_invalid({ where: result.detail ?? '' }),
				unknown_skill: () => m.growth_reason_unknown_skill({ skill: result.detail ?? '' }),
				file_too_large: () => reasonMessage('file_too_large')
			};
			return fail(400, { errors: { file: messages[result.reason]() } });
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
