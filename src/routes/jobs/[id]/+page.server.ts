import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can, refuseUnseen } from '$lib/server/authz';
import { applyForVacancy, getVacancy, listReferrals, referCandidate, setVacancyStatus, updateVacancy, vacancyApplications } from '$lib/server/vacancies';
import { listUnits } from '$lib/server/org';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse, refuseFor } from '$lib/server/forms';
import { reasonMessage } from '$lib/reasons';
import { requestMeta } from '$lib/server/request-meta';
import { applicationSchema, referralSchema, vacancySchema, vacancyStatusSchema } from '$lib/schemas/vacancies';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { actor } = locals;
	const vacancy = await getVacancy(actor, params.id);
	if (!vacancy) refuseUnseen(locals, url);
	const canManage = can(actor, 'vacancies.manage');
	const [applications, referrals, units] = canManage ? await Promise.all([vacancyApplications(vacancy.id), listReferrals(actor!, { all: true, vacancyId: vacancy.id, page: 1, pageSize: 200 }), listUnits()]) : [null, null, []];
	return {
		vacancy,
		canManage,
		signedIn: !!actor,
		canRespond: can(actor, 'vacancy.respond', vacancy),
		applications,
		referrals: referrals?.referrals ?? null,
		units: units.map((unit) => ({ value: unit.id, label: unit.path }))
	};
};

export const actions: Actions = {
	apply: async (event) => {
		const actor = authorize(event.locals, event.url, 'referrals.own');
		const parsed = parseForm(applicationSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await applyForVacancy(actor, event.params.id, parsed.data.note);
		if (!result.ok) error(404);
		// The page then says they applied (the first note stays when they apply twice).
		return { saved: true };
	},
	refer: async (event) => {
		const actor = authorize(event.locals, event.url, 'referrals.own');
		const parsed = parseForm(referralSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await referCandidate(actor, event.params.id, parsed.data);
		if (result.ok) return { saved: true, notice: m.vacancies_referred({ name: parsed.data.candidateName }) };
		if (result.reason === 'not_found') error(404);
		if (result.reason === 'rate_limited') return refuse(parsed.values, {}, reasonMessage('vacancies_rate_limited'), 429);
		return refuseFor(parsed.values, result.errors, 409);
	},
	update: async (event) => {
		const actor = authorize(event.locals, event.url, 'vacancies.manage');
		const parsed = parseForm(vacancySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updateVacancy(actor, event.params.id, parsed.data, requestMeta(event));
		if (!result) error(404);
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.vacancies_updated());
		redirect(303, `/jobs/${event.params.id}`);
	},
	status: async (event) => {
		const actor = authorize(event.locals, event.url, 'vacancies.manage');
		const parsed = parseForm(vacancyStatusSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await setVacancyStatus(actor, event.params.id, parsed.data.status, requestMeta(event)))) error(404);
		setFlash(event.cookies, parsed.data.status === 'closed' ? m.vacancies_closed_notice() : m.vacancies_reopened_notice());
		redirect(303, `/jobs/${event.params.id}`);
	}
};
