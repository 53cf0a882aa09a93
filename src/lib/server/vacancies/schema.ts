import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgUnit, person } from '../db/schema/core';
import { referralStatuses, vacancyAudiences, vacancyStatuses } from '../../vacancies';

export { referralStatuses, vacancyAudiences, vacancyStatuses, type ReferralStatus, type VacancyAudience, type VacancyStatus } from '../../vacancies';

/** A job HR posts for employees, for employees and alumni, or for anyone. */
export const vacancy = pgTable(
	'vacancy',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		location: text('location'),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		audience: text('audience', { enum: vacancyAudiences }).notNull(),
		status: text('status', { enum: vacancyStatuses }).notNull().default('open'),
		createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	// The list walks the newest open vacancies and stops at a page; HR's list (closed too) has its own.
	// Its count of open ones per audience comes from the audience index alone, without reading a row.
	(t) => [
		index('vacancy_open_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'open'`),
		index('vacancy_open_audience_idx').on(t.audience).where(sql`${t.status} = 'open'`),
		index('vacancy_created_idx').on(t.createdAt, t.id)
	]
);

/** A boomerang (or internal) application: one per person and vacancy, with their note. */
export const vacancyApplication = pgTable(
	'vacancy_application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		vacancyId: uuid('vacancy_id')
			.notNull()
			.references(() => vacancy.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		note: text('note').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('vacancy_application_person_idx').on(t.vacancyId, t.personId), index('vacancy_application_applicant_idx').on(t.personId)]
);

/**
 * The referral ledger. One candidate (by email) per vacancy: the unique index makes the first
 * referral win when two arrive at once. The status only moves forward (see `referralMoves`).
 */
export const referral = pgTable(
	'referral',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		vacancyId: uuid('vacancy_id')
			.notNull()
			.references(() => vacancy.id, { onDelete: 'cascade' }),
		referrerId: uuid('referrer_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		candidateName: text('candidate_name').notNull(),
		/** Stored trimmed and lower-cased, so one candidate is one address. */
		candidateEmail: text('candidate_email').notNull(),
		why: text('why').notNull(),
		status: text('status', { enum: referralStatuses }).notNull().default('submitted'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('referral_candidate_idx').on(t.vacancyId, t.candidateEmail),
		// With the id, as the ledger sorts: else every referral made in the same instant (an import)
		// is read and sorted to find a page.
		index('referral_referrer_idx').on(t.referrerId, t.createdAt, t.id),
		index('referral_created_idx').on(t.createdAt, t.id)
	]
);

/**
 * A boomerang: an alumnus rehired into a unit. Keeps the employment period that ended (the
 * person's row then holds the new one) and so the gap between leaving and coming back.
 */
export const rehire = pgTable(
	'rehire',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		previousStartedOn: date('previous_started_on'),
		previousLeftOn: date('previous_left_on'),
		rehiredOn: date('rehired_on').notNull(),
		rehiredBy: uuid('rehired_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('rehire_person_idx').on(t.personId, t.rehiredOn), check('rehire_after_leaving', sql`${t.previousLeftOn} is null or ${t.rehiredOn} >= ${t.previousLeftOn}`)]
);
