import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, partnerOrg, person, tsvector } from '../db/schema/core';

/**
 * Who may read a space. Employees read every space; `alumni` adds alumni; `partners` adds the
 * members of the space's named partner organisations (and alumni when `includeAlumni`); `public`
 * is readable by anyone, signed in or not.
 */
export const spaceAudiences = ['employees', 'alumni', 'partners', 'public'] as const;
export type SpaceAudience = (typeof spaceAudiences)[number];

export const postKinds = ['article', 'question', 'link'] as const;
export type PostKind = (typeof postKinds)[number];

/** The languages posts are written in; each has its own text-search configuration. */
export const postLanguages = ['en', 'nl'] as const;
export type PostLanguage = (typeof postLanguages)[number];

export const space = pgTable(
	'knowledge_space',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		audience: text('audience', { enum: spaceAudiences }).notNull(),
		includeAlumni: boolean('include_alumni').notNull().default(false),
		/** An archived space stays readable but takes no new posts or comments. */
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('knowledge_space_slug_idx').on(t.slug)]
);

/** The partner organisations a `partners` space is shared with. */
export const spacePartner = pgTable(
	'knowledge_space_partner',
	{
		spaceId: uuid('space_id')
			.notNull()
			.references(() => space.id, { onDelete: 'cascade' }),
		partnerOrgId: uuid('partner_org_id')
			.notNull()
			.references(() => partnerOrg.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.spaceId, t.partnerOrgId] }), index('knowledge_space_partner_org_idx').on(t.partnerOrgId)]
);

export const spaceModerator = pgTable(
	'knowledge_space_moderator',
	{
		spaceId: uuid('space_id')
			.notNull()
			.references(() => space.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.spaceId, t.personId] }), index('knowledge_space_moderator_person_idx').on(t.personId)]
);

export const post = pgTable(
	'knowledge_post',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		spaceId: uuid('space_id')
			.notNull()
			.references(() => space.id, { onDelete: 'cascade' }),
		// Restrict: people are deactivated, never deleted, and keep their name on what they wrote.
		authorId: uuid('author_id')
			.notNull()
			.references(() => person.id, { onDelete: 'restrict' }),
		kind: text('kind', { enum: postKinds }).notNull(),
		title: text('title').notNull(),
		/** Markdown as written. */
		body: text('body').notNull().default(''),
		/** The body rendered and sanitised when written: pages only ever show this. */
		bodyHtml: text('body_html').notNull().default(''),
		url: text('url'),
		language: text('language', { enum: postLanguages }).notNull().default('en'),
		tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
		acceptedCommentId: uuid('accepted_comment_id').references((): AnyPgColumn => comment.id, { onDelete: 'set null' }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenReason: text('hidden_reason'),
		/** Pinned by a moderator: shown first in its space (at most `pinLimit` per space). */
		pinnedAt: timestamp('pinned_at', { withTimezone: true }),
		createdAt: createdAt(),
		/** New comments move a post up the feed. */
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
		/**
		 * Its visible comments and replies, counted again by every change to them (`visibleComments`): the feed
		 * ranks its 500 most recent posts by replies, and counting each one's cost more than the page.
		 */
		commentCount: integer('comment_count').notNull().default(0),
		/** Title (A), tags (B) and body (C) in the post's language; kept by a trigger (see the migration). */
		search: tsvector('search')
	},
	(t) => [
		index('knowledge_post_feed_idx').on(t.lastActivityAt, t.id),
		index('knowledge_post_space_idx').on(t.spaceId, t.lastActivityAt),
		index('knowledge_post_author_idx').on(t.authorId),
		index('knowledge_post_tags_idx').using('gin', t.tags),
		index('knowledge_post_search_idx').using('gin', t.search),
		index('knowledge_post_pinned_idx').on(t.spaceId, t.pinnedAt).where(sql`${t.pinnedAt} is not null`),
		// The few hidden posts per space, so that a space's visible posts are counted from indexes alone (`listSpacesWithCounts`).
		index('knowledge_post_hidden_idx').on(t.spaceId).where(sql`${t.hiddenAt} is not null`),
		// Visible questions with and without an accepted answer: search's answered filter meets the word
		// matches in these instead of testing every match on the table (at 100k posts 14 -> 9 ms).
		index('knowledge_post_answered_idx').on(t.spaceId).where(sql`${t.kind} = 'question' and ${t.acceptedCommentId} is not null and ${t.hiddenAt} is null`),
		index('knowledge_post_unanswered_idx').on(t.spaceId).where(sql`${t.kind} = 'question' and ${t.acceptedCommentId} is null and ${t.hiddenAt} is null`),
		// Visible posts newest first with every column a search without words filters on: such a search
		// (a tag, a space, a kind, an author, answered) reads the index alone, not each newer post's row
		// to test it (a tag at 100k posts: 18 -> 3 ms). The comment count is what the feed ranks by
		// beside them: its candidates come from the index alone too (an alumnus's feed: 6.8 -> 1.7 ms).
		index('knowledge_post_listing_idx')
			.on(t.lastActivityAt, t.id, t.spaceId, t.kind, t.authorId, t.acceptedCommentId, t.commentCount, t.tags)
			.where(sql`${t.hiddenAt} is null`),
		check('knowledge_post_link_has_url', sql`(${t.kind} = 'link') = (${t.url} is not null)`)
	]
);

/** Comments on a post; on a question the top-level ones are its answers. One level of replies. */
export const comment = pgTable(
	'knowledge_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		postId: uuid('post_id')
			.notNull()
			.references(() => post.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id').references((): AnyPgColumn => comment.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => person.id, { onDelete: 'restrict' }),
		body: text('body').notNull(),
		bodyHtml: text('body_html').notNull(),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenReason: text('hidden_reason'),
		createdAt: createdAt()
	},
	(t) => [index('knowledge_comment_post_idx').on(t.postId, t.createdAt), index('knowledge_comment_parent_idx').on(t.parentId)]
);

/** A reader's report of a post (or one of its comments) to the space's moderators. */
export const report = pgTable(
	'knowledge_report',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		postId: uuid('post_id')
			.notNull()
			.references(() => post.id, { onDelete: 'cascade' }),
		commentId: uuid('comment_id').references(() => comment.id, { onDelete: 'cascade' }),
		reporterId: uuid('reporter_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		createdAt: createdAt(),
		/** Settled when a moderator hides or restores what was reported. */
		resolvedAt: timestamp('resolved_at', { withTimezone: true })
	},
	(t) => [index('knowledge_report_open_idx').on(t.postId).where(sql`${t.resolvedAt} is null`)]
);

/** What a post said before each edit: the history its readers can look back on. */
export const postRevision = pgTable(
	'knowledge_post_revision',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		postId: uuid('post_id')
			.notNull()
			.references(() => post.id, { onDelete: 'cascade' }),
		editorId: uuid('editor_id')
			.notNull()
			.references(() => person.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		body: text('body').notNull(),
		tags: text('tags').array().notNull(),
		/** When it was replaced. */
		createdAt: createdAt()
	},
	(t) => [index('knowledge_post_revision_post_idx').on(t.postId, t.createdAt)]
);

export const reactionKinds = ['like', 'thanks', 'insightful'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

/** One of each kind per person and post; pressing again takes it back. */
export const reaction = pgTable(
	'knowledge_reaction',
	{
		postId: uuid('post_id')
			.notNull()
			.references(() => post.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: reactionKinds }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.postId, t.personId, t.kind] })]
);

/** Posts a person keeps for later; listed only while they may still read them. */
export const bookmark = pgTable(
	'knowledge_bookmark',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		postId: uuid('post_id')
			.notNull()
			.references(() => post.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.personId, t.postId] }), index('knowledge_bookmark_post_idx').on(t.postId)]
);

/** A person follows a space or a tag: their feed ranks what they follow higher. */
export const follow = pgTable(
	'knowledge_follow',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		spaceId: uuid('space_id').references(() => space.id, { onDelete: 'cascade' }),
		tag: text('tag'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('knowledge_follow_space_idx').on(t.personId, t.spaceId).where(sql`${t.spaceId} is not null`),
		uniqueIndex('knowledge_follow_tag_idx').on(t.personId, t.tag).where(sql`${t.tag} is not null`),
		check('knowledge_follow_one_thing', sql`(${t.spaceId} is null) <> (${t.tag} is null)`)
	]
);
