import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from '../db/schema/core';
import { eventAudiences, rsvpStatuses } from '../../events';

export { eventAudiences, rsvpStatuses, type EventAudience, type RsvpStatus } from '../../events';

/** A gathering for employees, alumni, both, or partners; online, in a place, or both. */
export const event = pgTable(
	'event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		description: text('description'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** The zone the host set the times in; pages and calendar files show them in it. */
		timeZone: text('time_zone').notNull(),
		place: text('place'),
		onlineUrl: text('online_url'),
		audience: text('audience', { enum: eventAudiences }).notNull(),
		/** Places for "going"; null is no limit. Beyond it people join the waitlist. */
		capacity: integer('capacity'),
		createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('event_starts_idx').on(t.startsAt),
		check('event_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
		check('event_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`)
	]
);

/** One answer per person and event; cancelling removes it. The waitlist is in `createdAt` order. */
export const eventRsvp = pgTable(
	'event_rsvp',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		status: text('status', { enum: rsvpStatuses }).notNull(),
		/** The reminder the day before went out; set once, so it is sent once. */
		reminded: boolean('reminded').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.eventId, t.personId] }), index('event_rsvp_person_idx').on(t.personId), index('event_rsvp_queue_idx').on(t.eventId, t.status, t.createdAt)]
);
