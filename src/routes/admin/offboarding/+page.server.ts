import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { cancelOffboarding, listOffboardings, offboardingCandidates, startOffboarding } from '$lib/server/alumni';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { cancelOffboardingSchema, offboardingSchema } from '$lib/schemas/alumni';
import { listQuerySchema } from '$lib/schemas/vacancies';

/** How many employees the picker offers at once; a search narrows them. */
const candidateLimit = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'offboarding.manage');
	const { q } = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [offboardings, candidates] = await Promise.all([listOffboardings(), offboardingCandidates({ q, limit: candidateLimit })]);
	return {
		offboardings,
		q: q ?? '',
		candidates: candidates.people.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.email})` })),
		moreCandidates: candidates.more
	};
};

export const actions: Actions = {
	start: async (event) => {
		const actor = authorize(event.locals, event.url, 'offboarding.manage');
		const parsed = parseForm(offboardingSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await startOffboarding(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.alumni_offboarding_started({ lastDay: parsed.data.lastDay }));
		redirect(303, '/admin/offboarding');
	},
	cancel: async (event) => {
		const actor = authorize(event.locals, event.url, 'offboarding.manage');
		const parsed = parseForm(cancelOffboardingSchema, await event.request.formData());
		if (!parsed.ok || !(await cancelOffboarding(actor, parsed.data.id, requestMeta(event)))) error(404);
		setFlash(event.cookies, m.alumni_offboarding_cancelled());
		redirect(303, '/admin/offboarding');
	}
};
