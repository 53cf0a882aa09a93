import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { recentRehires, rehireAlumnus, rehireCandidates } from '$lib/server/vacancies/rehire';
import { dateIn } from '$lib/server/alumni';
import { listUnits } from '$lib/server/org';
import { getOrganisation } from '$lib/server/organisation';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { listQuerySchema, rehireSchema } from '$lib/schemas/vacancies';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'alumni.rehire');
	const query = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [candidates, rehires, units, organisation] = await Promise.all([rehireCandidates({ ...query, pageSize }), recentRehires(), listUnits(), getOrganisation()]);
	return {
		...candidates,
		rehires,
		query,
		pageSize,
		today: dateIn(organisation.timeZone, new Date()),
		units: units.map((unit) => ({ value: unit.id, label: unit.path }))
	};
};

export const actions: Actions = {
	rehire: async (event) => {
		const actor = authorize(event.locals, event.url, 'alumni.rehire');
		const parsed = parseForm(rehireSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await rehireAlumnus(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.vacancies_rehired());
		redirect(303, '/admin/alumni');
	}
};
