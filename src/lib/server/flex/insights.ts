// Fairness of flexible work, per unit, for HR: how requests fare, aggregated over the last year and
// shown only for groups of at least five people who asked. Groups are units with everything below
// them; the pulse's anonymity rules decide which can be shown, so that no difference between shown
// groups (a department minus its one large team) is about fewer than five people either.
import { sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { flexArrangement, orgUnit } from '../db/schema';
import { listUnits } from '../org';
import { getOrganisation } from '../organisation';
import { groupTree, orgWide, shownGroups } from '../pulse/anonymity';
import { addDays } from './engine';
import { todayIn } from './index';

/** The smallest group shown: fewer people who asked, and a unit folds into the one above it. */
export const insightsMinimum = 5;
/** The period looked at: the last year of requests, by the day they were made. */
export const insightsDays = 365;

/** A watermelon: green outside (most requests approved by policy), red inside (most exceptions a person decided, declined). */
export const watermelon = { policyShareAtLeast: 0.6, declinedShareAtLeast: 0.5, decidedAtLeast: 3 };

interface GroupCounts {
	people: number;
	requests: number;
	byPolicy: number;
	declinedByPolicy: number;
	exceptions: number;
	granted: number;
	declined: number;
	/** Declined without a note: the silent "no". */
	silent: number;
	/** Exceptions still waiting, or withdrawn before anyone decided. */
	open: number;
	medianDecisionHours: number | null;
}

/**
 * Every group's counts in one statement. Each person counts in one unit only (where they last
 * asked), so that a group's people add up exactly from the units in it, as the withholding needs.
 */
async function groupCounts(from: string): Promise<Map<string, GroupCounts>> {
	const rows = await rawRows<Record<string, number | string | null> & { group_id: string }>(
		db,
		sql`with recursive tree(ancestor, unit) as (
				select id, id from ${orgUnit}
				union all
				select tree.ancestor, child.id from ${orgUnit} child join tree on child.parent_id = tree.unit
			),
			asked as (
				select a.person_id, a.by_policy, a.status, a.decided_by, a.decision_note, a.created_at, a.decided_at,
					first_value(a.unit_id) over (partition by a.person_id order by a.created_at desc, a.id) as unit_id
				from ${flexArrangement} a where a.created_at >= ${from}::date
			),
			grouped as (
				select tree.ancestor::text as group_id, asked.* from asked join tree on tree.unit = asked.unit_id
				union all
				select ${orgWide}::text as group_id, asked.* from asked
			)
			select group_id,
				count(distinct person_id)::int as people,
				count(*)::int as requests,
				(count(*) filter (where by_policy and status <> 'declined'))::int as by_policy,
				(count(*) filter (where by_policy and status = 'declined'))::int as declined_by_policy,
				(count(*) filter (where not by_policy))::int as exceptions,
				(count(*) filter (where not by_policy and decided_by is not null and status in ('approved', 'withdrawn')))::int as granted,
				(count(*) filter (where not by_policy and decided_by is not null and status = 'declined'))::int as declined,
				(count(*) filter (where not by_policy and decided_by is not null and status = 'declined' and coalesce(decision_note, '') = ''))::int as silent,
				(count(*) filter (where not by_policy and decided_by is null))::int as open,
				percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at) / 3600) filter (where not by_policy and decided_by is not null) as median_hours
			from grouped group by group_id`
	);
	return new Map(
		rows.map((row) => [
			row.group_id,
			{
				people: Number(row.people),
				requests: Number(row.requests),
				byPolicy: Number(row.by_policy),
				declinedByPolicy: Number(row.declined_by_policy),
				exceptions: Number(row.exceptions),
				granted: Number(row.granted),
				declined: Number(row.declined),
				silent: Number(row.silent),
				open: Number(row.open),
				medianDecisionHours: row.median_hours === null ? null : Number(row.median_hours)
			}
		])
	);
}

const isWatermelon = (group: GroupCounts) => {
	const decided = group.granted + group.declined;
	return (
		group.requests > 0 &&
		group.byPolicy / group.requests >= watermelon.policyShareAtLeast &&
		decided >= watermelon.decidedAtLeast &&
		group.declined / decided >= watermelon.declinedShareAtLeast
	);
};

/**
 * The groups HR may see, depth-first from the organisation: those with at least `insightsMinimum`
 * people who asked and no remainder below it, with their counts; the others only by name, folded
 * into the group above them.
 */
export async function flexInsights(now = new Date()) {
	const today = todayIn((await getOrganisation()).timeZone, now);
	const from = addDays(today, -insightsDays);
	const [units, counts, { name }] = await Promise.all([listUnits(), groupCounts(from), getOrganisation()]);
	const tree = groupTree(units);
	// People per unit on its own: its group's people minus those of the groups right below it.
	const people = (id: string) => counts.get(id)?.people ?? 0;
	const direct = new Map<string | null, number>(tree.order.map((id) => [id, people(id) - (tree.children.get(id) ?? []).reduce((sum, child) => sum + people(child), 0)]));
	const shown = shownGroups(tree, direct, new Set(tree.order), insightsMinimum);
	const byId = new Map(units.map((unit) => [unit.id, unit]));
	const groups = tree.order.map((id) => {
		const unit = byId.get(id);
		const group = { id, name: unit?.name ?? name, depth: unit ? unit.depth + 1 : 0 };
		const found = counts.get(id);
		return shown.has(id) && found ? { ...group, shown: true as const, ...found, watermelon: isWatermelon(found) } : { ...group, shown: false as const };
	});
	return { from, to: today, groups };
}

export type FlexInsights = Awaited<ReturnType<typeof flexInsights>>;
