import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, person } from '../db/schema/core';
import { leavingReasons, openToFlags, sharedFields } from '../../alumni';

export { leavingReasons, openToFlags, sharedFields, type LeavingReason, type OpenToFlag, type SharedField } from '../../alumni';

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
		invitationUsedAt: timestamp('invitation_used_at', { withTimezone: true })
	},
	(t) => [
		// One open offboarding per person; history stays.
		uniqueIndex('offboarding_open_person_idx').on(t.personId).where(sql`${t.status} = 'scheduled'`),
		index('offboarding_due_idx').on(t.lastDay).where(sql`${t.status} = 'scheduled'`),
		uniqueIndex('offboarding_invitation_idx').on(t.invitationId)
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
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('alumni_profile_listed_idx').on(t.personId).where(sql`${t.consentedAt} is not null`)]
);
