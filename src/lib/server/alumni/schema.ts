import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, person } from '../db/schema/core';
import { exitReasons, leavingReasons, openToFlags, sharedFields } from '../../alumni';

export { exitReasons, leavingReasons, openToFlags, sharedFields, type ExitReason, type LeavingReason, type OpenToFlag, type SharedField } from '../../alumni';

export const offboardingStatuses = ['scheduled', 'completed', 'cancelled'] as const;
export type OffboardingStatus = (typeof offboardingStatuses)[number];

/**
 * HR's record of a departure. Only the HR pages and the completion job read it: the person's own
 * pages, the directory and search never join it, so its HR-only fields cannot leak through them.
 */
export const offboarding = pgTable(
	'offboarding',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		lastDay: date('last_day').notNull(),
		reason: text('reason', { enum: leavingReasons }).notNull(),
		rehireEligible: boolean('rehire_eligible').notNull(),
		personalEmail: text('personal_email').notNull(),
		status: text('status', { enum: offboardingStatuses }).notNull().default('scheduled'),
		startedBy: uuid('started_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		// The alumni invitation (sent on completion), stored hashed like every emailed token.
		invitationId: text('invitation_id'),
		invitationSecretHash: bytea('invitation_secret_hash'),
		invitationExpiresAt: timestamp('invitation_expires_at', { withTimezone: true }),
		invitationUsedAt: timestamp('invitation_used_at', { withTimezone: true }),
		// The exit survey link, when HR attached one: single use, stored hashed. Answering only
		// flips `surveyAnswered` (no time), and the answer itself is stored apart with no link back.
		surveyTokenId: text('survey_token_id'),
		surveySecretHash: bytea('survey_secret_hash'),
		surveyExpiresAt: timestamp('survey_expires_at', { withTimezone: true }),
		surveyAnswered: boolean('survey_answered').notNull().default(false)
	},
	(t) => [
		// One open offboarding per person; history stays.
		uniqueIndex('offboarding_open_person_idx').on(t.personId).where(sql`${t.status} = 'scheduled'`),
		index('offboarding_due_idx').on(t.lastDay).where(sql`${t.status} = 'scheduled'`),
		uniqueIndex('offboarding_invitation_idx').on(t.invitationId),
		uniqueIndex('offboarding_survey_token_idx').on(t.surveyTokenId)
	]
);

/**
 * An alumnus's own network profile. Listed in the directory only with consent: `consentedAt` and
 * the version of the text they agreed to are kept; withdrawing clears them.
 */
export const alumniProfile = pgTable(
	'alumni_profile',
	{
		personId: uuid('person_id')
			.primaryKey()
			.references(() => person.id, { onDelete: 'cascade' }),
		currentEmployer: text('current_employer'),
		currentRole: text('current_role'),
		location: text('location'),
		openTo: text('open_to', { enum: openToFlags }).array().notNull().default(sql`'{}'::text[]`),
		shared: text('shared', { enum: sharedFields }).array().notNull().default(sql`'{}'::text[]`),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		consentedAt: timestamp('consented_at', { withTimezone: true }),
		consentVersion: text('consent_version'),
		/** The 6- and 13-month check-in emails; an alumnus may turn them off. */
		checkIns: boolean('check_ins').notNull().default(true),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('alumni_profile_listed_idx').on(t.personId).where(sql`${t.consentedAt} is not null`),
		// The directory's "open to" filter: a third of the listed are open to mentoring, say, and
		// testing each listed profile's flags cost more than reading those from an index (20k alumni: 10 -> 4 ms).
		index('alumni_profile_open_to_idx').using('gin', t.openTo).where(sql`${t.consentedAt} is not null`)
	]
);

/**
 * One exit survey answer, without its author: a random id, the quarter it came in ("2026-Q4", no
 * finer time), the scores in `exitSurveyQuestions` order and the reason chosen.
 */
export const exitSurveyAnswer = pgTable(
	'exit_survey_answer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		quarter: text('quarter').notNull(),
		scores: smallint('scores').array().notNull(),
		reason: text('reason', { enum: exitReasons }).notNull()
	},
	(t) => [index('exit_survey_answer_quarter_idx').on(t.quarter)]
);

/** Comments kept apart from the scores, so that neither can be joined to the other. */
export const exitSurveyComment = pgTable(
	'exit_survey_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		quarter: text('quarter').notNull(),
		body: text('body').notNull()
	},
	(t) => [index('exit_survey_comment_quarter_idx').on(t.quarter)]
);

/** The check-ins sent: the key makes each milestone go out once per alumnus, also from parallel jobs. */
export const alumniCheckIn = pgTable(
	'alumni_check_in',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		months: smallint('months').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.personId, t.months] })]
);

/**
 * A message sent through the directory: who wrote to whom, so the recipient may reply through
 * Kring and the daily limit can be shown. The text itself went out by email and is not kept.
 */
export const alumniMessage = pgTable(
	'alumni_message',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		senderId: uuid('sender_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		recipientId: uuid('recipient_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		replyToId: uuid('reply_to_id'),
		createdAt: createdAt()
	},
	(t) => [index('alumni_message_recipient_idx').on(t.recipientId)]
);
