// Retention signals per unit for HR: the HQ trend, why people left, declined flex exceptions and
// growth plans gone quiet. Every figure is a count or mean over a group (a unit with everything
// below it), never a person; each signal withholds a group with fewer than N people in it by the
// pulse's rules (a group below N folds into its parent, and no difference between two shown groups
// is about fewer than N either), so one signal's figures cannot be subtracted into a small group.
import { sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { can, type Actor } from '../authz';
import { sharedCache, shortLived } from '../cache';
import { listUnits } from '../org';
import { getOrganisation } from '../organisation';
import { addDays, pulseResults, today } from '../pulse';
import { groupTree, shownGroups, subtreeCounts, type GroupTree } from '../pulse/anonymity';
import { flexInsights } from '../flex/insights';
import { defaultMinGroupSize } from '$lib/pulse';
import { leavingReasons, type LeavingReason } from '$lib/alumni';

/** N for every signal here: the pulse's default. */
export const insightsMinimum = defaultMinGroupSize;
/** Leavers are counted over the last year, by their last day. */
export const exitDays = 365;
/** A plan is stalled when nothing was checked in on it (or since it began) for this long. */
export const stalledDays = 60;
/** How many closed pulse rounds the HQ trend shows. */
const trendRounds = 6;

type Direct = Map<string | null, number>;

/** Per group: the total of a count, or null where the group is withheld for `people` (the count the N rule is about). */
function perGroup(tree: GroupTree, people: Direct, counts: Direct): Map<string, number | null> {
	const shown = shownGroups(tree, people, new Set(tree.order), insightsMinimum);
	const totals = subtreeCounts(tree, counts);
	return new Map(tree.order.map((id) => [id, shown.has(id) ? (totals.get(id) ?? 0) : null]));
}

const directOf = (rows: { unit_id: string | null; count: number }[]): Direct => {
	const direct: Direct = new Map();
	for (const row of rows) direct.set(row.unit_id, (direct.get(row.unit_id) ?? 0) + Number(row.count));
	return direct;
};

/** Who left in the last year (an offboarding not cancelled), by the unit they left and their reason. */
async function exits(tree: GroupTree, from: string) {
	const rows = await rawRows<{ unit_id: string | null; reason: LeavingReason; count: number }>(
		db,
		sql`select p.unit_id, o.reason, count(distinct o.person_id)::int as count from offboarding o join person p on p.id = o.person_id
			where o.status <> 'cancelled' and o.last_day >= ${from}::date group by 1, 2`
	);
	const people = directOf(rows);
	const byReason = Object.fromEntries(leavingReasons.map((reason) => [reason, perGroup(tree, people, directOf(rows.filter((row) => row.reason === reason)))])) as Record<
		LeavingReason,
		Map<string, number | null>
	>;
	return { leavers: perGroup(tree, people, people), byReason };
}

/**
 * Plans of people employed now, by their unit: how many people have one, and how many plans are
 * stalled: begun before `before` and without a check-in since. Asked as "no recent check-in", the
 * few recent check-ins are read once, not every plan's latest (11 → 5 ms at 4k plans).
 */
async function stalledPlans(tree: GroupTree, before: string) {
	const rows = await rawRows<{ unit_id: string | null; owners: number; stalled: number }>(
		db,
		sql`select p.unit_id, count(distinct g.owner_id)::int as owners,
				(count(*) filter (where g.created_at::date < ${before}::date and recent.plan_id is null))::int as stalled
			from growth_plan g join person p on p.id = g.owner_id
				left join (select distinct plan_id from plan_check_in where "on" >= ${before}::date) recent on recent.plan_id = g.id
			where p.kind = 'employee' and p.status = 'active' group by 1`
	);
	const owners = directOf(rows.map((row) => ({ unit_id: row.unit_id, count: row.owners })));
	return perGroup(tree, owners, directOf(rows.map((row) => ({ unit_id: row.unit_id, count: row.stalled }))));
}

export interface InsightGroup {
	id: string;
	name: string;
	depth: number;
	/** HQ per round of the trend (null: not shown for that round). */
	hq: (number | null)[];
	leavers: number | null;
	exitReasons: Record<LeavingReason, number | null>;
	declinedExceptions: number | null;
	stalledPlans: number | null;
}

/** The signals per group, depth-first from the organisation; HR only (the route asks `insights.view`). */
export async function retentionInsights(actor: Actor) {
	const { timeZone, name } = await getOrganisation();
	const day = today(timeZone);
	const units = await listUnits();
	const tree = groupTree(units);
	const [pulse, flex, exitFigures, stalled] = await Promise.all([pulseResults(actor, {}), flexInsights(), exits(tree, addDays(day, -exitDays)), stalledPlans(tree, addDays(day, -stalledDays))]);
	const rounds = pulse?.rounds.slice(-trendRounds) ?? [];
	const flexById = new Map(flex.groups.map((group) => [group.id, group]));
	const byId = new Map(units.map((unit) => [unit.id, unit]));
	const groups: InsightGroup[] = tree.order.map((id) => {
		const unit = byId.get(id);
		const flexGroup = flexById.get(id);
		const series = pulse?.series[id]?.slice(-trendRounds) ?? [];
		return {
			id,
			name: unit?.name ?? name,
			depth: unit ? unit.depth + 1 : 0,
			hq: rounds.map((_, index) => series[index]?.hq ?? null),
			leavers: exitFigures.leavers.get(id) ?? null,
			exitReasons: Object.fromEntries(leavingReasons.map((reason) => [reason, exitFigures.byReason[reason].get(id) ?? null])) as Record<LeavingReason, number | null>,
			declinedExceptions: flexGroup?.shown ? flexGroup.declined : null,
			stalledPlans: stalled.get(id) ?? null
		};
	});
	return { survey: pulse?.survey ? { id: pulse.survey.id, name: pulse.survey.name } : null, rounds: rounds.map((round) => round.number), groups };
}

export type RetentionInsights = Awaited<ReturnType<typeof retentionInsights>>;

/**
 * How long the page keeps the insights before it computes them again. They move over weeks, and
 * computing them reads a year of leavers, every plan and every closed round (about 4 ms of the
 * database's time per visit at 10k people). Each instance keeps its own copy: the page says when
 * its figures were computed, and HR can have them computed at once.
 */
export const insightsKeptMs = 5 * 60_000;

const kept = sharedCache('insights', () =>
	shortLived(insightsKeptMs, async (actor: Actor) => ({ ...(await retentionInsights(actor)), computedAt: new Date().toISOString() }))
);

/**
 * The insights as last computed, at most `insightsKeptMs` ago. Kept once for all of HR, whoever
 * asked first: every figure is organisation-wide, the same for each of them, and for no one else.
 */
export function keptInsights(actor: Actor): Promise<RetentionInsights & { computedAt: string }> {
	if (!can(actor, 'insights.view')) throw new Error('Insights are for HR: the route asks insights.view first.');
	return kept().get(actor);
}

/** Forgets the kept insights: the next visit computes them anew. */
export function recomputeInsights(): void {
	kept().clear();
}
