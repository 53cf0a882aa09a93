import { asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, isId, type Executor } from '../db';
import { xlaMeasure, xlaService, xlaValue, type XlaMeasureKind } from './schema';

export { xlaMeasureKinds, type XlaMeasureKind } from './schema';

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

async function withMeasures(services: { id: string; name: string; description: string | null }[]): Promise<XlaServiceView[]> {
	if (services.length === 0) return [];
	const measures = await db
		.select()
		.from(xlaMeasure)
		.where(
			inArray(
				xlaMeasure.serviceId,
				services.map((service) => service.id)
			)
		)
		.orderBy(asc(xlaMeasure.kind), asc(xlaMeasure.name));
	// The newest values per measure, ranked in SQL so that old periods are never read.
	const ranked = db
		.select({
			measureId: xlaValue.measureId,
			period: xlaValue.period,
			value: xlaValue.value,
			rank: sql<number>`row_number() over (partition by ${xlaValue.measureId} order by ${xlaValue.period} desc)`.as('rank')
		})
		.from(xlaValue)
		.where(
			inArray(
				xlaValue.measureId,
				measures.map((measure) => measure.id)
			)
		)
		.as('ranked');
	const values = measures.length
		? await db
				.select({ measureId: ranked.measureId, period: ranked.period, value: ranked.value })
				.from(ranked)
				.where(lte(ranked.rank, periodsShown))
				.orderBy(desc(ranked.period))
		: [];
	return services.map((service) => {
		const own: XlaMeasureView[] = measures
			.filter((measure) => measure.serviceId === service.id)
			.map((measure) => {
				const series = values.filter((value) => value.measureId === measure.id).map(({ period, value }) => ({ period, value, met: meetsTarget(measure, value) }));
				return {
					id: measure.id,
					kind: measure.kind,
					name: measure.name,
					unit: measure.unit,
					target: measure.target,
					higherIsBetter: measure.higherIsBetter,
					values: series,
					latest: series[0]?.value ?? null
				};
			});
		return { ...service, measures: own, status: classify(own) };
	});
}

/** Every service with its status, watermelons first. */
export async function listServices(): Promise<XlaServiceView[]> {
	const services = await db.select({ id: xlaService.id, name: xlaService.name, description: xlaService.description }).from(xlaService).orderBy(asc(xlaService.name));
	const views = await withMeasures(services);
	return views.sort((a, b) => xlaStatuses.indexOf(a.status) - xlaStatuses.indexOf(b.status));
}

export async function getService(id: string): Promise<XlaServiceView | null> {
	if (!isId(id)) return null;
	const services = await db.select({ id: xlaService.id, name: xlaService.name, description: xlaService.description }).from(xlaService).where(eq(xlaService.id, id));
	return (await withMeasures(services))[0] ?? null;
}

export async function createService(input: { name: string; description: string | null }, executor: Executor = db): Promise<{ ok: true; id: string } | { ok: false; field: 'name'; reason: 'duplicate' }> {
	const [created] = await executor.insert(xlaService).values(input).onConflictDoNothing().returning({ id: xlaService.id });
	return created ? { ok: true, id: created.id } : { ok: false, field: 'name', reason: 'duplicate' };
}

export async function addMeasure(serviceId: string, input: { kind: XlaMeasureKind; name: string; target: number; higherIsBetter: boolean; unit: string | null }): Promise<void> {
	await db.insert(xlaMeasure).values({ serviceId, ...input });
}

/** Records (or corrects) a measure's value for a month; false when the measure is not this service's. */
export async function recordValue(serviceId: string, input: { measureId: string; period: string; value: number }): Promise<boolean> {
	const [measure] = await db.select({ serviceId: xlaMeasure.serviceId }).from(xlaMeasure).where(eq(xlaMeasure.id, input.measureId));
	if (measure?.serviceId !== serviceId) return false;
	const period = `${input.period.slice(0, 7)}-01`;
	await db
		.insert(xlaValue)
		.values({ measureId: input.measureId, period, value: input.value })
		.onConflictDoUpdate({ target: [xlaValue.measureId, xlaValue.period], set: { value: input.value } });
	return true;
}
