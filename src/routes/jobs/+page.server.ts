import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { listVacancies, postVacancy } from '$lib/server/vacancies';
import { listUnits } from '$lib/server/org';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { listQuerySchema, vacancySchema } from '$lib/schemas/vacancies';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor } = locals;
	const { page } = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const canManage = can(actor, 'vacancies.manage');
	const [list, units] = await Promise.all([listVacancies(actor, page, pageSize), canManage ? listUnits() : []]);
	return {
		...list,
		page,
		pageSize,
		canManage,
		canRefer: can(actor, 'referrals.own'),
		units: units.map((unit) => ({ value: unit.id, label: unit.path }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event.locals, event.url, 'vacancies.manage');
		const parsed = parseForm(vacancySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await postVacancy(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.vacancies_posted({ title: parsed.data.title }));
		redirect(303, `/jobs/${result.id}`);
	}
};
