// "With these bounds, N of your team's current arrangements would need an exception": the draft
// bounds of one scope, put through the pure engine against the arrangements in force below it.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { flexArrangement, flexBounds, person } from '../db/schema';
import type { Actor } from '../authz';
import { listUnits, type OrgUnitNode } from '../org';
import { getOrganisation } from '../organisation';
import type { RuleCheck } from '$lib/flex';
import type { OrgBoundsInput, UnitBoundsInput } from '$lib/schemas/flex';
import { boundsChain, checkRequest, effectiveBounds, type BoundsVersion, type FlexRequest } from './engine';
import { asVersion, listColumns, monthsBetween, organisationBounds, organisationBoundsErrors, seenBy, todayIn, unitBoundsErrors } from './index';

/** Only so many are listed by name; the count covers them all. */
const listedAtMost = 100;

/** A unit's bounds reach everyone in it and below it: in the depth-first list, the unit and the run after it that lies deeper. */
function subtreeIds(units: readonly OrgUnitNode[], unitId: string): string[] {
	const at = units.findIndex((entry) => entry.id === unitId);
	const ids = [unitId];
	for (let index = at + 1; at >= 0 && index < units.length && units[index]!.depth > units[at]!.depth; index++) ids.push(units[index]!.id);
	return ids;
}

/** Approved arrangements not yet over, of active employees in `unitIds` (all units: null). */
async function inForce(actor: Actor, unitIds: string[] | null, today: string) {
	const visible = seenBy(actor, today);
	return db
		.select({ ...listColumns, unitId: person.unitId, startedOn: person.startedOn, visible: visible ? sql<boolean>`(${visible})` : sql<boolean>`true` })
		.from(flexArrangement)
		.innerJoin(person, eq(person.id, flexArrangement.personId))
		.where(
			and(
				eq(flexArrangement.status, 'approved'),
				sql`coalesce(${flexArrangement.endsOn}, 'infinity'::date) >= ${today}::date`,
				eq(person.kind, 'employee'),
				eq(person.status, 'active'),
				unitIds ? inArray(person.unitId, unitIds) : undefined
			)
		)
		.orderBy(asc(person.name), asc(flexArrangement.startsOn));
}

/**
 * Checks every arrangement in force below the scope against the bounds it would have with the
 * draft in place, rule by rule, as if asked today. Left out, since they are about asking rather
 * than about the arrangement: the notice rule, the team rule, and totals over a year or a month
 * (each arrangement counts on its own).
 */
export async function previewBounds(
	actor: Actor,
	unit: { id: string } | null,
	draft: OrgBoundsInput | UnitBoundsInput,
	now = new Date()
) {
	const organisation = await getOrganisation();
	const today = todayIn(organisation.timeZone, now);
	const [orgRow, units, latest] = await Promise.all([
		organisationBounds(),
		listUnits(),
		rawRows<typeof flexBounds.$inferSelect & { unit_id: string; anchor_days: number[] | null }>(
			db,
			sql`select distinct on (unit_id) id, unit_id, version, rules, anchor_days, countries from ${flexBounds} where ${isNotNull(flexBounds.unitId)} order by unit_id, version desc`
		)
	]);
	const errors = unit ? unitBoundsErrors(orgRow, draft as UnitBoundsInput) : organisationBoundsErrors(draft as OrgBoundsInput);
	if (Object.keys(errors).length) return { ok: false as const, errors };

	const names = new Map(units.map((entry) => [entry.id, entry.name]));
	const byUnit = new Map<string, BoundsVersion>(
		latest.map((row) => [row.unit_id, { id: row.id, unitId: row.unit_id, scopeName: names.get(row.unit_id) ?? '', version: Number(row.version), rules: row.rules, anchorDays: row.anchor_days, countries: row.countries }])
	);
	let orgVersion = asVersion(orgRow, organisation.name);
	const drafted = { rules: draft.rules, anchorDays: draft.anchorDays, countries: draft.countries };
	if (unit) byUnit.set(unit.id, { id: 'draft', unitId: unit.id, scopeName: names.get(unit.id) ?? '', version: (byUnit.get(unit.id)?.version ?? 0) + 1, ...drafted });
	else orgVersion = { ...orgVersion, id: 'draft', version: orgVersion.version + 1, ...drafted };

	const parentOf = new Map(units.map((entry) => [entry.id, entry.parentId]));
	const rows = await inForce(actor, unit ? subtreeIds(units, unit.id) : null, today);
	const beyond = rows.flatMap((row) => {
		const bounds = effectiveBounds(orgVersion, boundsChain(row.unitId, parentOf, byUnit));
		const request = { ...row.details, type: row.type, startsOn: row.startsOn, endsOn: row.endsOn } as FlexRequest;
		const context = { today, tenureMonths: row.startedOn ? monthsBetween(row.startedOn, row.startsOn) : null, abroadDaysUsed: 0, learningHoursUsed: 0, team: null };
		const checks = checkRequest(request, bounds, context).filter((check) => check.rule !== 'notice_days' && check.outcome !== 'inside');
		return checks.length ? [{ row, checks }] : [];
	});
	const seen = beyond.filter(({ row }) => row.visible);
	const listed = seen
		.slice(0, listedAtMost)
		.map(({ row, checks }) => ({ id: row.id, personName: row.personName, type: row.type, details: row.details, startsOn: row.startsOn, endsOn: row.endsOn, byPolicy: row.byPolicy, checks }));
	// checked: in force where the bounds apply; beyond: of those, past the draft somewhere; unseen: beyond, but not the editor's to see.
	return { ok: true as const, preview: { checked: rows.length, beyond: beyond.length, unseen: beyond.length - seen.length, listed, more: seen.length - listed.length } };
}

export type BoundsPreview = Extract<Awaited<ReturnType<typeof previewBounds>>, { ok: true }>['preview'];
