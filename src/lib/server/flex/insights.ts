// Fairness of flexible work, per unit, for HR: how requests fare, aggregated over the last year and
// shown only for groups of at least five people who asked. Groups are units with everything below
// them; the pulse's anonymity rules decide which can be shown, so that no difference between shown
// groups (a department minus its one large team) is about fewer than five people either.
import { sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { flexArrangement } from '../db/schema';
import { listUnits } from '../org';
import { getOrganisation } from '../organisation';
import { groupTree, orgWide, shownGroups } from '../pulse/anonymity';
import { addDays } from './engine';
import { todayIn } from './index';
import { derivedFromArrangements } from './derived';

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
}
const countNames = ['people', 'requests', 'byPolicy', 'declinedByPolicy', 'exceptions', 'granted', 'declined', 'silent', 'open'] as const;

/**
 * Figures per unit on its own, with the hours each decision by a person took. Each person counts
 * in one unit only (where they last asked), so that a group's figures add up exactly from its
 * units, as the withholding needs. Requests of people in no unit come under null.
 */
async function unitFigures(from: string) {
	const rows = await rawRows<Record<(typeof countNames)[number], number> & { unit_id: string | null; hours: number[] | null }>(
		db,
		sql`with asked as (
				select a.person_id, a.by_policy, a.status, a.decided_by is not null as decided, coalesce(a.decision_note, '') = '' as silent,
					(extract(epoch from a.decided_at - a.created_at) / 3600)::float8 as hours,
					first_value(a.unit_id) over (partition by a.person_id order by a.created_at desc, a.id) as unit_id
				from ${flexArrangement} a where a.created_at >= ${from}::date
			)
			select unit_id,
				count(distinct person_id)::int as people,
				count(*)::int as requests,
				(count(*) filter (where by_policy and status <> 'declined'))::int as "byPolicy",
				(count(*) filter (where by_policy and status = 'declined'))::int as "declinedByPolicy",
				(count(*) filter (where not by_policy))::int as exceptions,
				(count(*) filter (where not by_policy and decided and status in ('approved', 'withdrawn')))::int as granted,
				(count(*) filter (where not by_policy and decided and status = 'declined'))::int as declined,
				(count(*) filter (where not by_policy and decided and status = 'declined' and silent))::int as silent,
				(count(*) filter (where not by_policy and not decided))::int as open,
				array_agg(hours) filter (where not by_policy and decided) as hours
			from asked group by unit_id`
	);
	return new Map(rows.map((row) => [row.unit_id, row]));
}

/** The middle value (the mean of the two middle ones for an even count), as `percentile_cont(0.5)`. */
function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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

/** A year's figures change slowly and cost a pass over every request in it: kept a minute, cleared by a change here. */
const kept = derivedFromArrangements(60_000, (today) => groupsOn(today));

/**
 * The groups HR may see, depth-first from the organisation: those with at least `insightsMinimum`
 * people who asked and no remainder below it, with their figures; the others only by name, counted
 * in the group above them.
 */
export async function flexInsights(now = new Date()) {
	return kept.get(todayIn((await getOrganisation()).timeZone, now));
}

async function groupsOn(today: string) {
	const from = addDays(today, -insightsDays);
	const [units, figures, { name }] = await Promise.all([listUnits(), unitFigures(from), getOrganisation()]);
	const tree = groupTree(units);
	const own = (id: string) => figures.get(id === orgWide ? null : id);
	// A group's figures: its unit's own and those of the groups right below it (the organisation's also hold people in no unit).
	const groups = new Map<string, GroupCounts & { hours: number[] }>();
	for (const id of [...tree.order].reverse()) {
		const parts = [own(id), ...(tree.children.get(id) ?? []).map((child) => groups.get(child))];
		const sums = Object.fromEntries(countNames.map((key) => [key, parts.reduce((total, part) => total + Number(part?.[key] ?? 0), 0)])) as Record<keyof GroupCounts, number>;
		groups.set(id, { ...sums, hours: parts.flatMap((part) => part?.hours ?? []).map(Number) });
	}
	const direct = new Map<string | null, number>(tree.order.map((id) => [id, Number(own(id)?.people ?? 0)]));
	const shown = shownGroups(tree, direct, new Set(tree.order), insightsMinimum);
	const byId = new Map(units.map((unit) => [unit.id, unit]));
	return {
		from,
		to: today,
		groups: tree.order.map((id) => {
			const unit = byId.get(id);
			const group = { id, name: unit?.name ?? name, depth: unit ? unit.depth + 1 : 0 };
			const { hours, ...counts } = groups.get(id)!;
			return shown.has(id) ? { ...group, shown: true as const, ...counts, medianDecisionHours: median(hours), watermelon: isWatermelon(counts) } : { ...group, shown: false as const };
		})
	};
}

export type FlexInsights = Awaited<ReturnType<typeof flexInsights>>;
