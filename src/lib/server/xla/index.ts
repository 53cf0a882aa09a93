import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { sharedCache, shortLived } from '../cache';
import { db, isId, prepared, preparedShapes, type Executor } from '../db';
import type { Actor } from '../authz';
import { getOrganisation } from '../organisation';
import { today } from '../pulse';
import { pulseSurvey } from '../pulse/schema';
import { xlaMeasure, xlaRater, xlaRating, xlaService, xlaValue, type XlaMeasureKind } from './schema';
import { computedValues, monthStart } from './sources';
import type { PulseDimension } from '$lib/pulse';
import { ratingOptions, type RatingScale, type XlaSource } from '$lib/xla';

export { xlaMeasureKinds, type XlaMeasureKind } from './schema';
export { ratingsShownFrom } from './sources';

/** Green outside (KPIs) and red inside (experience): the watermelon. */
export const xlaStatuses = ['watermelon', 'red_red', 'red_green', 'green_green', 'unknown'] as const;
export type XlaStatus = (typeof xlaStatuses)[number];

export interface MeasureTarget {
	target: number;
	higherIsBetter: boolean;
}

export function meetsTarget(measure: MeasureTarget, value: number): boolean {
	return measure.higherIsBetter ? value >= measure.target : value <= measure.target;
}

/**
 * A service's status from its measures' latest values: a side is green when every measure on it
 * meets its target, red when any misses; without values on either side the status is unknown.
 */
export function classify(measures: readonly (MeasureTarget & { kind: XlaMeasureKind; latest: number | null })[]): XlaStatus {
	const side = (kind: XlaMeasureKind): boolean | null => {
		const measured = measures.filter((measure) => measure.kind === kind && measure.latest !== null);
		if (measured.length === 0) return null;
		return measured.every((measure) => meetsTarget(measure, measure.latest!));
	};
	const kpi = side('kpi');
	const experience = side('experience');
	if (kpi === null || experience === null) return 'unknown';
	if (kpi) return experience ? 'green_green' : 'watermelon';
	return experience ? 'red_green' : 'red_red';
}

export interface XlaMeasureView extends MeasureTarget {
	id: string;
	kind: XlaMeasureKind;
	name: string;
	unit: string | null;
	source: XlaSource;
	/** For a pulse dimension: which pulse (its name) and dimension. */
	pulse: { surveyName: string; dimension: PulseDimension } | null;
	ratingScale: RatingScale | null;
	/** Newest first. */
	values: { period: string; value: number; met: boolean }[];
	latest: number | null;
}

export interface XlaServiceView {
	id: string;
	name: string;
	description: string | null;
	measures: XlaMeasureView[];
	status: XlaStatus;
}

/** How many periods a service page shows per measure. */
const periodsShown = 6;

/** Every service (the list), or one (the placeholder `service`): the two shapes each query below is built in once. */
type Scope = 'all' | 'one';
const ofScope = (scope: Scope, column: typeof xlaService.id | typeof xlaMeasure.serviceId) => (scope === 'one' ? eq(column, sql.placeholder('service')) : undefined);

const servicesQuery = preparedShapes((scope: Scope) => scope, (database, scope: Scope) =>
	database
		.select({ id: xlaService.id, name: xlaService.name, description: xlaService.description })
		.from(xlaService)
		.where(ofScope(scope, xlaService.id))
		.orderBy(asc(xlaService.name))
		.prepare(`xla_services_${scope}`)
);

const measuresQuery = preparedShapes((scope: Scope) => scope, (database, scope: Scope) =>
	database
		.select({ measure: xlaMeasure, surveyName: pulseSurvey.name })
		.from(xlaMeasure)
		.leftJoin(pulseSurvey, eq(pulseSurvey.id, xlaMeasure.pulseSurveyId))
		.where(ofScope(scope, xlaMeasure.serviceId))
		.orderBy(asc(xlaMeasure.kind), asc(xlaMeasure.name))
		.prepare(`xla_measures_${scope}`)
);

// The newest values of each entered measure, ranked in SQL so that old periods are never read.
const valuesQuery = preparedShapes((scope: Scope) => scope, (database, scope: Scope) => {
	const ranked = database
		.select({
			measureId: xlaValue.measureId,
			period: xlaValue.period,
			value: xlaValue.value,
			rank: sql<number>`row_number() over (partition by ${xlaValue.measureId} order by ${xlaValue.period} desc)`.as('rank')
		})
		.from(xlaValue)
		.innerJoin(xlaMeasure, eq(xlaMeasure.id, xlaValue.measureId))
		.where(and(eq(xlaMeasure.source, 'entered'), ofScope(scope, xlaMeasure.serviceId)))
		.as('ranked');
	return database
		.select({ measureId: ranked.measureId, period: ranked.period, value: ranked.value })
		.from(ranked)
		.where(lte(ranked.rank, periodsShown))
		.orderBy(desc(ranked.period))
		.prepare(`xla_values_${scope}`);
});

/** The services in scope with their measures, their latest values and their status. */
async function servicesWithMeasures(scope: Scope, serviceId?: string): Promise<XlaServiceView[]> {
	const values = { service: serviceId };
	const services = await servicesQuery(scope).execute(values);
	if (services.length === 0) return [];
	const measures = await measuresQuery(scope).execute(values);
	const [entered, computed] = await Promise.all([
		measures.some(({ measure }) => measure.source === 'entered') ? valuesQuery(scope).execute(values) : [],
		computedValues(measures.map(({ measure }) => measure))
	]);
	const seriesOf = (id: string) => {
		const series = computed.get(id);
		if (!series) return entered.filter((value) => value.measureId === id);
		return [...series]
			.sort(([a], [b]) => b.localeCompare(a))
			.slice(0, periodsShown)
			.map(([period, value]) => ({ period, value }));
	};
	return services.map((service) => {
		const own: XlaMeasureView[] = measures
			.filter(({ measure }) => measure.serviceId === service.id)
			.map(({ measure, surveyName }) => {
				const series = seriesOf(measure.id).map(({ period, value }) => ({ period, value, met: meetsTarget(measure, value) }));
				return {
					id: measure.id,
					kind: measure.kind,
					name: measure.name,
					unit: measure.unit,
					target: measure.target,
					higherIsBetter: measure.higherIsBetter,
					source: measure.source,
					pulse: measure.pulseDimension && surveyName ? { surveyName, dimension: measure.pulseDimension } : null,
					ratingScale: (measure.ratingScale as RatingScale | null) ?? null,
					values: series,
					latest: series[0]?.value ?? null
				};
			});
		return { ...service, measures: own, status: classify(own) };
	});
}

// The list is read on every visit to /xla and changes when HR edits a service (which clears it here
// at once; other instances within the 30 s) or when a computed measure's month moves: a monthly
// figure 30 s late is still that month's. Its four queries were a fifth of the page's time.
const everyService = sharedCache('xla-services', () =>
	shortLived(30_000, async () => {
		const views = await servicesWithMeasures('all');
		return views.sort((a, b) => xlaStatuses.indexOf(a.status) - xlaStatuses.indexOf(b.status));
	})
);

/** Every service with its status, watermelons first. */
export async function listServices(): Promise<readonly XlaServiceView[]> {
	return everyService().get();
}

/** Forgets the list: after a change to a service, its measures or its entered values. */
export function servicesChanged(): void {
	everyService().clear();
}

export async function getService(id: string): Promise<XlaServiceView | null> {
	if (!isId(id)) return null;
	return (await servicesWithMeasures('one', id))[0] ?? null;
}

export async function createService(input: { name: string; description: string | null }, executor: Executor = db): Promise<{ ok: true; id: string } | { ok: false; field: 'name'; reason: 'duplicate' }> {
	const [created] = await executor.insert(xlaService).values(input).onConflictDoNothing().returning({ id: xlaService.id });
	if (created) servicesChanged();
	return created ? { ok: true, id: created.id } : { ok: false, field: 'name', reason: 'duplicate' };
}

export interface MeasureInput {
	kind: XlaMeasureKind;
	name: string;
	target: number;
	higherIsBetter: boolean;
	unit: string | null;
	source: XlaSource;
	pulseSurveyId: string | null;
	pulseDimension: PulseDimension | null;
	ratingScale: RatingScale | null;
}

/** Adds a measure; a pulse dimension's survey must exist. */
export async function addMeasure(serviceId: string, input: MeasureInput): Promise<{ ok: true } | { ok: false; field: 'pulseSurveyId'; reason: 'not_found' }> {
	if (input.pulseSurveyId) {
		const [survey] = await db.select({ id: pulseSurvey.id }).from(pulseSurvey).where(eq(pulseSurvey.id, input.pulseSurveyId));
		if (!survey) return { ok: false, field: 'pulseSurveyId', reason: 'not_found' };
	}
	await db.insert(xlaMeasure).values({ serviceId, ...input });
	servicesChanged();
	return { ok: true };
}

/** Records (or corrects) a measure's value for a month; false when the measure is not this service's. */
export async function recordValue(serviceId: string, input: { measureId: string; period: string; value: number }): Promise<boolean> {
	const [measure] = await db.select({ serviceId: xlaMeasure.serviceId, source: xlaMeasure.source }).from(xlaMeasure).where(eq(xlaMeasure.id, input.measureId));
	// Computed measures take no typed values: their figures come from Kring's own data.
	if (measure?.serviceId !== serviceId || measure.source !== 'entered') return false;
	const period = `${input.period.slice(0, 7)}-01`;
	await db
		.insert(xlaValue)
		.values({ measureId: input.measureId, period, value: input.value })
		.onConflictDoUpdate({ target: [xlaValue.measureId, xlaValue.period], set: { value: input.value } });
	servicesChanged();
	return true;
}

// ---------------------------------------------------------------------------------------------
// "How was it?" ratings by the people served

// Which of a service's rating measures the person rated in a month: asked on every visit to a service.
const ratedQuery = prepared((database) =>
	database
		.select({ measureId: xlaRater.measureId })
		.from(xlaRater)
		.innerJoin(xlaMeasure, eq(xlaMeasure.id, xlaRater.measureId))
		.where(and(eq(xlaMeasure.serviceId, sql.placeholder('service')), eq(xlaRater.personId, sql.placeholder('person')), eq(xlaRater.period, sql.placeholder('period'))))
		.prepare('xla_rated')
);

/** The rating measures of a service this person has not rated this month. */
export async function unratedThisMonth(actor: Actor, service: XlaServiceView): Promise<string[]> {
	const ratingIds = service.measures.filter((measure) => measure.source === 'rating').map((measure) => measure.id);
	if (ratingIds.length === 0) return [];
	const period = monthStart(today((await getOrganisation()).timeZone));
	const rated = await ratedQuery().execute({ service: service.id, person: actor.id, period });
	return ratingIds.filter((id) => !rated.some((row) => row.measureId === id));
}

export type RateResult = { ok: true } | { ok: false; reason: 'not_found' | 'already_rated' | 'invalid' };

/**
 * One rating per person, measure and month. Who rated and what they gave are written apart (no
 * shared id, no time finer than the month); the rater's primary key refuses a second rating, also
 * from parallel requests. A month's mean shows once the month is over, from `ratingsShownFrom` on.
 */
export async function rate(actor: Actor, serviceId: string, measureId: string, score: number): Promise<RateResult> {
	if (!isId(serviceId) || !isId(measureId)) return { ok: false, reason: 'not_found' };
	const [measure] = await db.select().from(xlaMeasure).where(and(eq(xlaMeasure.id, measureId), eq(xlaMeasure.serviceId, serviceId), eq(xlaMeasure.source, 'rating')));
	if (!measure) return { ok: false, reason: 'not_found' };
	if (!ratingOptions(measure.ratingScale as RatingScale).includes(score)) return { ok: false, reason: 'invalid' };
	const period = monthStart(today((await getOrganisation()).timeZone));
	return db.transaction(async (tx) => {
		const taken = await tx.insert(xlaRater).values({ measureId, period, personId: actor.id }).onConflictDoNothing().returning({ measureId: xlaRater.measureId });
		if (taken.length === 0) return { ok: false, reason: 'already_rated' } as const;
		await tx.insert(xlaRating).values({ measureId, period, score });
		return { ok: true } as const;
	});
}
