import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/server/authz';
import { isSetUp } from '$lib/server/organisation';
import { countPeople, directReports, getPerson, unitColleagues } from '$lib/server/people';
import { listAuditEvents } from '$lib/server/audit';

/** One home, filled by role: later features add their own cards here. */
export const load: PageServerLoad = async ({ locals }) => {
	const { actor } = locals;
	if (!actor) redirect(303, (await isSetUp()) ? '/login' : '/setup');
	const me = await getPerson(actor.id);
	const employee = actor.kind === 'employee';
	const staff = can(actor, 'people.manage');
	const [colleagues, reports, counts, recent] = await Promise.all([
		employee && me?.unitId ? unitColleagues(actor, me.unitId, actor.id) : null,
		actor.isManager ? directReports(actor, actor.id) : null,
		staff ? countPeople() : null,
		can(actor, 'audit.view') ? listAuditEvents({ limit: 5 }).then((result) => result.events) : null
	]);
	// A lead's own unit is mostly their reports: show each person once, under "reporting to you".
	const reportIds = new Set(reports?.map((report) => report.id));
	const teammates = colleagues?.filter((colleague) => !reportIds.has(colleague.id));
	return {
		me: me && {
			kind: me.kind,
			jobTitle: me.jobTitle,
			unitName: me.unitName,
			managerId: me.managerId,
			managerName: me.managerName,
			partnerOrgName: me.partnerOrgName
		},
		colleagues: reports?.length && !teammates?.length ? null : teammates,
		reports,
		counts,
		recent
	};
};
