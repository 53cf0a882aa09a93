import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can, requireActor } from '$lib/server/authz';
import { directReports, getPerson } from '$lib/server/people';
import { assessedSkills } from '$lib/server/growth';
import { page as pageNumber } from '$lib/schemas/common';

/** Team members per page of a profile (the demo's largest team, of 24, has two). */
const reportsPageSize = 20;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireActor(locals, url);
	const person = await getPerson(params.id);
	// Whether someone exists is itself private: unknown and not-for-you look the same.
	if (!person || !can(actor, 'person.view', person)) error(404);
	const isSelf = actor.id === person.id;
	const reportsPage = pageNumber.parse(url.searchParams.get('page') ?? undefined);
	// A self-assessment is one's own: shown on one's own profile only.
	const [reports, skills] = await Promise.all([
		person.kind === 'employee' ? directReports(actor, person.id, reportsPage, reportsPageSize) : { people: [], total: 0 },
		isSelf && can(actor, 'growth.use') ? assessedSkills(actor.id) : null
	]);
	return {
		person: {
			id: person.id,
			name: person.name,
			email: person.email,
			headline: person.headline,
			jobTitle: person.jobTitle,
			location: person.location,
			kind: person.kind,
			status: person.status,
			unitName: person.unitName,
			managerId: person.managerId,
			managerName: person.managerName,
			partnerOrgName: person.partnerOrgName,
			startedOn: person.startedOn
		},
		reports: reports.people,
		reportsTotal: reports.total,
		reportsPage,
		reportsPageSize,
		skills,
		isSelf,
		canManage: can(actor, 'person.manage', person)
	};
};
