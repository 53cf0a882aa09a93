import { and, asc, eq, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, isId, literalCount, paged, pageClause, prepared, preparedPage, preparedShapes, rawRows, unplannedId, type Executor } from '../db';
import { orgUnit, partnerOrg, person, type PersonKind, type PersonStatus, type Role } from '../db/schema';
import { recordAudit } from '../audit';
import { shortLived } from '../cache';
import { invalidatePersonSessions } from '../auth/session';
import { revokeUnusedTokens } from '../auth/tokens-store';
import { sendInvitation } from '../auth/invitation';
import { normalizeEmail } from '../auth';
import { can, peopleFilter, peopleVisibility, visiblePeopleFilter, type Actor, type PeopleVisibility } from '../authz';
import { getOrganisation } from '../organisation';
import { isWithin, subtreeIds, unitTree, type Tree } from '../org';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';

export interface PersonSummary {
	id: string;
	name: string;
	email: string;
	kind: PersonKind;
	roles: Role[];
	status: PersonStatus;
	jobTitle: string | null;
	unitName: string | null;
}

export interface PeopleQuery {
	q?: string;
	unitId?: string;
	kind?: PersonKind;
	role?: Role;
	status?: PersonStatus;
	page: number;
	pageSize: number;
}

/**
 * Turns what someone typed into a prefix query over names, email parts and job titles:
 * "jan vri" finds Jan de Vries. Only letters and digits reach to_tsquery. `nameOnly` asks for
 * words of the name alone (weight A in `person.search`).
 */
export function toPrefixQuery(q: string | undefined, { nameOnly = false } = {}): string | null {
	const terms = (q ?? '')
		.normalize('NFKC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.slice(0, 8);
	return terms.length ? terms.map((term) => `${term}:*${nameOnly ? 'A' : ''}`).join(' & ') : null;
}

/** Whom what someone typed finds by name, email parts or job title (`toPrefixQuery`); undefined when nothing was typed. */
export function personMatches(q: string | undefined): SQL | undefined {
	const tsquery = toPrefixQuery(q);
	return tsquery ? sql`${person.search} @@ to_tsquery('simple', ${tsquery})` : undefined;
}

/** People the actor may see, filtered and paged. HR's admin list and the colleague directory share it. */
export async function searchPeople(actor: Actor, query: PeopleQuery): Promise<{ people: PersonSummary[]; total: number }> {
	const matches = personMatches(query.q);
	const conditions: (SQL | undefined)[] = [visiblePeopleFilter(actor), matches];
	if (query.unitId) conditions.push(sql`${person.unitId} in (${subtreeIds(unitTree, query.unitId)})`);
	if (query.kind) conditions.push(eq(person.kind, query.kind));
	if (query.role) conditions.push(sql`${query.role} = any(${person.roles})`);
	if (query.status) conditions.push(eq(person.status, query.status));
	const where = and(...conditions);
	const countAll = async () => (await db.select({ count: sql<number>`count(*)::int` }).from(person).where(where))[0]?.count ?? 0;
	if (matches) {
		const { people, total } = await matchingPage(where, query.page, query.pageSize);
		// Past the last page there is no row to carry the total.
		return { people, total: people.length || query.page === 1 ? total : await countAll() };
	}
	const [people, total] = await Promise.all([
		paged(db.select(summaryListColumns).from(person).leftJoin(orgUnit, eq(orgUnit.id, person.unitId)).where(where).orderBy(asc(person.name), asc(person.id)).$dynamic(), query.pageSize, (query.page - 1) * query.pageSize),
		countAll()
	]);
	return { people, total };
}

const summaryListColumns = {
	id: person.id,
	name: person.name,
	email: person.email,
	kind: person.kind,
	roles: person.roles,
	status: person.status,
	jobTitle: person.jobTitle,
	unitName: orgUnit.name
};

/**
 * A page of search matches, by name, and how many match. The matches come from the search index
 * first and are sorted after: left to itself the planner walks the name index and tests every row,
 * which for a first name ("jan") passes thousands of rows and for a rare word the whole table.
 * Only ids and names of the matches are kept and sorted; the page's rows are then read by key, so
 * a common first name (hundreds of matches) copies 25 full rows, not all of them. The total is
 * counted over the same kept matches: the rows are read once, not again by a count.
 */
async function matchingPage(where: SQL | undefined, page: number, pageSize: number): Promise<{ people: PersonSummary[]; total: number }> {
	const rows = await rawRows<PersonSummary & { total: number }>(
		db,
		sql`with matches as materialized (select ${person.id} as id, ${person.name} as name from ${person} where ${where}),
		shown as (select id from matches order by name, id ${pageClause(page, pageSize)})
		select ${person.id} as id, ${person.name} as name, ${person.email} as email, ${person.kind} as kind, ${person.roles} as roles,
			${person.status} as status, ${person.jobTitle} as "jobTitle", ${orgUnit.name} as "unitName", (select count(*) from matches)::int as total
		from shown join ${person} on ${person.id} = shown.id left join ${orgUnit} on ${orgUnit.id} = ${person.unitId}
		order by ${person.name}, ${person.id}`
	);
	return { people: rows.map(({ total: _total, ...summary }) => summary), total: rows[0]?.total ?? 0 };
}

const manager = alias(person, 'manager');

const personById = prepared((database) =>
	database
		.select({
			id: person.id,
			name: person.name,
			email: person.email,
			headline: person.headline,
			jobTitle: person.jobTitle,
			location: person.location,
			locale: person.locale,
			kind: person.kind,
			roles: person.roles,
			status: person.status,
			unitId: person.unitId,
			unitName: orgUnit.name,
			managerId: person.managerId,
			managerName: manager.name,
			managerEmail: manager.email,
			partnerOrgId: person.partnerOrgId,
			partnerOrgName: partnerOrg.name,
			startedOn: person.startedOn,
			leftOn: person.leftOn,
			createdAt: person.createdAt
		})
		.from(person)
		.leftJoin(orgUnit, eq(orgUnit.id, person.unitId))
		.leftJoin(manager, eq(manager.id, person.managerId))
		.leftJoin(partnerOrg, eq(partnerOrg.id, person.partnerOrgId))
		.where(eq(person.id, sql.placeholder('id')))
		.prepare('person_by_id')
);

/** Everything about one person that the profile and the HR edit page show. */
export async function getPerson(id: string) {
	if (!isId(id)) return null;
	const [row] = await personById().execute({ id });
	return row ?? null;
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

const summaryColumns = { id: person.id, name: person.name, jobTitle: person.jobTitle };

// Built once per visibility, page size and first page or later (`preparedPage`).
const reportsQuery = preparedShapes(
	(shape: { visibility: PeopleVisibility; pageSize: number; firstPage: boolean }) => `${shape.visibility}:${shape.pageSize}:${shape.firstPage}`,
	(database, { visibility, pageSize, firstPage }) => {
		const name = `reports_${visibility}_${pageSize}_${firstPage}`;
		const where = reportsOf(visibility, unplannedId(sql.placeholder('manager')), unplannedId(sql.placeholder('viewer')));
		const ordered = database.select(summaryColumns).from(person).where(where).orderBy(asc(person.name), asc(person.id)).$dynamic();
		return preparedPage(name, ordered, database.select({ total: sql<number>`count(*)::int` }).from(person).where(where).$dynamic(), pageSize, firstPage);
	}
);

/**
 * The people who report to someone (a manager's team), as far as the actor may see them: a page
 * by name and how many there are. A unit's lead has thousands at bench scale (a 570 kB profile).
 */
export async function directReports(actor: Actor, managerId: string, page: number, pageSize: number): Promise<{ people: { id: string; name: string; jobTitle: string | null }[]; total: number }> {
	const query = reportsQuery({ visibility: peopleVisibility(actor), pageSize, firstPage: page === 1 });
	const values = { manager: managerId, viewer: actor.id, offset: (page - 1) * pageSize };
	const [people, [counted]] = await Promise.all([query.rows.execute(values), query.total.execute(values)]);
	return { people, total: counted?.total ?? 0 };
}

/** Ids, or placeholders for them in a query built once (`homeCards`), hidden from the planner or not (`unplannedId`). */
type IdOr = string | Placeholder | SQL;

/**
 * Written as literals, not bound values: the statement is prepared once, and only a plan that sees
 * them can tell that `person_reports_idx` (a partial index on just these rows) serves it, so
 * PostgreSQL can keep one plan instead of planning every execution anew.
 */
function reportsOf(visibility: PeopleVisibility, managerId: IdOr, viewerId: IdOr): SQL | undefined {
	return and(eq(person.managerId, managerId), sql`${person.status} <> 'deactivated' and ${person.kind} = 'employee'`, peopleFilter(visibility, viewerId));
}

/** Past this many a card says "100+": counting a unit of thousands on every visit costs more than the page. */
const countUpTo = 100;

type Few = { people: { id: string; name: string; jobTitle: string | null }[]; total: number; more: boolean };

/**
 * The first few by name and how many there are (up to `countUpTo`; `more` past it): a card on the
 * home page, as cheap for a unit of thousands as for a team of five. Two subqueries, each planned
 * on its own: asked for both at once the planner sorts a large team instead of walking the name
 * index for the first few.
 */
function firstFew(where: SQL | undefined, limit: number) {
	const condition = where ?? sql`true`;
	return {
		count: sql<number>`(select count(*)::int from (select 1 from ${person} where ${condition} limit ${literalCount(countUpTo + 1)}) as up_to)`,
		people: sql<Few['people']>`(select coalesce(json_agg(json_build_object('id', first.id, 'name', first.name, 'jobTitle', first.job_title) order by first.name, first.id), '[]')
			from (select ${person.id} as id, ${person.name} as name, ${person.jobTitle} as job_title from ${person}
				where ${condition} order by ${person.name}, ${person.id} limit ${literalCount(limit)}) as first)`
	};
}

function toFew(found: { count: number; people: Few['people'] }): Few {
	return { people: found.people, total: Math.min(found.count, countUpTo), more: found.count > countUpTo };
}

/**
 * A person's team-mates, the others who report to their manager. Read from the same index as the
 * reports: a unit's lead would otherwise scan the whole unit for the few members who are not their own reports.
 */
const teamMatesOf = (visibility: PeopleVisibility, managerId: IdOr, viewerId: IdOr) => and(reportsOf(visibility, managerId, viewerId), ne(person.id, viewerId));

export interface HomeCards {
	me: { kind: PersonKind; jobTitle: string | null; unitName: string | null; managerId: string | null; managerName: string | null; unitId: string | null; partnerOrgName: string | null } | null;
	teamMates: Few | null;
	reports: Few | null;
}

interface HomeShape {
	visibility: PeopleVisibility;
	team: boolean;
	reports: boolean;
	/** How many each card names: written into the statement (`literalCount`). */
	limit: number;
}

const managerOf = alias(person, 'manager_of');

// Built once per shape: building this select anew cost a quarter of a millisecond of every home page.
const homeCardsQuery = preparedShapes(
	(shape: HomeShape) => `${shape.visibility}:${shape.team}:${shape.reports}:${shape.limit}`,
	(database, { visibility, team, reports, limit }) => {
		const viewer = sql.placeholder('viewer');
		return database
			.select({
				kind: person.kind,
				jobTitle: person.jobTitle,
				unitName: orgUnit.name,
				managerId: person.managerId,
				managerName: managerOf.name,
				unitId: person.unitId,
				partnerOrgName: partnerOrg.name,
				...(team ? { team: firstFew(teamMatesOf(visibility, unplannedId(sql.placeholder('manager')), unplannedId(viewer)), limit) } : {}),
				...(reports ? { reports: firstFew(reportsOf(visibility, unplannedId(viewer), unplannedId(viewer)), limit) } : {})
			})
			.from(person)
			.leftJoin(orgUnit, eq(orgUnit.id, person.unitId))
			.leftJoin(managerOf, eq(managerOf.id, person.managerId))
			.leftJoin(partnerOrg, eq(partnerOrg.id, person.partnerOrgId))
			.where(eq(person.id, viewer))
			.prepare(`home_cards_${visibility}_${team}_${reports}_${limit}`);
	}
);

/**
 * What the home page shows of a person, in one round trip: who they are (unit, manager, partner
 * organisation), the first of their team-mates (when they have a manager) and of their reports
 * (when they lead someone).
 */
export async function homeCards(actor: Actor, options: { teamOf: string | null; reports: boolean; limit: number }): Promise<HomeCards> {
	const shape = { visibility: peopleVisibility(actor), team: !!options.teamOf, reports: options.reports, limit: options.limit };
	const [row] = await homeCardsQuery(shape).execute({ viewer: actor.id, manager: options.teamOf });
	if (!row) return { me: null, teamMates: null, reports: null };
	const { team, reports, ...me } = row;
	return { me, teamMates: team ? toFew(team) : null, reports: reports ? toFew(reports) : null };
}

export interface PeopleCounts {
	employees: number;
	alumni: number;
	partners: number;
	invited: number;
}

// HR's home page shows these on every visit, and counting every person costs more than the rest
// of the page put together (tens of ms at 30k people). A summary may lag a few seconds.
const counts = shortLived(10_000, async (): Promise<PeopleCounts> => {
	const rows = await db
		.select({ kind: person.kind, status: person.status, count: sql<number>`count(*)::int` })
		.from(person)
		.groupBy(person.kind, person.status);
	const total = (kind: PersonKind, status?: PersonStatus) =>
		rows.filter((row) => row.kind === kind && (!status || row.status === status)).reduce((sum, row) => sum + row.count, 0);
	return {
		employees: total('employee', 'active'),
		alumni: total('alumni'),
		partners: total('partner', 'active'),
		invited: rows.filter((row) => row.status === 'invited').reduce((sum, row) => sum + row.count, 0)
	};
});

export function countPeople(): Promise<PeopleCounts> {
	return counts.get();
}

export interface PersonInput {
	name: string;
	email: string;
	jobTitle: string | null;
	kind: PersonKind;
	roles: Role[];
	unitId: string | null;
	/** Identified by email: unambiguous, and the same in the form as in a CSV file. */
	managerEmail: string | null;
	partnerOrgId: string | null;
	locale: string | null;
}

export type FieldErrors = Partial<Record<keyof PersonInput | 'person', Reason>>;
export type PersonResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };
/** Unknown, and ids that cannot be ids (a malformed one would be a query error): the route answers 404. */
const personNotFound = { ok: false, errors: { person: 'not_found' } } as const satisfies PersonResult;
/** Checked on the row read inside the transaction, so that a role granted meanwhile counts. */
const adminOnly = { ok: false, errors: { person: 'staff_admin_only' } } as const satisfies PersonResult;

/** Reporting-line changes (edits, invitations, imports) take one lock, so two at once cannot close a circle. */
export async function lockReportingLines(tx: Executor): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kring:reporting_lines'))`);
}

const reportingLines: Tree = { table: person, id: person.id, parent: person.managerId };

/**
 * The roles a person ends up with: only admins hand roles out (anyone else keeps what is stored),
 * and roles belong to employees, so someone who is alumni or a partner holds none.
 */
function grantedRoles(actor: Actor, input: PersonInput, stored: readonly Role[]): Role[] {
	if (input.kind !== 'employee') return [];
	return can(actor, 'roles.manage') ? input.roles : [...stored];
}

export async function activeAdminCount(tx: Executor): Promise<number> {
	const [row] = await tx
		.select({ count: sql<number>`count(*)::int` })
		.from(person)
		.where(and(sql`'admin' = any(${person.roles})`, eq(person.status, 'active'), eq(person.kind, 'employee')));
	return row?.count ?? 0;
}

/** Checks what only the database can tell: existing email, unit, manager, partner, cycles. */
async function resolveInput(
	tx: Executor,
	input: PersonInput,
	personId: string | null
): Promise<{ errors: FieldErrors; managerId: string | null }> {
	const errors: FieldErrors = {};
	const email = normalizeEmail(input.email);
	const [clash] = await tx
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.email, email), personId ? ne(person.id, personId) : undefined));
	if (clash) errors.email = 'email_taken';
	if (input.unitId && !(await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.unitId))).length)
		errors.unitId = 'not_found';
	if (input.kind === 'partner') {
		if (!input.partnerOrgId) errors.partnerOrgId = 'partner_required';
		else if (!(await tx.select({ id: partnerOrg.id }).from(partnerOrg).where(eq(partnerOrg.id, input.partnerOrgId))).length)
			errors.partnerOrgId = 'not_found';
	}
	let managerId: string | null = null;
	if (input.managerEmail) {
		const [found] = await tx
			.select({ id: person.id, kind: person.kind, status: person.status })
			.from(person)
			.where(eq(person.email, normalizeEmail(input.managerEmail)));
		if (!found) errors.managerEmail = 'manager_not_found';
		else if (found.kind !== 'employee' || found.status === 'deactivated') errors.managerEmail = 'not_employee';
		else if (personId && (await isWithin(tx, reportingLines, personId, found.id))) errors.managerEmail = 'manager_cycle';
		else managerId = found.id;
	}
	return { errors, managerId };
}

/** HR invites someone: an account in "invited" state and an emailed link to set a password. */
export async function invitePerson(actor: Actor, input: PersonInput, meta: RequestMeta): Promise<PersonResult> {
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		await lockReportingLines(tx);
		const { errors, managerId } = await resolveInput(tx, input, null);
		if (Object.keys(errors).length) return { ok: false, errors } as const;
		const email = normalizeEmail(input.email);
		const [created] = await tx
			.insert(person)
			.values({
				email,
				name: input.name,
				jobTitle: input.jobTitle,
				kind: input.kind,
				roles: grantedRoles(actor, input, []),
				status: 'invited',
				unitId: input.kind === 'partner' ? null : input.unitId,
				managerId: input.kind === 'partner' ? null : managerId,
				partnerOrgId: input.kind === 'partner' ? input.partnerOrgId : null,
				locale: input.locale
			})
			.returning({ id: person.id });
		const id = created!.id;
		await sendInvitation(tx, { id, email, name: input.name, locale: input.locale }, actor, organisation, meta.origin);
		await recordAudit(tx, { actorId: actor.id, action: 'person.invited', target: { type: 'person', id, label: input.name }, ip: meta.ip, details: { email, kind: input.kind, roles: grantedRoles(actor, input, []) } });
		return { ok: true, id } as const;
	});
}

export async function resendInvitation(actor: Actor, personId: string, meta: RequestMeta): Promise<PersonResult> {
	if (!isId(personId)) return personNotFound;
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const [invitee] = await tx.select().from(person).where(eq(person.id, personId));
		if (!invitee) return personNotFound;
		if (!can(actor, 'person.manage', invitee)) return adminOnly;
		if (invitee.status !== 'invited') return { ok: false, errors: { person: 'not_invited' } } as const;
		await sendInvitation(tx, invitee, actor, organisation, meta.origin);
		await recordAudit(tx, { actorId: actor.id, action: 'person.invited', target: { type: 'person', id: personId, label: invitee.name }, ip: meta.ip, details: { resent: true } });
		return { ok: true, id: personId } as const;
	});
}

/**
 * HR edits a person. Role, kind and email changes are audited on their own. Lost rights and a new
 * email address end the person's sessions at once rather than at the next sign-in.
 */
export async function updatePerson(actor: Actor, personId: string, input: PersonInput, meta: RequestMeta): Promise<PersonResult> {
	if (!isId(personId)) return personNotFound;
	return db.transaction(async (tx) => {
		await lockReportingLines(tx);
		const [before] = await tx.select().from(person).where(eq(person.id, personId)).for('update');
		if (!before) return personNotFound;
		if (!can(actor, 'person.manage', before)) return adminOnly;
		const { errors, managerId } = await resolveInput(tx, input, personId);
		const roles = grantedRoles(actor, input, before.roles);
		const rolesChanged = [...before.roles].sort().join() !== [...roles].sort().join();
		if (before.roles.includes('admin') && !roles.includes('admin') && (await activeAdminCount(tx)) <= 1) errors.roles = 'last_admin';
		if (Object.keys(errors).length) return { ok: false, errors } as const;
		const partner = input.kind === 'partner';
		const after = {
			name: input.name,
			email: normalizeEmail(input.email),
			jobTitle: input.jobTitle,
			kind: input.kind,
			roles,
			unitId: partner ? null : input.unitId,
			managerId: partner ? null : managerId,
			partnerOrgId: partner ? input.partnerOrgId : null,
			locale: input.locale
		};
		await tx.update(person).set({ ...after, updatedAt: new Date() }).where(eq(person.id, personId));
		const target = { type: 'person' as const, id: personId, label: input.name };
		// Roles, kind and email each get an event of their own: they decide what the account can do and who holds it.
		const ownEvents = { roles: 'person.roles_changed', kind: 'person.kind_changed', email: 'person.email_changed' } as const;
		const changedApart = { roles: rolesChanged, kind: before.kind !== after.kind, email: before.email !== after.email };
		const changed = Object.fromEntries(
			(Object.keys(after) as (keyof typeof after)[])
				.filter((key) => !(key in ownEvents) && String(before[key] ?? '') !== String(after[key] ?? ''))
				.map((key) => [key, { from: before[key], to: after[key] }])
		);
		if (Object.keys(changed).length) await recordAudit(tx, { actorId: actor.id, action: 'person.updated', target, ip: meta.ip, details: changed });
		for (const key of ['roles', 'kind', 'email'] as const)
			if (changedApart[key]) await recordAudit(tx, { actorId: actor.id, action: ownEvents[key], target, ip: meta.ip, details: { from: before[key], to: after[key] } });
		// Reset and invitation links went to the old address; sessions may belong to whoever used it.
		if (changedApart.email) await revokeUnusedTokens(tx, personId);
		const lostRights = changedApart.kind || before.roles.some((role) => !roles.includes(role));
		if (lostRights || changedApart.email) await invalidatePersonSessions(tx, personId);
		return { ok: true, id: personId } as const;
	});
}

/** Deactivation ends every session at once; the account and its history stay. */
export async function setPersonActive(actor: Actor, personId: string, active: boolean, meta: RequestMeta): Promise<PersonResult> {
	if (!isId(personId)) return personNotFound;
	return db.transaction(async (tx) => {
		const [target] = await tx.select().from(person).where(eq(person.id, personId)).for('update');
		if (!target) return personNotFound;
		if (!can(actor, 'person.manage', target)) return adminOnly;
		if (!active && target.id === actor.id) return { ok: false, errors: { person: 'self_deactivate' } } as const;
		if (!active && target.roles.includes('admin') && target.status === 'active' && (await activeAdminCount(tx)) <= 1)
			return { ok: false, errors: { person: 'last_admin' } } as const;
		if (active && target.status !== 'deactivated') return { ok: true, id: personId } as const;
		// A reactivated account without a password goes back to "invited": HR sends a new invitation.
		const status: PersonStatus = active ? (target.passwordHash ? 'active' : 'invited') : 'deactivated';
		await tx.update(person).set({ status, updatedAt: new Date() }).where(eq(person.id, personId));
		if (!active) await invalidatePersonSessions(tx, personId);
		await recordAudit(tx, {
			actorId: actor.id,
			action: active ? 'person.reactivated' : 'person.deactivated',
			target: { type: 'person', id: personId, label: target.name },
			ip: meta.ip
		});
		return { ok: true, id: personId } as const;
	});
}

/** What people change about themselves on /account. */
export async function updateOwnProfile(
	personId: string,
	input: { name: string; headline: string | null; location: string | null; locale: string | null }
): Promise<void> {
	await db.update(person).set({ ...input, updatedAt: new Date() }).where(eq(person.id, personId));
}

export async function setPersonLocale(personId: string, locale: string): Promise<void> {
	await db.update(person).set({ locale }).where(eq(person.id, personId));
}
