import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgUnit, person } from '../db/schema/core';

import { defaultMinGroupSize, pulseDimensions, pulseQuestionKinds } from '../../pulse';

/** A recurring survey HR defines. */
export const pulseSurvey = pgTable(
	'pulse_survey',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		/** Units whose subtrees are asked; empty: the whole organisation. */
		audienceUnitIds: uuid('audience_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
		recurrenceDays: integer('recurrence_days').notNull(),
		/** How long a round stays open, in days. */
		windowDays: integer('window_days').notNull(),
		/** N: the fewest answers a group needs before anything about it is shown; comments need 2N. */
		minGroupSize: integer('min_group_size').notNull().default(defaultMinGroupSize),
		allowComment: boolean('allow_comment').notNull().default(true),
		active: boolean('active').notNull().default(true),
		/** The day the next round opens (the job opens it and moves this on by the recurrence). */
		nextOpensOn: date('next_opens_on').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		check('pulse_survey_min_group', sql`${t.minGroupSize} >= 3`),
		check('pulse_survey_window', sql`${t.windowDays} >= 1 and ${t.windowDays} <= ${t.recurrenceDays}`)
	]
);

export const pulseQuestion = pgTable(
	'pulse_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => pulseSurvey.id, { onDelete: 'cascade' }),
		/** Answers store their scores in this order. */
		position: smallint('position').notNull(),
		kind: text('kind', { enum: pulseQuestionKinds }).notNull(),
		prompt: text('prompt').notNull(),
		/** The rounds that ask it: an edit retires the questions asked so far and adds new ones from the next round on. */
		firstRound: integer('first_round').notNull().default(1),
		lastRound: integer('last_round')
	},
	(t) => [index('pulse_question_survey_idx').on(t.surveyId, t.position)]
);

export const pulseRound = pgTable(
	'pulse_round',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => pulseSurvey.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		opensOn: date('opens_on').notNull(),
		closesOn: date('closes_on').notNull(),
		reminded: boolean('reminded').notNull().default(false),
		/** Closed: answers are tallied and deleted, participation is forgotten. */
		closed: boolean('closed').notNull().default(false)
	},
	(t) => [index('pulse_round_survey_idx').on(t.surveyId, t.number), index('pulse_round_open_idx').on(t.closed, t.closesOn)]
);

/**
 * Who has answered an open round, only to refuse a second answer and to remind the others. Nothing
 * here points at an answer: no answer id, no time. Deleted when the round closes.
 */
export const pulseParticipation = pgTable(
	'pulse_participation',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => pulseRound.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.roundId, t.personId] })]
);

/**
 * One answer to an open round, without its author: a random id, the unit the author was in, the
 * scores in question order. No time. Tallied and deleted when the round closes.
 */
export const pulseAnswer = pgTable(
	'pulse_answer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => pulseRound.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		scores: smallint('scores').array().notNull()
	},
	(t) => [index('pulse_answer_round_idx').on(t.roundId)]
);

/** Comments are kept apart from the scores, so that a comment cannot be joined to the scores beside it. */
export const pulseComment = pgTable(
	'pulse_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => pulseRound.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		body: text('body').notNull()
	},
	(t) => [index('pulse_comment_round_idx').on(t.roundId, t.unitId)]
);

/** A closed round's scores per unit and question: what every result is computed from. */
export const pulseTally = pgTable(
	'pulse_tally',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => pulseRound.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		questionId: uuid('question_id')
			.notNull()
			.references(() => pulseQuestion.id, { onDelete: 'cascade' }),
		answers: integer('answers').notNull(),
		total: integer('total').notNull(),
		/** For eNPS: answers of 9–10 and of 0–6. */
		promoters: integer('promoters').notNull(),
		detractors: integer('detractors').notNull()
	},
	(t) => [index('pulse_tally_round_idx').on(t.roundId)]
);

/** Per round and unit: how many were asked (at opening) and how many answered (at closing). */
export const pulseRoundUnit = pgTable(
	'pulse_round_unit',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => pulseRound.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		invited: integer('invited').notNull(),
		answered: integer('answered').notNull().default(0)
	},
	(t) => [index('pulse_round_unit_round_idx').on(t.roundId)]
);

/** "You said, we did": what a lead or HR did about a dimension, for a group (null: the whole organisation). */
export const pulseAction = pgTable(
	'pulse_action',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => pulseSurvey.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'cascade' }),
		dimension: text('dimension', { enum: pulseDimensions }).notNull(),
		title: text('title').notNull(),
		description: text('description'),
		takenOn: date('taken_on').notNull(),
		createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('pulse_action_survey_idx').on(t.surveyId, t.unitId)]
);
