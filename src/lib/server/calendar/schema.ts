import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, person } from '../db/schema/core';
import { calendarFeedScopes } from '../../calendar';

export { calendarFeedScopes, type CalendarFeedScope } from '../../calendar';

/**
 * A secret calendar address: `id.secret` like the other tokens, only the secret's SHA-256 stored.
 * One live address per person and scope; a new one replaces it, revoking deletes the row.
 */
export const calendarFeed = pgTable(
	'calendar_feed',
	{
		id: text('id').primaryKey(),
		secretHash: bytea('secret_hash').notNull(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		scope: text('scope', { enum: calendarFeedScopes }).notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('calendar_feed_owner_idx').on(t.personId, t.scope)]
);
