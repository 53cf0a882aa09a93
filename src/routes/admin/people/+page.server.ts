import type { PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/authz';
import { searchPeople } from '$lib/server/people';
import { listUnits } from '$lib/server/org';
import { peopleQuerySchema } from '$lib/schemas/people';

const pageSize = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'people.manage');
	const query = peopleQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [result, units] = await Promise.all([
		searchPeople(actor, { q: query.q, unitId: query.unit, kind: query.kind, role: query.role, status: query.status, page: query.page, pageSize }),
		listUnits()
	]);
	return {
		...result,
		// People holding a role are an admin's to change: for HR their name leads to the profile instead.
		people: result.people.map((person) => ({ ...person, manageable: can(actor, 'person.manage', person) })),
		query,
		page: query.page,
		pageSize,
		units: units.map((unit) => ({ value: unit.id, label: unit.path }))
	};
};
