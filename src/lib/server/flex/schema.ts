import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgUnit, person } from '../db/schema/core';
import { arrangementStatuses, arrangementTypes, type RuleCheck } from '../../flex';
import type { BoundsVersion } from './engine';

/**
 * Bounds are never edited in place: every change is a new version of its scope (the organisation,
 * unit_id null, or one unit). The highest version of a scope is in force; decisions point at the
 * versions they were checked against.
 */
export const flexBounds = pgTable(
	'flex_bounds',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		rules: jsonb('rules').$type<BoundsVersion['rules']>().notNull(),
		anchorDays: smallint('anchor_days').array(),
		countries: text('countries').array(),
		/** Organisation only: working days a decider has before the request escalates. */
		decisionDays: smallint('decision_days'),
		createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		// One version number per scope; the organisation's scope is the null unit.
		uniqueIndex('flex_bounds_scope_version_idx').on(sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.version)
	]
);

export const flexArrangement = pgTable(
	'flex_arrangement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		/** The unit the person was in when asking: the team rule counts per unit. */
		unitId: uuid('unit_id').references(() => orgUnit.id, { onDelete: 'set null' }),
		type: text('type', { enum: arrangementTypes }).notNull(),
		status: text('status', { enum: arrangementStatuses }).notNull(),
		/** Approved or declined by the bounds alone, without a person deciding. */
		byPolicy: boolean('by_policy').notNull().default(false),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		reviewOn: date('review_on'),
		/** The type's own fields (weekdays, times, percent, country, hours). */
		details: jsonb('details').$type<Record<string, unknown>>().notNull(),
		/** Weekdays (1–5) worked remotely, for the team rule and the calendar; empty for other types. */
		remoteDays: smallint('remote_days').array().notNull().default(sql`'{}'::smallint[]`),
		note: text('note'),
		checks: jsonb('checks').$type<RuleCheck[]>().notNull(),
		/** The bounds versions the request was checked against, organisation first. */
		boundsIds: uuid('bounds_ids').array().notNull(),
		deciderId: uuid('decider_id').references(() => person.id, { onDelete: 'set null' }),
		decidedBy: uuid('decided_by').references(() => person.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionNote: text('decision_note'),
		deadlineAt: timestamp('deadline_at', { withTimezone: true }),
		/** The decider was reminded that the deadline is near; then the request went to their own manager. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		escalatedAt: timestamp('escalated_at', { withTimezone: true }),
		/** Ended early: who did and when; `endsOn` is then the new last day and `plannedEndsOn` the one it had (null: open). */
		endedBy: uuid('ended_by').references(() => person.id, { onDelete: 'set null' }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		plannedEndsOn: date('planned_ends_on'),
		/** The person and the decider were told that the review date is near (once). */
		reviewRemindedAt: timestamp('review_reminded_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		// With the request's time, /flex reads each of its lists in the index's order, however many there are.
		index('flex_arrangement_person_idx').on(t.personId, t.startsOn, t.createdAt),
		index('flex_arrangement_decider_idx').on(t.deciderId, t.createdAt).where(sql`${t.status} = 'pending'`),
		index('flex_arrangement_deadline_idx').on(t.deadlineAt).where(sql`${t.status} = 'pending' and ${t.escalatedAt} is null`),
		index('flex_arrangement_review_idx').on(t.reviewOn).where(sql`${t.status} = 'approved' and ${t.reviewRemindedAt} is null`),
		// Calendar feeds read a person's (or a whole team's) approved absences and remote days.
		index('flex_arrangement_feed_idx').on(t.personId, t.startsOn).where(sql`${t.status} = 'approved' and ${t.type} in ('remote', 'abroad', 'sabbatical')`),
		// The team rule counts a unit's approved remote days, under the unit's lock: waiting requests, however many, are not read,
		// and the count needs nothing beyond the index (the end, the person and the days are in it): every colleague asking at
		// the same moment waits for it.
		index('flex_arrangement_unit_remote_idx')
			.on(t.unitId, t.startsOn, t.endsOn, t.personId, t.remoteDays)
			.where(sql`${t.type} = 'remote' and ${t.status} = 'approved'`),
		check('flex_arrangement_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`)
	]
);

/** A manager hands their decisions to someone else for a period (holidays, leave). */
export const flexDelegation = pgTable(
	'flex_delegation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		delegateId: uuid('delegate_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('flex_delegation_manager_idx').on(t.managerId, t.endsOn),
		index('flex_delegation_delegate_idx').on(t.delegateId, t.endsOn),
		check('flex_delegation_period', sql`${t.endsOn} >= ${t.startsOn}`),
		check('flex_delegation_not_self', sql`${t.managerId} <> ${t.delegateId}`)
	]
);
