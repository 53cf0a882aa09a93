import { and, asc, desc, eq, gte, inArray, isNull, lte, not, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, isId, literalCount, paged, prepared, preparedShapes, rawRows, type Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { flexArrangement, flexBounds, flexDelegation } from './schema';
import { recordAudit } from '../audit';
import { shortLivedByKey } from '../cache';
import { arrangementsChanged } from './derived';
import { queueEmail } from '../mail/outbox';
import { recipientLocale, type RenderedEmail } from '../mail/templates';
import type { Locale } from '../i18n';
import { getOrganisation, type Organisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { can, type Actor } from '../authz';
import { listUnits } from '../org';
import type { Reason } from '$lib/reasons';
import { calendarDate } from '$lib/formats';
import { ruleKeys, type ArrangementStatus } from '$lib/flex';
import type { OrgBoundsInput, RequestInput, UnitBoundsInput } from '$lib/schemas/flex';
import { addDays, checkRequest, effectiveBounds, isWithin, unitRuleProblems, verdict, type BoundsVersion, type EffectiveBounds, type FlexRequest, type RequestContext } from './engine';
import { defaultAnchorDays, defaultCountries, defaultDecisionDays, defaultOrgRules } from './defaults';
import { decisionEmail, endedEarlyEmail, escalatedEmail, informedEmail, pendingEmail, reminderEmail, reviewEmail } from './mail';

/** Today's date in the organisation's time zone, as YYYY-MM-DD. */
export const todayIn = calendarDate;

/**
 * Mail to one person in their language, queued in the transaction of the change it tells of. The
 * organisation comes from before the transaction: read inside it, an expired cache would wait on
 * the pool (see `assertOutsideTransaction`).
 */
async function notify(tx: Executor, organisation: Organisation, recipientId: string | null, purpose: string, render: (locale: Locale) => RenderedEmail): Promise<void> {
	if (!recipientId) return;
	const [recipient] = await tx.select({ email: person.email, locale: person.locale }).from(person).where(eq(person.id, recipientId));
	if (!recipient) return;
	await queueEmail(tx, { to: recipient.email, personId: recipientId, purpose, ...render(recipientLocale(recipient.locale, organisation.defaultLocale)) });
}

/** An arrangement may have changed: once committed, figures derived from arrangements are read afresh. */
async function changing<T>(work: Promise<T>): Promise<T> {
	const result = await work;
	arrangementsChanged();
	return result;
}

type BoundsRow = typeof flexBounds.$inferSelect;
export const asVersion = (row: BoundsRow, scopeName: string): BoundsVersion => ({
	id: row.id,
	unitId: row.unitId,
	scopeName,
	version: row.version,
	rules: row.rules,
	anchorDays: row.anchorDays,
	countries: row.countries
});

/** The organisation's bounds in force; the defaults become version 1 the first time anyone asks. */
export async function organisationBounds(executor: Executor = db): Promise<BoundsRow> {
	const latest = () => executor.select().from(flexBounds).where(isNull(flexBounds.unitId)).orderBy(desc(flexBounds.version)).limit(1);
	const [row] = await latest();
	if (row) return row;
	await executor
		.insert(flexBounds)
		.values({ unitId: null, version: 1, rules: defaultOrgRules, anchorDays: defaultAnchorDays, countries: defaultCountries, decisionDays: defaultDecisionDays })
		.onConflictDoNothing();
	const [created] = await latest();
	return created!;
}

/** The latest bounds of each unit from the top of the tree down to `unitId`, with the unit names. */
async function unitChain(executor: Executor, unitId: string | null): Promise<BoundsVersion[]> {
	if (!unitId) return [];
	const rows = await rawRows<BoundsRow & { scope_name: string; depth: number; unit_id: string; anchor_days: number[] | null }>(
		executor,
		sql`with recursive up(id, parent_id, name, depth) as (
			select id, parent_id, name, 0 from ${orgUnit} where id = ${unitId}::uuid
			union all
			select u.id, u.parent_id, u.name, up.depth + 1 from ${orgUnit} u join up on u.id = up.parent_id where up.depth < 50
		)
		select distinct on (b.unit_id) b.id, b.unit_id, b.version, b.rules, b.anchor_days, b.countries, up.name as scope_name, up.depth
		from ${flexBounds} b join up on b.unit_id = up.id
		order by b.unit_id, b.version desc`
	);
	return rows
		.sort((a, b) => b.depth - a.depth)
		.map((row) => ({ id: row.id, unitId: row.unit_id, scopeName: row.scope_name, version: Number(row.version), rules: row.rules, anchorDays: row.anchor_days, countries: row.countries }));
}

/**
 * The bounds that apply in a unit (a person's: their unit), with where each rule comes from. In a
 * transaction, pass the organisation read before it (as for `notify`).
 */
export async function boundsFor(unitId: string | null, executor: Executor = db, read?: Organisation): Promise<EffectiveBounds & { decisionDays: number }> {
	const [organisation, units] = await Promise.all([organisationBounds(executor), unitChain(executor, unitId)]);
	const { name } = read ?? (await getOrganisation());
	return { ...effectiveBounds(asVersion(organisation, name), units), decisionDays: organisation.decisionDays ?? defaultDecisionDays };
}

/**
 * The bounds pages show (a person's on /flex, the anchor days of a team's week): read at most every
 * 30 s per unit, and afresh after a save in this instance. Requests are always checked against the
 * bounds in the database, inside their transaction.
 */
const shown = shortLivedByKey(30_000, (unitId) => boundsFor(unitId || null));
export const shownBoundsFor = (unitId: string | null) => shown.get(unitId ?? '');

const yearOf = (iso: string) => iso.slice(0, 4);
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const counted = inArray(flexArrangement.status, ['approved', 'pending']);

type Param = string | Placeholder;

/**
 * What a person has used, approved or waiting: days abroad within [from, to] (a calendar year), and
 * learning hours in the month starting `month`. Two subqueries, for the request's check and, with
 * placeholders, beside the /flex page's totals.
 */
function usedSubqueries(personId: Param, from: Param, to: Param, month: Param) {
	const mine = (type: 'abroad' | 'learning') => and(eq(flexArrangement.personId, personId), eq(flexArrangement.type, type), counted);
	return {
		abroad: sql<number>`(select coalesce(sum(least(${flexArrangement.endsOn}, ${to}::date) - greatest(${flexArrangement.startsOn}, ${from}::date) + 1), 0)::int from ${flexArrangement}
			where ${mine('abroad')} and ${flexArrangement.startsOn} <= ${to}::date and ${flexArrangement.endsOn} >= ${from}::date)`,
		learning: sql<number>`(select coalesce(sum((${flexArrangement.details}->>'hours')::int), 0)::int from ${flexArrangement}
			where ${mine('learning')} and date_trunc('month', ${flexArrangement.startsOn}) = ${month}::date)`
	};
}

/** The year and month around `on`, as `usedSubqueries` takes them. */
const around = (on: string) => ({ from: `${yearOf(on)}-01-01`, to: `${yearOf(on)}-12-31`, month: monthStart(on) });

/** What the person has used around `on`: days abroad in its calendar year, and learning hours in its month. */
async function usedAround(executor: Executor, personId: string, on: string): Promise<{ abroad: number; learning: number }> {
	const { from, to, month } = around(on);
	const { abroad, learning } = usedSubqueries(personId, from, to, month);
	const [row] = await rawRows<{ abroad: number; learning: number }>(executor, sql`select ${abroad} as abroad, ${learning} as learning`);
	return { abroad: Number(row?.abroad ?? 0), learning: Number(row?.learning ?? 0) };
}

/** Arrangements whose period overlaps [startsOn, endsOn] (an open end runs forever). */
export const overlapping = (startsOn: string, endsOn: string | null): SQL =>
	sql`${flexArrangement.startsOn} <= coalesce(${endsOn}::date, 'infinity'::date) and coalesce(${flexArrangement.endsOn}, 'infinity'::date) >= ${startsOn}::date`;

/** For the team rule: how many active employees the unit has. */
async function unitSize(executor: Executor, unitId: string): Promise<number> {
	const [size] = await executor
		.select({ count: sql<number>`count(*)::int` })
		.from(person)
		.where(and(eq(person.unitId, unitId), eq(person.status, 'active'), eq(person.kind, 'employee')));
	return size?.count ?? 0;
}

/**
 * For the team rule: the most colleagues already approved to work remotely on one of the requested
 * anchor days in the period. Counted under the unit's lock (see `submitRequest`).
 */
async function remoteOnAnchorDays(executor: Executor, personId: string, unitId: string, days: number[], startsOn: string, endsOn: string | null): Promise<number> {
	const perDay = await rawRows<{ remote: number }>(
		executor,
		sql`select count(distinct a.person_id)::int as remote
			from unnest(${`{${days.join(',')}}`}::smallint[]) as day
			join ${flexArrangement} a on a.unit_id = ${unitId}::uuid and a.type = 'remote' and a.status = 'approved'
				and a.person_id <> ${personId}::uuid and day = any(a.remote_days)
				and a.starts_on <= coalesce(${endsOn}::date, 'infinity'::date) and coalesce(a.ends_on, 'infinity'::date) >= ${startsOn}::date
			group by day`
	);
	return Math.max(0, ...perDay.map((row) => row.remote));
}

function asRequest(input: RequestInput): { request: FlexRequest; details: Record<string, unknown>; remoteDays: number[] } {
	const period = { startsOn: input.startsOn, endsOn: input.endsOn };
	switch (input.type) {
		case 'remote': {
			const days = [...new Set(input.days)].sort();
			return { request: { ...period, type: 'remote', days }, details: { days }, remoteDays: days };
		}
		case 'hours':
			return { request: { ...period, type: 'hours', start: input.start, end: input.end }, details: { start: input.start, end: input.end }, remoteDays: [] };
		case 'compressed':
			return { request: { ...period, type: 'compressed', days: input.days, hoursPerDay: input.hoursPerDay }, details: { days: input.days, hoursPerDay: input.hoursPerDay }, remoteDays: [] };
		case 'reduced':
			return { request: { ...period, type: 'reduced', percent: input.percent }, details: { percent: input.percent }, remoteDays: [] };
		case 'abroad':
			return { request: { ...period, type: 'abroad', endsOn: input.endsOn, country: input.country }, details: { country: input.country }, remoteDays: [] };
		case 'sabbatical':
			return { request: { ...period, type: 'sabbatical', endsOn: input.endsOn }, details: {}, remoteDays: [] };
		case 'learning':
			return { request: { ...period, type: 'learning', hours: input.hours }, details: { hours: input.hours }, remoteDays: [] };
	}
}

/** Whole months from one date to another (tenure). */
export const monthsBetween = (from: string, to: string): number => {
	const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
	const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
	return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
};

/** Working days (Monday to Friday) after `from`: the decision deadline. */
export function addWorkingDays(from: Date, days: number): Date {
	const result = new Date(from);
	let left = days;
	while (left > 0) {
		result.setUTCDate(result.getUTCDate() + 1);
		const weekday = result.getUTCDay();
		if (weekday !== 0 && weekday !== 6) left--;
	}
	return result;
}

export type SubmitResult = { ok: true; id: string; status: ArrangementStatus } | { ok: false; field: 'startsOn'; reason: 'flex_in_past' };

/**
 * Checks a request rule by rule and records it: inside every bound → approved by policy, the
 * manager informed; beyond an approvable bound → waiting for the decider; beyond a "never" bound →
 * declined by policy. A remote request for an anchor day takes its unit's lock, so that colleagues
 * asking for the same anchor day at the same moment are counted one after another against the team rule.
 */
export async function submitRequest(actor: Actor, input: RequestInput, meta: RequestMeta, now = new Date()): Promise<SubmitResult> {
	const organisation = await getOrganisation();
	const today = todayIn(organisation.timeZone, now);
	if (input.startsOn < today) return { ok: false, field: 'startsOn', reason: 'flex_in_past' };
	const { request, details, remoteDays } = asRequest(input);
	return changing(db.transaction(async (tx) => {
		const [me] = await tx
			.select({ unitId: person.unitId, managerId: person.managerId, startedOn: person.startedOn, name: person.name })
			.from(person)
			.where(eq(person.id, actor.id));
		const unitId = me?.unitId ?? null;
		const bounds = await boundsFor(unitId, tx, organisation);
		const anchors = remoteDays.filter((day) => bounds.anchorDays.value.includes(day));
		const used = request.type === 'abroad' || request.type === 'learning' ? await usedAround(tx, actor.id, request.startsOn) : { abroad: 0, learning: 0 };
		const teamSize = unitId && anchors.length ? await unitSize(tx, unitId) : null;
		// Only what asks for an anchor day counts against the team rule, and so only that waits for
		// the unit's lock: from counting the colleagues away on those days to the commit, and no longer
		// (every statement under it holds up every colleague asking at the same moment).
		if (unitId && teamSize !== null) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kring:flex:unit'), hashtext(${unitId}))`);
		const context: RequestContext = {
			today,
			tenureMonths: me?.startedOn ? monthsBetween(me.startedOn, request.startsOn) : null,
			abroadDaysUsed: used.abroad,
			learningHoursUsed: used.learning,
			team: unitId && teamSize !== null ? { size: teamSize, remoteOnAnchorDay: await remoteOnAnchorDays(tx, actor.id, unitId, anchors, request.startsOn, request.endsOn) } : null
		};
		const checks = checkRequest(request, bounds, context);
		const status = verdict(checks);
		const deciderId = status === 'pending' ? await deciderFor(tx, actor.id, me?.managerId ?? null, unitId) : null;
		const [created] = await tx
			.insert(flexArrangement)
			.values({
				personId: actor.id,
				unitId,
				type: request.type,
				status,
				byPolicy: status !== 'pending',
				startsOn: request.startsOn,
				endsOn: request.endsOn,
				reviewOn: input.reviewOn,
				details,
				remoteDays,
				note: input.note,
				checks,
				boundsIds: bounds.versionIds,
				deciderId,
				decidedAt: status === 'pending' ? null : now,
				deadlineAt: status === 'pending' ? addWorkingDays(now, bounds.decisionDays) : null
			})
			.returning({ id: flexArrangement.id });
		const id = created!.id;
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'flex.requested',
			target: { type: 'flex_arrangement', id, label: me?.name },
			ip: meta.ip,
			details: { type: request.type, status, byPolicy: status !== 'pending', boundsIds: bounds.versionIds }
		});
		// The decider hears of what waits for them; the manager hears of what the bounds approved.
		const about = { organisation: organisation.name, name: me?.name ?? '', type: request.type, link: `${meta.origin}/flex/${id}` };
		if (status === 'pending') await notify(tx, organisation, deciderId, 'flex_pending', (locale) => pendingEmail(locale, about));
		if (status === 'approved') await notify(tx, organisation, me?.managerId ?? null, 'flex_approved', (locale) => informedEmail(locale, about));
		return { ok: true, id, status };
	}));
}

/** Who decides: the person's manager, else their unit's lead; nobody (then HR) when that is themselves. */
async function deciderFor(executor: Executor, personId: string, managerId: string | null, unitId: string | null): Promise<string | null> {
	if (managerId) return managerId;
	if (!unitId) return null;
	const [unit] = await executor.select({ leadId: orgUnit.leadId }).from(orgUnit).where(eq(orgUnit.id, unitId));
	return unit?.leadId && unit.leadId !== personId ? unit.leadId : null;
}

/** The delegations that hand someone's decisions to `actorId` today. */
const delegatedTo = (actorId: string, today: string): SQL => sql`${flexDelegation.delegateId} = ${actorId}::uuid and ${today}::date between ${flexDelegation.startsOn} and ${flexDelegation.endsOn}`;

/** The managers whose decisions `actorId` takes today: themselves and whoever delegated to them. */
function decidesFor(actorId: string, today: string): SQL {
	// One `= any(array(…))`, not two conditions joined by OR: the OR made the database read every waiting request.
	return sql`${flexArrangement.deciderId} = any(array(select ${actorId}::uuid union all
		select ${flexDelegation.managerId} from ${flexDelegation} where ${delegatedTo(actorId, today)}))`;
}
/** Requests nobody is set to decide fall to HR: that condition for HR, none for anyone else. */
const hrDecides = (actor: Actor): SQL | undefined => (can(actor, 'flex.arrangements.all') ? isNull(flexArrangement.deciderId) : undefined);

/**
 * A lead's team, as a condition on `person`: their direct reports and the members of the units
 * they lead, themselves and leavers left out. `= any(array(…))`, not `in (…)`: inside an OR only
 * the array form lets the planner use both indexes.
 */
export function teamMember(leadId: string): SQL {
	return sql`(${person.managerId} = ${leadId}::uuid or ${person.unitId} = any(array(select ${orgUnit.id} from ${orgUnit} where ${orgUnit.leadId} = ${leadId}::uuid)))
		and ${person.id} <> ${leadId}::uuid and ${person.kind} = 'employee' and ${person.status} <> 'deactivated'`;
}

/**
 * The arrangements someone may see, on `flex_arrangement` joined to its `person`: their own, those
 * they decide, their team's, and for HR all. Pages, the team view and calendar feeds all ask this.
 */
export function seenBy(actor: Actor, today: string): SQL | undefined {
	if (can(actor, 'flex.arrangements.all')) return undefined;
	return or(eq(flexArrangement.personId, actor.id), decidesFor(actor.id, today), teamMember(actor.id));
}

export type DecideResult = { ok: true; status: 'approved' | 'declined' } | { ok: false; reason: 'not_found' | 'flex_already_decided' };

/**
 * Decides a waiting request. One conditional update: of two deciders at the same moment (a manager
 * and their delegate), the first wins and the second is told it was already decided.
 */
export async function decide(actor: Actor, arrangementId: string, input: { decision: 'approve' | 'decline'; note: string | null }, meta: RequestMeta, now = new Date()): Promise<DecideResult> {
	if (!isId(arrangementId)) return { ok: false, reason: 'not_found' };
	const organisation = await getOrganisation();
	const today = todayIn(organisation.timeZone, now);
	const status = input.decision === 'approve' ? 'approved' : 'declined';
	return changing(db.transaction(async (tx) => {
		const mine = or(decidesFor(actor.id, today), hrDecides(actor));
		const [decided] = await tx
			.update(flexArrangement)
			.set({ status, decidedBy: actor.id, decidedAt: now, decisionNote: input.note })
			.where(and(eq(flexArrangement.id, arrangementId), eq(flexArrangement.status, 'pending'), mine))
			.returning({ id: flexArrangement.id, personId: flexArrangement.personId, type: flexArrangement.type });
		if (!decided) {
			const [existing] = await tx.select({ status: flexArrangement.status }).from(flexArrangement).where(and(eq(flexArrangement.id, arrangementId), mine));
			return { ok: false, reason: existing ? 'flex_already_decided' : 'not_found' };
		}
		const [owner] = await tx.select({ name: person.name }).from(person).where(eq(person.id, decided.personId));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'flex.decided',
			target: { type: 'flex_arrangement', id: decided.id, label: owner?.name },
			ip: meta.ip,
			details: { status, note: input.note }
		});
		await notify(tx, organisation, decided.personId, `flex_${status}`, (locale) =>
			decisionEmail(locale, { organisation: organisation.name, decider: actor.name, type: decided.type, approved: status === 'approved', note: input.note ?? '', link: `${meta.origin}/flex/${decided.id}` })
		);
		return { ok: true, status };
	}));
}

export type WithdrawResult = { ok: true } | { ok: false; reason: 'not_found' | 'flex_already_decided' | 'flex_started' };

/** The person takes back a waiting request, or an approved one that has not started (a running one is ended early). */
export async function withdraw(actor: Actor, arrangementId: string, meta: RequestMeta, now = new Date()): Promise<WithdrawResult> {
	if (!isId(arrangementId)) return { ok: false, reason: 'not_found' };
	const today = todayIn((await getOrganisation()).timeZone, now);
	return changing(db.transaction(async (tx) => {
		const [row] = await tx
			.update(flexArrangement)
			.set({ status: 'withdrawn' })
			.where(
				and(
					eq(flexArrangement.id, arrangementId),
					eq(flexArrangement.personId, actor.id),
					or(eq(flexArrangement.status, 'pending'), and(eq(flexArrangement.status, 'approved'), sql`${flexArrangement.startsOn} > ${today}::date`))
				)
			)
			.returning({ id: flexArrangement.id });
		if (!row) {
			const [exists] = await tx
				.select({ status: flexArrangement.status })
				.from(flexArrangement)
				.where(and(eq(flexArrangement.id, arrangementId), eq(flexArrangement.personId, actor.id)));
			return { ok: false, reason: !exists ? 'not_found' : exists.status === 'approved' ? 'flex_started' : 'flex_already_decided' };
		}
		await recordAudit(tx, { actorId: actor.id, action: 'flex.withdrawn', target: { type: 'flex_arrangement', id: row.id, label: actor.name }, ip: meta.ip });
		return { ok: true };
	}));
}

/** Approved, begun and not over: what can be ended early. */
const running = (row: { status: ArrangementStatus; startsOn: string; endsOn: string | null }, today: string) =>
	row.status === 'approved' && row.startsOn <= today && (!row.endsOn || row.endsOn >= today);

export type EndEarlyResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'flex_not_running' }
	| { ok: false; field: 'endsOn'; reason: 'flex_end_in_past' | 'flex_end_not_earlier' };

/**
 * Ends a running arrangement on an earlier last day, keeping its history: it stays approved, with
 * the day it was planned to end and who ended it. The person, whoever approved it, or HR; the
 * other side is told. The row is locked, so two at once end it once, on the first one's day.
 */
export async function endEarly(actor: Actor, arrangementId: string, input: { endsOn: string }, meta: RequestMeta, now = new Date()): Promise<EndEarlyResult> {
	if (!isId(arrangementId)) return { ok: false, reason: 'not_found' };
	const organisation = await getOrganisation();
	const today = todayIn(organisation.timeZone, now);
	return changing(db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				id: flexArrangement.id,
				personId: flexArrangement.personId,
				personName: person.name,
				managerId: person.managerId,
				decidedBy: flexArrangement.decidedBy,
				type: flexArrangement.type,
				status: flexArrangement.status,
				startsOn: flexArrangement.startsOn,
				endsOn: flexArrangement.endsOn,
				endedAt: flexArrangement.endedAt,
				plannedEndsOn: flexArrangement.plannedEndsOn
			})
			.from(flexArrangement)
			.innerJoin(person, eq(person.id, flexArrangement.personId))
			.where(and(eq(flexArrangement.id, arrangementId), seenBy(actor, today)))
			.for('update', { of: flexArrangement });
		if (!row) return { ok: false, reason: 'not_found' };
		if (!can(actor, 'flex.arrangement.end', row)) return { ok: false, reason: 'forbidden' };
		if (!running(row, today)) return { ok: false, reason: 'flex_not_running' };
		if (input.endsOn < today) return { ok: false, field: 'endsOn', reason: 'flex_end_in_past' };
		if (row.endsOn && input.endsOn >= row.endsOn) return { ok: false, field: 'endsOn', reason: 'flex_end_not_earlier' };
		// Ended early twice: the plan it had at first is what history keeps.
		const plannedEndsOn = row.endedAt ? row.plannedEndsOn : row.endsOn;
		await tx.update(flexArrangement).set({ endsOn: input.endsOn, plannedEndsOn, endedBy: actor.id, endedAt: now }).where(eq(flexArrangement.id, row.id));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'flex.ended_early',
			target: { type: 'flex_arrangement', id: row.id, label: row.personName },
			ip: meta.ip,
			details: { endsOn: input.endsOn, plannedEndsOn }
		});
		// The person ending their own tells whoever approved it (by policy: their manager); anyone else tells the person.
		const own = row.personId === actor.id;
		const about = { organisation: organisation.name, name: own ? row.personName : actor.name, type: row.type, own, endsOn: input.endsOn, link: `${meta.origin}/flex/${row.id}` };
		await notify(tx, organisation, own ? (row.decidedBy ?? row.managerId) : row.personId, 'flex_ended_early', (locale) => endedEarlyEmail(locale, about));
		return { ok: true };
	}));
}

/** What a list shows of each arrangement. */
export const listColumns = {
	id: flexArrangement.id,
	personId: flexArrangement.personId,
	personName: person.name,
	type: flexArrangement.type,
	status: flexArrangement.status,
	byPolicy: flexArrangement.byPolicy,
	startsOn: flexArrangement.startsOn,
	endsOn: flexArrangement.endsOn,
	details: flexArrangement.details,
	endedAt: flexArrangement.endedAt
};
const arrangementColumns = {
	...listColumns,
	reviewOn: flexArrangement.reviewOn,
	checks: flexArrangement.checks,
	note: flexArrangement.note,
	decisionNote: flexArrangement.decisionNote,
	decidedAt: flexArrangement.decidedAt,
	deadlineAt: flexArrangement.deadlineAt,
	createdAt: flexArrangement.createdAt
};
/** Still in play on the day `today` names: waiting for a decision, or approved and not over. */
const inPlay = (today: Placeholder) =>
	and(inArray(flexArrangement.status, ['approved', 'pending']), or(isNull(flexArrangement.endsOn), gte(flexArrangement.endsOn, today)))!;

type ArrangementList = 'current' | 'upcoming' | 'history';

/** The three lists of /flex as conditions, for the day the placeholder `today` names. */
function arrangementLists(): Record<ArrangementList, SQL> {
	const today = sql.placeholder('today');
	const begun = lte(flexArrangement.startsOn, today);
	return { current: and(inPlay(today), begun)!, upcoming: and(inPlay(today), not(begun))!, history: not(inPlay(today)) };
}

// Built once per list, page size and first page or later: every visit to /flex runs all four,
// and building selects this wide cost more CPU than PostgreSQL spends answering them.
const arrangementPage = preparedShapes(
	(shape: { list: ArrangementList; pageSize: number; firstPage: boolean }) => `${shape.list}:${shape.pageSize}:${shape.firstPage}`,
	(database, { list, pageSize, firstPage }) => {
		// Ties on the start go by when they were asked, in the list's direction: the person index's own order.
		const direction = list === 'upcoming' ? asc : desc;
		const ordered = database
			.select(listColumns)
			.from(flexArrangement)
			.innerJoin(person, eq(person.id, flexArrangement.personId))
			.where(and(eq(flexArrangement.personId, sql.placeholder('person')), arrangementLists()[list]))
			.orderBy(direction(flexArrangement.startsOn), direction(flexArrangement.createdAt))
			.$dynamic();
		return paged(ordered, pageSize, firstPage ? 0 : sql.placeholder('offset')).prepare(`flex_mine_${list}_${pageSize}_${firstPage}`);
	}
);

// The three sizes in one pass over the person's arrangements, and what they used around today.
const arrangementTotals = prepared((database) => {
	const lists = arrangementLists();
	return database
		.select({
			current: sql<number>`(count(*) filter (where ${lists.current}))::int`,
			upcoming: sql<number>`(count(*) filter (where ${lists.upcoming}))::int`,
			history: sql<number>`(count(*) filter (where ${lists.history}))::int`,
			...usedSubqueries(sql.placeholder('person'), sql.placeholder('from'), sql.placeholder('to'), sql.placeholder('month'))
		})
		.from(flexArrangement)
		.where(eq(flexArrangement.personId, sql.placeholder('person')))
		.prepare('flex_mine_totals');
});

/**
 * A person's arrangements for /flex in three lists, each paged on its own with its size: current
 * (in play and begun, newest start first), upcoming (in play, soonest first) and history (the rest,
 * newest first). Someone who asks again and again, or for years, gets pages, not one long list.
 * Also what they have used around today (see `balances`).
 */
export async function myArrangements(personId: string, today: string, pages: Record<ArrangementList, number>, pageSize: number) {
	const page = (list: ArrangementList) =>
		arrangementPage({ list, pageSize, firstPage: pages[list] === 1 }).execute({ person: personId, today, offset: (pages[list] - 1) * pageSize });
	const [current, upcoming, history, [totals]] = await Promise.all([
		page('current'),
		page('upcoming'),
		page('history'),
		arrangementTotals().execute({ person: personId, today, ...around(today) })
	]);
	const { abroad = 0, learning = 0, ...sizes } = totals ?? { current: 0, upcoming: 0, history: 0 };
	return { current, upcoming, history, totals: sizes, used: { abroad, learning } };
}

/** What is left this year and this month, for the /flex page, from what `myArrangements` found used. */
export function balances(bounds: EffectiveBounds, used: { abroad: number; learning: number }) {
	return {
		abroadDaysLeft: bounds.rules.abroad_days.enabled ? Math.max(0, bounds.rules.abroad_days.value - used.abroad) : null,
		learningHoursLeft: bounds.rules.learning_hours.enabled ? Math.max(0, bounds.rules.learning_hours.value - used.learning) : null
	};
}

const decider = alias(person, 'decider');
const ender = alias(person, 'ender');

/** One arrangement, for whoever may see it (`seenBy`); null otherwise (404). */
export async function arrangementFor(actor: Actor, id: string, now = new Date()) {
	if (!isId(id)) return null;
	const today = todayIn((await getOrganisation()).timeZone, now);
	const [row] = await db
		.select({
			...arrangementColumns,
			decidedBy: flexArrangement.decidedBy,
			deciderName: decider.name,
			endedByName: ender.name,
			plannedEndsOn: flexArrangement.plannedEndsOn,
			mayDecide: sql<boolean>`(${or(decidesFor(actor.id, today), hrDecides(actor))})`
		})
		.from(flexArrangement)
		.innerJoin(person, eq(person.id, flexArrangement.personId))
		.leftJoin(decider, eq(decider.id, flexArrangement.decidedBy))
		.leftJoin(ender, eq(ender.id, flexArrangement.endedBy))
		.where(and(eq(flexArrangement.id, id), seenBy(actor, today)));
	return row ?? null;
}

/**
 * The decision inbox: the oldest `limit` of what waits for this person (their own reports', delegated,
 * and for HR what nobody else decides), each with only the rules it goes beyond, and how many wait in all.
 */
export async function decisionInbox(actor: Actor, now = new Date(), limit = 10) {
	const today = todayIn((await getOrganisation()).timeZone, now);
	const delegations = await db.select({ managerId: flexDelegation.managerId }).from(flexDelegation).where(delegatedTo(actor.id, today));
	// Each decider's oldest few, straight from the decider index in its order, and then the oldest of
	// those: asked for all deciders at once, the index could not give their joint order, and every
	// waiting request (thousands for a large unit's lead) was read and sorted for a page of ten.
	const ids = [actor.id, ...delegations.map((row) => row.managerId)];
	const unassigned = hrDecides(actor);
	const deciders = [...ids.map((id) => eq(flexArrangement.deciderId, id)), ...(unassigned ? [unassigned] : [])];
	// Counted on the index alone: `= any(…)` for the deciders and, apart, those nobody is set to decide.
	const waiting = (decider: SQL) => sql`(select count(*)::int from ${flexArrangement} where ${flexArrangement.status} = 'pending' and ${decider})`;
	const counts = [waiting(inArray(flexArrangement.deciderId, ids)), ...(unassigned ? [waiting(unassigned)] : [])];
	const oldestOf = (decider: SQL) =>
		db
			.select({
				id: flexArrangement.id,
				type: flexArrangement.type,
				startsOn: flexArrangement.startsOn,
				endsOn: flexArrangement.endsOn,
				details: flexArrangement.details,
				checks: flexArrangement.checks,
				note: flexArrangement.note,
				deadlineAt: flexArrangement.deadlineAt,
				createdAt: flexArrangement.createdAt,
				personName: person.name
			})
			.from(flexArrangement)
			.innerJoin(person, eq(person.id, flexArrangement.personId))
			.where(and(eq(flexArrangement.status, 'pending'), decider))
			.orderBy(asc(flexArrangement.createdAt))
			.limit(literalCount(limit));
	const [pages, [counted]] = await Promise.all([
		Promise.all(deciders.map(oldestOf)),
		rawRows<{ waiting: number }>(db, sql`select ${sql.join(counts, sql` + `)} as waiting`)
	]);
	const rows = pages
		.flat()
		.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
		.slice(0, limit)
		.map(({ createdAt: _createdAt, ...request }) => request);
	return {
		waiting: counted?.waiting ?? 0,
		// The page shows why each one needs a decision; what lies inside, and where each bound comes from, it leaves to the request's own page.
		requests: rows.map(({ checks, ...request }) => ({
			...request,
			beyond: checks.filter((check) => check.outcome !== 'inside').map(({ rule, outcome, requested, allowed, country }) => ({ rule, outcome, requested, allowed, country }))
		}))
	};
}

export type DelegateResult = { ok: true } | { ok: false; field: 'delegateEmail'; reason: 'manager_not_found' | 'not_employee' | 'invalid' };

/** A manager hands their decisions to a colleague for a period. */
export async function delegate(actor: Actor, input: { delegateEmail: string; startsOn: string; endsOn: string }, meta: RequestMeta): Promise<DelegateResult> {
	return db.transaction(async (tx) => {
		const [target] = await tx.select({ id: person.id, name: person.name, kind: person.kind, status: person.status }).from(person).where(eq(person.email, input.delegateEmail));
		if (!target) return { ok: false, field: 'delegateEmail', reason: 'manager_not_found' };
		if (target.kind !== 'employee' || target.status !== 'active') return { ok: false, field: 'delegateEmail', reason: 'not_employee' };
		if (target.id === actor.id) return { ok: false, field: 'delegateEmail', reason: 'invalid' };
		await tx.insert(flexDelegation).values({ managerId: actor.id, delegateId: target.id, startsOn: input.startsOn, endsOn: input.endsOn });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'flex.delegated',
			target: { type: 'person', id: target.id, label: target.name },
			ip: meta.ip,
			details: { startsOn: input.startsOn, endsOn: input.endsOn }
		});
		return { ok: true };
	});
}

/** Delegations a manager has given that have not ended. */
export async function myDelegations(actor: Actor, now = new Date()) {
	const today = todayIn((await getOrganisation()).timeZone, now);
	return db
		.select({ id: flexDelegation.id, delegateName: person.name, startsOn: flexDelegation.startsOn, endsOn: flexDelegation.endsOn })
		.from(flexDelegation)
		.innerJoin(person, eq(person.id, flexDelegation.delegateId))
		.where(and(eq(flexDelegation.managerId, actor.id), sql`${flexDelegation.endsOn} >= ${today}::date`))
		.orderBy(asc(flexDelegation.startsOn));
}


/** The scopes a person may set bounds for: HR the organisation and every unit; a lead their own units. */
export async function editableScopes(actor: Actor) {
	const units = await listUnits();
	const isHr = can(actor, 'flex.bounds.organisation');
	return { organisation: isHr, units: units.filter((unit) => can(actor, 'flex.bounds.unit', { leadId: unit.leadId })).map(({ id, path, leadId }) => ({ id, path, leadId })) };
}

/** A unit's own latest bounds, or null when it inherits everything. */
async function ownUnitBounds(executor: Executor, unitId: string): Promise<BoundsRow | null> {
	const [row] = await executor.select().from(flexBounds).where(eq(flexBounds.unitId, unitId)).orderBy(desc(flexBounds.version)).limit(1);
	return row ?? null;
}

/** What the editor shows: the scope's own version, and what it would inherit (a unit: its parent's effective bounds). */
export async function boundsEditor(unit: { id: string; parentId: string | null } | null) {
	if (!unit) return { own: await organisationBounds(), inherited: null };
	const [own, inherited] = await Promise.all([ownUnitBounds(db, unit.id), boundsFor(unit.parentId)]);
	return { own, inherited };
}

export type SaveBoundsResult = { ok: true; version: number } | { ok: false; errors: Record<string, Reason> };

/** Versions of one scope are numbered one after another: saving takes the bounds lock. */
async function nextVersion(tx: Executor, unitId: string | null): Promise<number> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kring:flex:bounds'))`);
	const [row] = await tx
		.select({ version: sql<number>`coalesce(max(${flexBounds.version}), 0)::int` })
		.from(flexBounds)
		.where(unitId ? eq(flexBounds.unitId, unitId) : isNull(flexBounds.unitId));
	return (row?.version ?? 0) + 1;
}

/** What is wrong with HR's draft, per field: a ceiling stricter than the value itself would leave units nothing. */
export function organisationBoundsErrors(input: OrgBoundsInput): Record<string, Reason> {
	const errors: Record<string, Reason> = {};
	for (const key of ruleKeys) if (!isWithin(key, input.rules[key].value, input.rules[key].ceiling)) errors[`${key}.ceiling`] = 'flex_ceiling_stricter';
	return errors;
}

/** What is wrong with a unit's draft, per field: past the ceiling, a rule HR keeps on switched off, "never" loosened. */
export function unitBoundsErrors(organisation: BoundsRow, input: UnitBoundsInput): Record<string, Reason> {
	const field = { beyond_ceiling: 'value', cannot_switch_off: 'enabled', never_stays_never: 'beyond' } as const;
	return Object.fromEntries(unitRuleProblems(asVersion(organisation, ''), input.rules).map((problem) => [`${problem.rule}.${field[problem.reason]}`, `flex_${problem.reason}` as const]));
}

/** Once a save has committed, the pages of this instance show the new bounds at once. */
async function afterSave(saving: Promise<SaveBoundsResult>): Promise<SaveBoundsResult> {
	const result = await saving;
	shown.clear();
	return result;
}

/** HR's new version of the organisation's bounds. */
export async function saveOrganisationBounds(actor: Actor, input: OrgBoundsInput, meta: RequestMeta): Promise<SaveBoundsResult> {
	const errors = organisationBoundsErrors(input);
	if (Object.keys(errors).length) return { ok: false, errors };
	return afterSave(db.transaction(async (tx): Promise<SaveBoundsResult> => {
		const version = await nextVersion(tx, null);
		const [row] = await tx
			.insert(flexBounds)
			.values({ unitId: null, version, rules: input.rules, anchorDays: input.anchorDays, countries: input.countries, decisionDays: input.decisionDays, createdBy: actor.id })
			.returning({ id: flexBounds.id });
		await recordAudit(tx, { actorId: actor.id, action: 'flex.bounds_changed', target: { type: 'flex_bounds', id: row!.id, label: 'organisation' }, ip: meta.ip, details: { version } });
		return { ok: true, version };
	}));
}

/** A new version of a unit's bounds, refused rule by rule where it would go past what HR allows. */
export async function saveUnitBounds(actor: Actor, unit: { id: string; name: string }, input: UnitBoundsInput, meta: RequestMeta): Promise<SaveBoundsResult> {
	return afterSave(db.transaction(async (tx): Promise<SaveBoundsResult> => {
		const errors = unitBoundsErrors(await organisationBounds(tx), input);
		if (Object.keys(errors).length) return { ok: false, errors };
		const version = await nextVersion(tx, unit.id);
		const [row] = await tx
			.insert(flexBounds)
			.values({ unitId: unit.id, version, rules: input.rules, anchorDays: input.anchorDays, countries: input.countries, createdBy: actor.id })
			.returning({ id: flexBounds.id });
		await recordAudit(tx, { actorId: actor.id, action: 'flex.bounds_changed', target: { type: 'flex_bounds', id: row!.id, label: unit.name }, ip: meta.ip, details: { unitId: unit.id, version } });
		return { ok: true, version };
	}));
}

const hourMs = 60 * 60_000;

/**
 * The decision-deadline job: a day before the deadline the decider is reminded; once it has
 * passed, the request goes to the decider's own manager (HR when there is none), once. Rows are
 * claimed with SKIP LOCKED, so instances running this together never mail anyone twice.
 */
export async function remindAndEscalate(origin: string, now = new Date()): Promise<{ reminded: number; escalated: number }> {
	const organisation = await getOrganisation();
	const link = (id: string) => `${origin}/flex/${id}`;
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: flexArrangement.id, personId: flexArrangement.personId, type: flexArrangement.type, deciderId: flexArrangement.deciderId, deadlineAt: flexArrangement.deadlineAt, remindedAt: flexArrangement.remindedAt })
			.from(flexArrangement)
			.where(and(eq(flexArrangement.status, 'pending'), isNull(flexArrangement.escalatedAt), lte(flexArrangement.deadlineAt, new Date(now.getTime() + 24 * hourMs))))
			.orderBy(asc(flexArrangement.deadlineAt))
			.limit(200)
			.for('update', { skipLocked: true });
		let reminded = 0;
		let escalated = 0;
		for (const request of due) {
			const [owner] = await tx.select({ name: person.name }).from(person).where(eq(person.id, request.personId));
			const about = { organisation: organisation.name, name: owner?.name ?? '', type: request.type, link: link(request.id) };
			const mail = (recipientId: string | null, purpose: string, render: typeof pendingEmail) => notify(tx, organisation, recipientId, purpose, (locale) => render(locale, about));
			if (request.deadlineAt && request.deadlineAt <= now) {
				const [decider] = request.deciderId ? await tx.select({ managerId: person.managerId }).from(person).where(eq(person.id, request.deciderId)) : [];
				const next = decider?.managerId ?? null;
				await tx.update(flexArrangement).set({ deciderId: next, escalatedAt: now }).where(eq(flexArrangement.id, request.id));
				await recordAudit(tx, { actorId: null, action: 'flex.escalated', target: { type: 'flex_arrangement', id: request.id, label: owner?.name }, details: { from: request.deciderId, to: next } });
				await mail(next, 'flex_escalated', escalatedEmail);
				escalated++;
			} else if (!request.remindedAt) {
				await tx.update(flexArrangement).set({ remindedAt: now }).where(eq(flexArrangement.id, request.id));
				await mail(request.deciderId, 'flex_reminder', reminderEmail);
				reminded++;
			}
		}
		return { reminded, escalated };
	});
}

/** How long before an arrangement's review date the person and its decider hear of it. */
export const reviewNoticeDays = 7;

/**
 * The review job: a week before an approved arrangement's review date, its person and whoever
 * decided it (by policy: the person's manager) are reminded, once. Arrangements that end before
 * their review are left alone; a date that has passed is not reminded of any more. Claimed with
 * SKIP LOCKED like the deadline job.
 */
export async function remindReviews(origin: string, now = new Date()): Promise<number> {
	const organisation = await getOrganisation();
	const today = todayIn(organisation.timeZone, now);
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: flexArrangement.id, personId: flexArrangement.personId, personName: person.name, managerId: person.managerId, decidedBy: flexArrangement.decidedBy, type: flexArrangement.type, reviewOn: flexArrangement.reviewOn })
			.from(flexArrangement)
			.innerJoin(person, eq(person.id, flexArrangement.personId))
			.where(
				and(
					eq(flexArrangement.status, 'approved'),
					isNull(flexArrangement.reviewRemindedAt),
					sql`${flexArrangement.reviewOn} between ${today}::date and ${addDays(today, reviewNoticeDays)}::date`,
					sql`coalesce(${flexArrangement.endsOn}, 'infinity'::date) >= ${flexArrangement.reviewOn}`
				)
			)
			.orderBy(asc(flexArrangement.reviewOn))
			.limit(500)
			.for('update', { of: flexArrangement, skipLocked: true });
		for (const arrangement of due) {
			await tx.update(flexArrangement).set({ reviewRemindedAt: now }).where(eq(flexArrangement.id, arrangement.id));
			const about = { organisation: organisation.name, name: arrangement.personName, type: arrangement.type, reviewOn: arrangement.reviewOn!, link: `${origin}/flex/${arrangement.id}` };
			await notify(tx, organisation, arrangement.personId, 'flex_review', (locale) => reviewEmail(locale, { ...about, own: true }));
			const deciderId = arrangement.decidedBy ?? arrangement.managerId;
			if (deciderId !== arrangement.personId) await notify(tx, organisation, deciderId, 'flex_review', (locale) => reviewEmail(locale, { ...about, own: false }));
		}
		return due.length;
	});
}
