import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/schema/core';

export const xlaMeasureKinds = ['kpi', 'experience'] as const;
export type XlaMeasureKind = (typeof xlaMeasureKinds)[number];

/** A service or process the organisation steers on: "IT service desk", "onboarding". */
export const xlaService = pgTable('xla_service', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull().unique(),
	description: text('description'),
	createdAt: createdAt()
});

/** A hard KPI (e.g. "tickets solved within a day", %) or an experience measure ("how was it?", 0–10), each with its own target. */
export const xlaMeasure = pgTable(
	'xla_measure',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		serviceId: uuid('service_id')
			.notNull()
			.references(() => xlaService.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: xlaMeasureKinds }).notNull(),
		name: text('name').notNull(),
		target: doublePrecision('target').notNull(),
		/** False for measures where lower is better (e.g. median decision time). */
		higherIsBetter: boolean('higher_is_better').notNull().default(true),
		unit: text('unit'),
		createdAt: createdAt()
	},
	(t) => [index('xla_measure_service_idx').on(t.serviceId)]
);

/** One value per measure and period (the first day of a month). */
export const xlaValue = pgTable(
	'xla_value',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => xlaMeasure.id, { onDelete: 'cascade' }),
		period: date('period').notNull(),
		value: doublePrecision('value').notNull()
	},
	(t) => [primaryKey({ columns: [t.measureId, t.period] }), check('xla_value_period_month', sql`extract(day from ${t.period}) = 1`)]
);
