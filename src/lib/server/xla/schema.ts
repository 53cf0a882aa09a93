import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from '../db/schema/core';
import { pulseSurvey } from '../pulse/schema';
import { pulseDimensions } from '../../pulse';
import { xlaSources } from '../../xla';

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
		/** Entered (or imported) values live in xla_value; every other source is computed per month on reading. */
		source: text('source', { enum: xlaSources }).notNull().default('entered'),
		/** For `pulse_dimension`: which pulse and dimension. */
		pulseSurveyId: uuid('pulse_survey_id').references(() => pulseSurvey.id, { onDelete: 'cascade' }),
		pulseDimension: text('pulse_dimension', { enum: pulseDimensions }),
		/** For `rating`: 5 (1–5) or 10 (0–10). */
		ratingScale: smallint('rating_scale'),
		createdAt: createdAt()
	},
	(t) => [
		index('xla_measure_service_idx').on(t.serviceId),
		check('xla_measure_pulse_source', sql`(${t.source} = 'pulse_dimension') = (${t.pulseSurveyId} is not null and ${t.pulseDimension} is not null)`),
		check('xla_measure_rating_source', sql`(${t.source} = 'rating') = (${t.ratingScale} is not null) and coalesce(${t.ratingScale} in (5, 10), true)`)
	]
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

/**
 * Who has rated a measure in a month: only to refuse a second rating. Like pulse participation it
 * shares nothing with the ratings (no id, no time finer than the month).
 */
export const xlaRater = pgTable(
	'xla_rater',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => xlaMeasure.id, { onDelete: 'cascade' }),
		period: date('period').notNull(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.measureId, t.period, t.personId] })]
);

/** A "how was it?" rating, without its author: the measure, the month and the score. */
export const xlaRating = pgTable(
	'xla_rating',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		measureId: uuid('measure_id')
			.notNull()
			.references(() => xlaMeasure.id, { onDelete: 'cascade' }),
		period: date('period').notNull(),
		score: smallint('score').notNull()
	},
	(t) => [index('xla_rating_measure_idx').on(t.measureId, t.period), check('xla_rating_score', sql`${t.score} between 0 and 10`)]
);
