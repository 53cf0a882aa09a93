import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { createRandom } from '../demo';
import { arrangementTypes, type ArrangementType } from '$lib/flex';
import { flexArrangement, flexBounds } from './schema';
import { addDays, boundsChain, checkRequest, effectiveBounds, verdict, type BoundsVersion, type EffectiveBounds, type FlexRequest } from './engine';
import { defaultAnchorDays, defaultCountries, defaultDecisionDays, defaultOrgRules } from './defaults';
import { addWorkingDays, todayIn } from './index';


/** A request of each type, with the random choices that make some fall inside and some beyond the bounds. */
function demoRequest(type: ArrangementType, startsOn: string, random: ReturnType<typeof createRandom>): FlexRequest {
	const period = { startsOn, endsOn: random.chance(0.5) ? addDays(startsOn, random.int(30, 180)) : null };
	switch (type) {
		case 'remote': {
			const days = [1, 2, 3, 4, 5].filter(() => random.chance(0.45)).slice(0, 4);
			return { ...period, type, days: days.length ? days : [3] };
		}
		case 'hours':
			return { ...period, type, start: random.pick([420, 450, 480, 510, 540, 630]), end: random.pick([900, 960, 990, 1020, 1140]) };
		case 'compressed':
			return { ...period, type, days: 4, hoursPerDay: random.pick([9, 9, 10]) };
		case 'reduced':
			return { ...period, type, percent: random.pick([60, 80, 80, 90]) };
		case 'abroad':
			return { startsOn, type, endsOn: addDays(startsOn, random.int(3, 25)), country: random.pick(['ES', 'PT', 'DE', 'US', 'IT']) };
		case 'sabbatical':
			return { startsOn, type, endsOn: addDays(startsOn, random.int(14, 70)) };
		case 'learning':
			return { ...period, endsOn: null, type, hours: random.int(2, 12) };
	}
}

type NewArrangement = typeof flexArrangement.$inferInsert;
type Owner = { id: string; unitId: string | null; managerId: string | null };

type Decision = { status: 'approved' | 'declined'; note: string | null };
const declineNote = 'Not this quarter, let us talk about it in our next one-on-one.';

/**
 * One arrangement as the engine would have decided it on `createdOn`; an exception is decided by
 * `decide` (mostly approved) a while later, or still waits.
 */
function demoArrangement(
	random: ReturnType<typeof createRandom>,
	bounds: EffectiveBounds,
	owner: Owner,
	request: FlexRequest,
	createdOn: string,
	decide: Decision | boolean,
	options: { decisionHours?: number; reviewOn?: string | null } = {}
): NewArrangement {
	const checks = checkRequest(request, bounds, { today: createdOn, tenureMonths: random.pick([12, 36, 60]), abroadDaysUsed: 0, learningHoursUsed: 0, team: null });
	let status: 'approved' | 'pending' | 'declined' | 'withdrawn' = verdict(checks);
	const byPolicy = status !== 'pending';
	let decisionNote: string | null = null;
	if (status === 'pending' && decide) {
		const decision = decide === true ? (random.chance(0.7) ? { status: 'approved' as const, note: null } : { status: 'declined' as const, note: declineNote }) : decide;
		({ status, note: decisionNote } = decision);
	}
	// A few approved ones were withdrawn again.
	else if (status === 'approved' && random.chance(0.1)) status = 'withdrawn';
	const createdAt = new Date(`${createdOn}T09:00:00Z`);
	const decidedAt = byPolicy ? createdAt : new Date(createdAt.getTime() + (options.decisionHours ?? 0) * 3_600_000);
	const { type, startsOn, endsOn, ...fields } = request;
	const remoteDays = type === 'remote' ? (fields as { days: number[] }).days : [];
	return {
		personId: owner.id,
		unitId: owner.unitId,
		type,
		status,
		byPolicy,
		startsOn,
		endsOn,
		details: fields,
		remoteDays,
		checks,
		boundsIds: bounds.versionIds,
		deciderId: byPolicy ? null : owner.managerId,
		decidedBy: byPolicy || status === 'pending' ? null : owner.managerId,
		decidedAt: status === 'pending' ? null : decidedAt,
		decisionNote,
		reviewOn: options.reviewOn ?? null,
		deadlineAt: status === 'pending' ? addWorkingDays(createdAt, defaultDecisionDays) : null,
		createdAt
	};
}

/**
 * Flexible work in the demo: the organisation's bounds, two units with their own, ~60 arrangements
 * of every type and state, and one exception from employee@ waiting for manager@. Dates are set
 * around the day of seeding, so that "current" and "upcoming" mean something whenever it is tried.
 */
export async function seedFlexDemo(executor: Executor, timeZone: string): Promise<void> {
	const random = createRandom(0x666c6578);
	const today = todayIn(timeZone);
	const units = await executor.select({ id: orgUnit.id, name: orgUnit.name, parentId: orgUnit.parentId }).from(orgUnit);
	const unitNamed = (name: string) => units.find((unit) => unit.name === name)!;
	const platform = unitNamed('Platform Team');
	const serviceDesk = unitNamed('Service Desk');

	const [organisation, ...own] = await executor
		.insert(flexBounds)
		.values([
			{ unitId: null, version: 1, rules: defaultOrgRules, anchorDays: defaultAnchorDays, countries: defaultCountries, decisionDays: defaultDecisionDays },
			{
				unitId: platform.id,
				version: 1,
				rules: { remote_days: { enabled: true, value: 3, beyond: 'approvable' }, learning_hours: { enabled: true, value: 12, beyond: 'approvable' } }
			},
			// The service desk is staffed: fewer remote days, and four anchor days.
			{ unitId: serviceDesk.id, version: 1, rules: { remote_days: { enabled: true, value: 1, beyond: 'approvable' }, team_on_site: { enabled: true, value: 70, beyond: 'never' } }, anchorDays: [1, 2, 3, 4] }
		])
		.returning();
	const version = (row: typeof flexBounds.$inferSelect, scopeName: string): BoundsVersion => ({ ...row, scopeName });
	const unitBounds = new Map(own.map((row) => [row.unitId!, version(row, units.find((unit) => unit.id === row.unitId)!.name)]));
	const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
	const chain = (unitId: string | null) => boundsChain(unitId, parentOf, unitBounds);
	const orgVersion = version(organisation!, 'Noorderlicht IT Services');

	const people = await executor
		.select({ id: person.id, email: person.email, unitId: person.unitId, managerId: person.managerId })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')))
		.orderBy(person.email);
	const withManager = people.filter((candidate) => candidate.managerId);
	const rows: NewArrangement[] = [];
	// Decision times, review dates and the watermelon below draw from their own sequence, so the rest stays as it was.
	const later = createRandom(0x72657669);
	const add = (owner: Owner, request: FlexRequest, createdOn: string, decide: Decision | boolean, options: { reviewOn?: string | null; from?: typeof random } = {}) =>
		rows.push(demoArrangement(options.from ?? random, effectiveBounds(orgVersion, chain(owner.unitId)), owner, request, createdOn, decide, { decisionHours: later.int(2, 120), reviewOn: options.reviewOn }));

	const eva = people.find((candidate) => candidate.email === 'employee@noorderlicht.example');
	if (eva) {
		// Inside the bounds, approved at once (up for review in a few days); and one day more than the Platform Team allows, waiting for Maarten.
		add(eva, { type: 'remote', startsOn: addDays(today, -60), endsOn: null, days: [1, 5] }, addDays(today, -75), false, { reviewOn: addDays(today, 5) });
		add(eva, { type: 'remote', startsOn: addDays(today, 21), endsOn: addDays(today, 120), days: [1, 3, 4, 5] }, addDays(today, -1), false);
		// Learning time since last month: running, so that it can be ended early.
		add(eva, { type: 'learning', startsOn: addDays(today, -30), endsOn: null, hours: 8 }, addDays(today, -40), false, { from: later });
	}
	for (let index = 0; index < 58; index++) {
		const owner = random.pick(withManager);
		const type = arrangementTypes[index % arrangementTypes.length]!;
		const createdOn = addDays(today, -random.int(1, 300));
		const startsOn = addDays(createdOn, random.int(7, 60));
		const request = demoRequest(type, startsOn, random);
		// Some open-ended ones are looked at again after a few months.
		const reviewOn = !request.endsOn && later.chance(0.4) ? addDays(startsOn, later.int(90, 200)) : null;
		// Requests made in the last week may still be waiting.
		add(owner, request, createdOn, createdOn < addDays(today, -7), { reviewOn });
	}

	// A watermelon for the fairness page: Managed Workplace's remote days inside the bounds sail
	// through, while nearly every exception its lead is asked for is declined, mostly without a word.
	const workplace = people.filter((candidate) => candidate.unitId === unitNamed('Managed Workplace').id && candidate.managerId).slice(0, 10);
	const verdicts: Decision[] = [
		{ status: 'declined', note: null },
		{ status: 'declined', note: null },
		{ status: 'declined', note: declineNote },
		{ status: 'declined', note: null },
		{ status: 'approved', note: null }
	];
	workplace.forEach((owner, index) => {
		const createdOn = addDays(today, -later.int(60, 330));
		const startsOn = addDays(createdOn, 14);
		add(owner, { type: 'remote', startsOn, endsOn: addDays(startsOn, later.int(30, 90)), days: [1, 3] }, createdOn, false, { from: later });
		const verdict = verdicts[index];
		if (verdict) add(owner, { type: 'remote', startsOn: addDays(startsOn, 100), endsOn: addDays(startsOn, 160), days: [1, 2, 3, 4] }, addDays(createdOn, 80), verdict, { from: later });
	});
	await executor.insert(flexArrangement).values(rows);
}

/**
 * For the benchmark: `perEmployee` arrangements for everyone on top of the demo's (≥ 50k at
 * scale 1), checked against the organisation's bounds. Run after `seedFlexDemo`.
 */
export async function seedLargeFlex(executor: Executor, options: { perEmployee?: number; timeZone: string }): Promise<void> {
	const { perEmployee = 5 } = options;
	const random = createRandom(0x62656e63);
	const today = todayIn(options.timeZone);
	const [organisation] = await executor.select().from(flexBounds).where(isNull(flexBounds.unitId)).orderBy(desc(flexBounds.version)).limit(1);
	const bounds = effectiveBounds({ ...organisation!, scopeName: 'Organisation' }, []);
	const people = await executor
		.select({ id: person.id, unitId: person.unitId, managerId: person.managerId })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')))
		.orderBy(person.id);
	let rows: NewArrangement[] = [];
	for (const owner of people) {
		for (let index = 0; index < perEmployee; index++) {
			const createdOn = addDays(today, -random.int(1, 700));
			const request = demoRequest(random.pick(arrangementTypes), addDays(createdOn, random.int(7, 60)), random);
			rows.push(demoArrangement(random, bounds, owner, request, createdOn, createdOn < addDays(today, -7), { decisionHours: random.int(2, 120) }));
		}
		// Multi-row inserts well below PostgreSQL's 65,535 parameters per statement.
		if (rows.length >= 2000) {
			await executor.insert(flexArrangement).values(rows);
			rows = [];
		}
	}
	if (rows.length) await executor.insert(flexArrangement).values(rows);
}
