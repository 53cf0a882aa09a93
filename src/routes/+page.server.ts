import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/server/authz';
import { isSetUp } from '$lib/server/organisation';
import { countPeople, homeCards } from '$lib/server/people';
import { listAuditEvents } from '$lib/server/audit';

/** People shown on a card; the card links to the rest, however large the team or unit. */
const cardSize = 8;

/** One home, filled by role: later features add their own cards here. */
export const load: PageServerLoad = async ({ locals }) => {
	const { actor } = locals;
	if (!actor) redirect(303, (await isSetUp()) ? '/login' : '/setup');
	const employee = actor.kind === 'employee';
	const staff = can(actor, 'people.manage');
	// All at once: the session already says which unit the person is in. The person and their
	// cards are one statement; HR's counts are kept a few seconds, the audit log is its own.
	const [{ me, teamMates, reports }, counts, recent] = await Promise.all([
		homeCards(actor, { teamOf: employee ? actor.managerId : null, reports: actor.isManager, limit: cardSize }),
		staff ? countPeople() : null,
		can(actor, 'audit.view') ? listAuditEvents({ limit: 5 }).then((result) => result.events) : null
	]);
	return {
		me: me && {
			kind: me.kind,
			jobTitle: me.jobTitle,
			unitName: me.unitName,
			managerId: me.managerId,
			managerName: me.managerName,
			unitId: me.unitId,
			partnerOrgName: me.partnerOrgName
		},
		// A lead without peers sees their reports, not an empty team card besides.
		teamMates: reports?.total && !teamMates?.total ? null : teamMates,
		reports,
		counts,
		recent
	};
};
