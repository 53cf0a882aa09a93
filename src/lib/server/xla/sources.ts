// The values Kring computes itself, per month, for measures whose source is not `entered`: flex
// decisions (KPIs), a pulse dimension and "how was it?" ratings (experience). Computed on reading,
// so a figure always follows the data it comes from; nothing is copied into xla_value.
import { sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { getOrganisation } from '../organisation';
import { today } from '../pulse';
import { defaultMinGroupSize } from '$lib/pulse';
import type { XlaSource } from '$lib/xla';

/** How far back computed values go. */
const monthsBack = 12;
/** Ratings of a month show from this many on, as a pulse group does by default. */
export const ratingsShownFrom = defaultMinGroupSize;

export interface ComputedMeasure {
	id: string;
	source: XlaSource;
	pulseSurveyId: string | null;
	pulseDimension: string | null;
}

type Series = Map<string, number>;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The first day of the month `back` months before `day`'s. */
export const monthStart = (day: string, back = 0): string => {
	const [year, month] = day.split('-').map(Number) as [number, number];
	const index = year * 12 + (month - 1) - back;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/** Decisions by a person (not by the bounds): the median hours from request to decision, by the month decided. */
async function flexDecisionHours(from: string, timeZone: string): Promise<Series> {
	const rows = await rawRows<{ period: string; value: number }>(
		db,
		sql`select to_char(date_trunc('month', decided_at at time zone ${timeZone}), 'YYYY-MM-DD') as period,
				percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at) / 3600)::float8 as value
			from flex_arrangement
			where decided_by is not null and decided_at is not null and decided_at at time zone ${timeZone} >= ${from}::date
			group by 1`
	);
	return new Map(rows.map((row) => [row.period, round1(Number(row.value))]));
}

/** Of the requests whose decision deadline fell in a month (and has passed, or was met): the % decided by then. */
async function flexOnTime(from: string, timeZone: string): Promise<Series> {
	const rows = await rawRows<{ period: string; value: number }>(
		db,
		sql`select to_char(date_trunc('month', deadline_at at time zone ${timeZone}), 'YYYY-MM-DD') as period,
				(100.0 * count(*) filter (where decided_at <= deadline_at) / count(*))::float8 as value
			from flex_arrangement
			where deadline_at is not null and deadline_at at time zone ${timeZone} >= ${from}::date
				and (deadline_at < now() or decided_at <= deadline_at)
			group by 1`
	);
	return new Map(rows.map((row) => [row.period, round1(Number(row.value))]));
}

/**
 * A pulse dimension's organisation-wide score (0–10) by the month its rounds closed: from the
 * closed rounds' tallies, only rounds with at least the pulse's N answers (the whole organisation
 * is a group like any other).
 */
async function pulseScores(pairs: { surveyId: string; dimension: string }[], from: string): Promise<Map<string, Series>> {
	const out = new Map<string, Series>();
	if (pairs.length === 0) return out;
	const rows = await rawRows<{ survey_id: string; kind: string; period: string; value: number }>(
		db,
		sql`with shown as (
				select r.id, r.survey_id, r.closes_on from pulse_round r join pulse_survey s on s.id = r.survey_id
				where r.closed and r.closes_on >= ${from}::date and r.survey_id in (${sql.join(
					pairs.map((pair) => sql`${pair.surveyId}::uuid`),
					sql`, `
				)})
					and (select coalesce(sum(answered), 0) from pulse_round_unit u where u.round_id = r.id) >= s.min_group_size
			)
			select shown.survey_id, q.kind, to_char(date_trunc('month', shown.closes_on), 'YYYY-MM-DD') as period,
				(sum(t.total)::float8 / nullif(sum(t.answers), 0)) as value
			from shown join pulse_tally t on t.round_id = shown.id join pulse_question q on q.id = t.question_id
			group by 1, 2, 3`
	);
	for (const row of rows) {
		if (row.value === null) continue;
		const key = `${row.survey_id}:${row.kind}`;
		const series = out.get(key) ?? new Map();
		series.set(row.period, round1(Number(row.value)));
		out.set(key, series);
	}
	return out;
}

/** The mean rating per measure and month: only months that have ended (so one new rating cannot be read off a changing mean), with at least N ratings. */
async function ratingMeans(measureIds: string[], from: string, thisMonth: string): Promise<Map<string, Series>> {
	const out = new Map<string, Series>();
	if (measureIds.length === 0) return out;
	const rows = await rawRows<{ measure_id: string; period: string; value: number }>(
		db,
		sql`select measure_id, to_char(period, 'YYYY-MM-DD') as period, avg(score)::float8 as value from xla_rating
			where measure_id in (${sql.join(
				measureIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)}) and period >= ${from}::date and period < ${thisMonth}::date
			group by 1, 2 having count(*) >= ${ratingsShownFrom}`
	);
	for (const row of rows) {
		const series = out.get(row.measure_id) ?? new Map();
		series.set(row.period, round1(Number(row.value)));
		out.set(row.measure_id, series);
	}
	return out;
}

/** Each computed measure's values by month (YYYY-MM-01), in a handful of queries for all of them. */
export async function computedValues(measures: readonly ComputedMeasure[]): Promise<Map<string, Series>> {
	const out = new Map<string, Series>();
	const computed = measures.filter((measure) => measure.source !== 'entered');
	if (computed.length === 0) return out;
	const { timeZone } = await getOrganisation();
	const day = today(timeZone);
	const from = monthStart(day, monthsBack - 1);
	const has = (source: XlaSource) => computed.some((measure) => measure.source === source);
	const pairs = computed.flatMap((measure) => (measure.source === 'pulse_dimension' ? [{ surveyId: measure.pulseSurveyId!, dimension: measure.pulseDimension! }] : []));
	const [hours, onTime, pulse, ratings] = await Promise.all([
		has('flex_decision_hours') ? flexDecisionHours(from, timeZone) : new Map(),
		has('flex_on_time') ? flexOnTime(from, timeZone) : new Map(),
		pulseScores(pairs, from),
		ratingMeans(
			computed.filter((measure) => measure.source === 'rating').map((measure) => measure.id),
			from,
			monthStart(day)
		)
	]);
	for (const measure of computed) {
		const series =
			measure.source === 'flex_decision_hours'
				? hours
				: measure.source === 'flex_on_time'
					? onTime
					: measure.source === 'pulse_dimension'
						? pulse.get(`${measure.pulseSurveyId}:${measure.pulseDimension}`)
						: ratings.get(measure.id);
		out.set(measure.id, series ?? new Map());
	}
	return out;
}
