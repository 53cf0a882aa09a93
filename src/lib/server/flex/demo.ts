import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { createRandom } from '../demo';
import { arrangementTypes, type ArrangementType } from '$lib/flex';
import { flexArrangement, flexBounds } from './schema';
import { checkRequest, effectiveBounds, verdict, type BoundsVersion, type EffectiveBounds, type FlexRequest } from './engine';
import { defaultAnchorDays, defaultCountries, defaultDecisionDays, defaultOrgRules } from './defaults';
import { addWorkingDays, todayIn } from './index';

const dayMs = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** A request of each type, with the random choices that make some fall inside and some beyond the bounds. */
function demoRequest(type: ArrangementType, startsOn: string, random: ReturnType<typeof createRandom>): FlexRequest {
	const period = { startsOn, endsOn: random.chance(0.5) ? shift(startsOn, random.int(30, 180)) : null };
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
			return { startsOn, type, endsOn: shift(startsOn, random.int(3, 25)), country: random.pick(['ES', 'PT', 'DE', 'US', 'IT']) };
		case 'sabbatical':
			return { startsOn, type, endsOn: shift(startsOn, random.int(14, 70)) };
		case 'learning':
			return { ...period, endsOn: null, type, hours: random.int(2, 12) };
	}
}

type NewArrangement = typeof flexArrangement.$inferInsert;
type Owner = { id: string; unitId: string | null; managerId: string | null };

/** One arrangement as the engine would have decided it on `createdOn`; most exceptions decided since, mostly approved. */
function demoArrangement(random: ReturnType<typeof createRandom>, bounds: EffectiveBounds, owner: Owner, request: FlexRequest, createdOn: string, decide: boolean): NewArrangement {
	const checks = checkRequest(request, bounds, { today: createdOn, tenureMonths: random.pick([12, 36, 60]), abroadDaysUsed: 0, learningHoursUsed: 0, team: null });
	let status: 'approved' | 'pending' | 'declined' | 'withdrawn' = verdict(checks);
	const byPolicy = status !== 'pending';
	// A few approved ones were withdrawn again.
	if (status === 'pending' && decide) status = random.chance(0.7) ? 'approved' : 'declined';
	else if (status === 'approved' && random.chance(0.1)) status = 'withdrawn';
	const createdAt = new Date(`${createdOn}T09:00:00Z`);
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
		decidedAt: status === 'pending' ? null : createdAt,
		decisionNote: !byPolicy && status === 'declined' ? 'Not this quarter, let us talk about it in our next one-on-one.' : null,
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
	const chain = (unitId: string | null): BoundsVersion[] => {
		const found: BoundsVersion[] = [];
		for (let id = unitId; id; id = units.find((unit) => unit.id === id)?.parentId ?? null) {
			const bounds = unitBounds.get(id);
			if (bounds) found.unshift(bounds);
		}
		return found;
	};
	const orgVersion = version(organisation!, 'Noorderlicht IT Services');

	const people = await executor
		.select({ id: person.id, email: person.email, unitId: person.unitId, managerId: person.managerId })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')))
		.orderBy(person.email);
	const withManager = people.filter((candidate) => candidate.managerId);
	const rows: NewArrangement[] = [];
	const add = (owner: Owner, request: FlexRequest, createdOn: string, decide: boolean) =>
		rows.push(demoArrangement(random, effectiveBounds(orgVersion, chain(owner.unitId)), owner, request, createdOn, decide));

	const eva = people.find((candidate) => candidate.email === 'employee@noorderlicht.example');
	if (eva) {
		// Inside the bounds, approved at once; and one day more than the Platform Team allows, waiting for Maarten.
		add(eva, { type: 'remote', startsOn: shift(today, -60), endsOn: null, days: [1, 5] }, shift(today, -75), false);
		add(eva, { type: 'remote', startsOn: shift(today, 21), endsOn: shift(today, 120), days: [1, 3, 4, 5] }, shift(today, -1), false);
	}
	for (let index = 0; index < 58; index++) {
		const owner = random.pick(withManager);
		const type = arrangementTypes[index % arrangementTypes.length]!;
		const createdOn = shift(today, -random.int(1, 300));
		const startsOn = shift(createdOn, random.int(7, 60));
		// Requests made in the last week may still be waiting.
		add(owner, demoRequest(type, startsOn, random), createdOn, createdOn < shift(today, -7));
	}
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
			const createdOn = shift(today, -random.int(1, 700));
			rows.push(demoArrangement(random, bounds, owner, demoRequest(random.pick(arrangementTypes), shift(createdOn, random.int(7, 60)), random), createdOn, createdOn < shift(today, -7)));
		}
		// Multi-row inserts well below PostgreSQL's 65,535 parameters per statement.
		if (rows.length >= 2000) {
			await executor.insert(flexArrangement).values(rows);
			rows = [];
		}
	}
	if (rows.length) await executor.insert(flexArrangement).values(rows);
}
