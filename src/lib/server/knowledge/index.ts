import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, isId, literalCount, outer, paged, prepared, preparedShapes, type Executor } from '../db';
import { partnerOrg, person, type PersonKind } from '../db/schema';
import { can, readableSpaceFilter, spaceReader, spaceReadersFilter, type Actor, type SpaceReader, type PostResource, type SpaceResource, type Subject } from '../authz';
import { recordAudit } from '../audit';
import { consume, type Limit, type Verdict } from '../auth/rate-limit';
import { queueEmail } from '../mail/outbox';
import { recipientLocale } from '../mail/templates';
import { getOrganisation, type Organisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { m } from '$lib/paraglide/messages';
import type { Reason } from '$lib/reasons';
import type { AudienceInput, PostInput, SpaceDetailsInput, SpaceInput } from '$lib/schemas/knowledge';
import { bookmark, comment, follow, post, postRevision, reaction, report, space, spaceModerator, spacePartner, type PostKind, type ReactionKind, type SpaceAudience } from './schema';
import { renderMarkdown } from './markdown';

export { renderMarkdown } from './markdown';

// ─── Spaces ────────────────────────────────────────────────────────────────────────────────────

export interface SpaceDetail extends SpaceResource {
	id: string;
	slug: string;
	name: string;
	description: string;
	partners: { id: string; name: string }[];
	moderators: { id: string; name: string; email: string }[];
}

type Named = { id: string; name: string };

/**
 * A space's row with its partner organisations and moderators, in one statement: every knowledge
 * page reads one, so the lists come along as JSON rather than as two more round trips.
 */
// In a select from the space alone a bare "id" inside these subqueries would be the partner's or the person's (`outer`).
const spaceIdColumn = outer(space.id);
const spaceWithAccess = {
	...getTableColumns(space),
	partners: sql<Named[]>`coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name)
		from ${spacePartner} sp join ${partnerOrg} p on p.id = sp.partner_org_id where sp.space_id = ${spaceIdColumn}), '[]')`,
	moderators: sql<(Named & { email: string })[]>`coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'email', p.email) order by p.name)
		from ${spaceModerator} sm join ${person} p on p.id = sm.person_id where sm.space_id = ${spaceIdColumn}), '[]')`
};

/** A space with who may read and moderate it, or null; the caller asks `can` whether this viewer may see it. */
export async function getSpace(slug: string): Promise<SpaceDetail | null> {
	const [row] = await db.select(spaceWithAccess).from(space).where(eq(space.slug, slug));
	return row ? toSpaceDetail(row) : null;
}

function toSpaceDetail(row: typeof space.$inferSelect & { partners: Named[]; moderators: (Named & { email: string })[] }): SpaceDetail {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		description: row.description,
		audience: row.audience,
		includeAlumni: row.includeAlumni,
		archived: row.archivedAt !== null,
		partners: row.partners,
		moderators: row.moderators,
		partnerOrgIds: row.partners.map((partner) => partner.id),
		moderatorIds: row.moderators.map((moderator) => moderator.id)
	};
}

export interface SpaceSummary {
	id: string;
	slug: string;
	name: string;
	description: string;
	audience: SpaceAudience;
	includeAlumni: boolean;
	archived: boolean;
}

const spaceSummaryColumns = {
	id: space.id,
	slug: space.slug,
	name: space.name,
	description: space.description,
	audience: space.audience,
	includeAlumni: space.includeAlumni,
	archived: sql<boolean>`${space.archivedAt} is not null`
};

/** The spaces this viewer may read; archived ones only when asked for. */
export async function listSpaces(viewer: Subject, options: { archived?: boolean } = {}): Promise<SpaceSummary[]> {
	return db
		.select(spaceSummaryColumns)
		.from(space)
		.where(and(readableSpaceFilter(viewer), options.archived ? undefined : isNull(space.archivedAt)))
		.orderBy(asc(space.name));
}

/** Every space with its visible post count, for the staff's overview (counting is too dear for every page). */
export async function listSpacesWithCounts(viewer: Actor): Promise<(SpaceSummary & { postCount: number })[]> {
	return db
		.select({
			...spaceSummaryColumns,
			// All posts less the hidden ones: both counted from indexes, where counting the visible ones
			// read every post (124 ms → 26 ms for eight spaces of 12,500 posts).
			postCount: sql<number>`(select count(*)::int from ${post} where ${post.spaceId} = ${outer(space.id)})
				- (select count(*)::int from ${post} where ${post.spaceId} = ${outer(space.id)} and ${post.hiddenAt} is not null)`
		})
		.from(space)
		.where(readableSpaceFilter(viewer))
		.orderBy(asc(space.name));
}

export type SpaceResult = { ok: true; id: string; slug: string } | { ok: false; errors: Partial<Record<keyof SpaceInput, Reason>> };
type AudienceCheck = { ok: true; partnerOrgIds: string[] } | { ok: false; errors: Partial<Record<keyof AudienceInput, Reason>> };

/** A partners audience names at least one partner organisation, and only ones that exist; the others name none. */
async function checkAudience(executor: Executor, input: AudienceInput): Promise<AudienceCheck> {
	const partnerOrgIds = input.audience === 'partners' ? [...new Set(input.partnerOrgIds)] : [];
	if (input.audience === 'partners' && partnerOrgIds.length === 0) return { ok: false, errors: { partnerOrgIds: 'knowledge_partners_required' } };
	if (partnerOrgIds.length) {
		const known = await executor.select({ id: partnerOrg.id }).from(partnerOrg).where(inArray(partnerOrg.id, partnerOrgIds));
		if (known.length !== partnerOrgIds.length) return { ok: false, errors: { partnerOrgIds: 'partner_not_found' } };
	}
	return { ok: true, partnerOrgIds };
}

/** Moderators are active employees named by their addresses; null when one of them is not. */
async function moderatorsNamed(executor: Executor, emails: string[]): Promise<{ id: string }[] | null> {
	if (!emails.length) return [];
	const found = await executor
		.select({ id: person.id })
		.from(person)
		.where(and(inArray(person.email, emails), eq(person.kind, 'employee'), eq(person.status, 'active')));
	return found.length === new Set(emails).size ? found : null;
}

/** HR or an admin opens a space; its audience is a permission, so it goes to the audit log. */
export async function createSpace(actor: Actor, input: SpaceInput, meta: RequestMeta): Promise<SpaceResult> {
	return db.transaction(async (tx) => {
		if ((await tx.select({ id: space.id }).from(space).where(eq(space.slug, input.slug))).length) return { ok: false, errors: { slug: 'duplicate' } } as const;
		const audience = await checkAudience(tx, input);
		if (!audience.ok) return audience;
		const { partnerOrgIds } = audience;
		const moderators = await moderatorsNamed(tx, input.moderators);
		if (!moderators) return { ok: false, errors: { moderators: 'knowledge_moderator_not_found' } } as const;
		const [created] = await tx
			.insert(space)
			.values({
				slug: input.slug,
				name: input.name,
				description: input.description,
				audience: input.audience,
				includeAlumni: input.audience === 'partners' && input.includeAlumni
			})
			.returning({ id: space.id });
		const id = created!.id;
		if (partnerOrgIds.length) await tx.insert(spacePartner).values(partnerOrgIds.map((partnerOrgId) => ({ spaceId: id, partnerOrgId })));
		if (moderators.length) await tx.insert(spaceModerator).values(moderators.map((moderator) => ({ spaceId: id, personId: moderator.id })));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'knowledge.space_created',
			target: { type: 'knowledge_space', id, label: input.name },
			ip: meta.ip,
			details: { audience: input.audience, includeAlumni: input.includeAlumni, partnerOrgIds, moderators: input.moderators }
		});
		return { ok: true, id, slug: input.slug } as const;
	});
}

/** Changes to one space wait for each other: moderators and partners are replaced whole, pins counted. */
async function lockSpace(executor: Executor, id: string): Promise<SpaceDetail> {
	const [row] = await executor.select(spaceWithAccess).from(space).where(eq(space.id, id)).for('update', { of: space });
	return toSpaceDetail(row!);
}

export type SpaceChange = { ok: true } | { ok: false; errors: Partial<Record<keyof SpaceDetailsInput, Reason>> };

/** A moderator (or staff) renames a space, rewrites its description or names its moderators. */
export async function updateSpace(actor: Actor, target: SpaceDetail, input: SpaceDetailsInput, meta: RequestMeta): Promise<SpaceChange> {
	return db.transaction(async (tx) => {
		const moderators = await moderatorsNamed(tx, input.moderators);
		if (!moderators) return { ok: false, errors: { moderators: 'knowledge_moderator_not_found' } } as const;
		await lockSpace(tx, target.id);
		await tx.update(space).set({ name: input.name, description: input.description }).where(eq(space.id, target.id));
		await tx.delete(spaceModerator).where(eq(spaceModerator.spaceId, target.id));
		if (moderators.length) await tx.insert(spaceModerator).values(moderators.map((moderator) => ({ spaceId: target.id, personId: moderator.id })));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'knowledge.space_updated',
			target: { type: 'knowledge_space', id: target.id, label: input.name },
			ip: meta.ip,
			details: { name: input.name, description: input.description, moderators: input.moderators }
		});
		return { ok: true } as const;
	});
}

export interface AudiencePreview {
	/** Active people who may read the space after the change and could not before. */
	gain: number;
	lose: number;
	/** Posts in the space (hidden ones too): whose readers change. */
	posts: number;
	/** Visitors who are not signed in start or stop reading it. */
	publicChange: 'gain' | 'lose' | null;
}

async function audienceCounts(executor: Executor, target: SpaceDetail, next: SpaceResource): Promise<AudiencePreview> {
	const [row] = await executor
		.select({
			gain: sql<number>`count(*) filter (where ${spaceReadersFilter(next)} and not ${spaceReadersFilter(target)})`.mapWith(Number),
			lose: sql<number>`count(*) filter (where ${spaceReadersFilter(target)} and not ${spaceReadersFilter(next)})`.mapWith(Number),
			posts: sql<number>`(select count(*) from ${post} where ${post.spaceId} = ${target.id})`.mapWith(Number)
		})
		.from(person)
		.where(eq(person.status, 'active'));
	const wasPublic = target.audience === 'public';
	const isPublic = next.audience === 'public';
	return { gain: row!.gain, lose: row!.lose, posts: row!.posts, publicChange: wasPublic === isPublic ? null : isPublic ? 'gain' : 'lose' };
}

const nextAccess = (target: SpaceDetail, input: AudienceInput, partnerOrgIds: string[]): SpaceResource => ({
	...target,
	audience: input.audience,
	includeAlumni: input.audience === 'partners' && input.includeAlumni,
	partnerOrgIds
});

export type AudienceResult = { ok: true; preview: AudiencePreview } | { ok: false; errors: Partial<Record<keyof AudienceInput, Reason>> };

/** What an audience change would do, before HR confirms it: nothing is written. */
export async function previewAudience(target: SpaceDetail, input: AudienceInput): Promise<AudienceResult> {
	const audience = await checkAudience(db, input);
	if (!audience.ok) return audience;
	return { ok: true, preview: await audienceCounts(db, target, nextAccess(target, input, audience.partnerOrgIds)) };
}

/** HR or an admin gives a space another audience; audited with what it changed. */
export async function changeAudience(actor: Actor, target: SpaceDetail, input: AudienceInput, meta: RequestMeta): Promise<AudienceResult> {
	return db.transaction(async (tx) => {
		const audience = await checkAudience(tx, input);
		if (!audience.ok) return audience;
		// What it was when this change got its turn, not when the page was read.
		const current = await lockSpace(tx, target.id);
		const next = nextAccess(current, input, audience.partnerOrgIds);
		const preview = await audienceCounts(tx, current, next);
		await tx.update(space).set({ audience: next.audience, includeAlumni: next.includeAlumni }).where(eq(space.id, target.id));
		await tx.delete(spacePartner).where(eq(spacePartner.spaceId, target.id));
		if (audience.partnerOrgIds.length) await tx.insert(spacePartner).values(audience.partnerOrgIds.map((partnerOrgId) => ({ spaceId: target.id, partnerOrgId })));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'knowledge.space_audience_changed',
			target: { type: 'knowledge_space', id: target.id, label: target.name },
			ip: meta.ip,
			details: {
				from: { audience: current.audience, includeAlumni: current.includeAlumni, partnerOrgIds: current.partnerOrgIds },
				to: { audience: next.audience, includeAlumni: next.includeAlumni, partnerOrgIds: next.partnerOrgIds },
				gain: preview.gain,
				lose: preview.lose,
				posts: preview.posts
			}
		});
		return { ok: true, preview } as const;
	});
}

/** A moderator archives a space (readable, nothing new written, off the spaces list) or brings it back. */
export async function setArchived(actor: Actor, target: SpaceDetail, archived: boolean, meta: RequestMeta): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.update(space)
			.set({ archivedAt: archived ? sql`coalesce(${space.archivedAt}, now())` : null })
			.where(eq(space.id, target.id));
		await recordAudit(tx, {
			actorId: actor.id,
			action: archived ? 'knowledge.space_archived' : 'knowledge.space_unarchived',
			target: { type: 'knowledge_space', id: target.id, label: target.name },
			ip: meta.ip
		});
	});
}

// ─── Posts ─────────────────────────────────────────────────────────────────────────────────────

export interface PostSummary {
	id: string;
	kind: PostKind;
	title: string;
	url: string | null;
	tags: string[];
	createdAt: Date;
	lastActivityAt: Date;
	answered: boolean;
	commentCount: number;
	author: { id: string; name: string; kind: PersonKind };
	space: { slug: string; name: string };
}

const author = alias(person, 'author');

const summaryColumns = {
	id: post.id,
	kind: post.kind,
	title: post.title,
	url: post.url,
	tags: post.tags,
	createdAt: post.createdAt,
	lastActivityAt: post.lastActivityAt,
	answered: sql<boolean>`${post.acceptedCommentId} is not null`,
	commentCount: post.commentCount,
	authorId: author.id,
	authorName: author.name,
	authorKind: author.kind,
	spaceSlug: space.slug,
	spaceName: space.name
};

interface SummaryRow {
	id: string;
	kind: PostKind;
	title: string;
	url: string | null;
	tags: string[];
	createdAt: Date;
	lastActivityAt: Date;
	answered: boolean;
	commentCount: number;
	authorId: string;
	authorName: string;
	authorKind: PersonKind;
	spaceSlug: string;
	spaceName: string;
}

function toSummary(row: SummaryRow): PostSummary {
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		url: row.url,
		tags: row.tags,
		createdAt: row.createdAt,
		lastActivityAt: row.lastActivityAt,
		answered: row.answered,
		commentCount: row.commentCount,
		author: { id: row.authorId, name: row.authorName, kind: row.authorKind },
		space: { slug: row.spaceSlug, name: row.spaceName }
	};
}

/** Posts in readable spaces (`readableSpaceFilter`), not hidden: the base of every post list and count. */
function visiblePosts(readable: SQL, ...conditions: (SQL | undefined)[]): SQL {
	return and(readable, isNull(post.hiddenAt), ...conditions)!;
}

/**
 * The same for search, with the readable spaces (of them, `among`) as one array instead of a join:
 * joined, the planner looked up the word or tag matches once for each readable space.
 */
function visiblePostsAmong(readable: SQL, among: SQL | undefined, ...conditions: (SQL | undefined)[]): SQL {
	const spaces = sql`array(select ${space.id} from ${space} where ${and(readable, among)})`;
	return and(sql`${post.spaceId} = any(${spaces})`, isNull(post.hiddenAt), ...conditions)!;
}

/** The feed ranks this many of the most recently active posts; older ones are for search. */
export const feedCandidateLimit = 500;

/**
 * The signed-in main feed (see `listPosts`), built once per kind of reader (`spaceReader`), page
 * size and first page or later: built on every visit, drizzle's builder cost a tenth of the page.
 */
const mainFeed = preparedShapes(
	({ reader, pageSize, firstPage }: { reader: SpaceReader; pageSize: number; firstPage: boolean }) => `${reader}:${pageSize}:${firstPage}`,
	(database, { reader, pageSize, firstPage }) => {
		const viewer = sql.placeholder('viewer');
		const candidates = database
			.select({ id: post.id, spaceId: post.spaceId, tags: post.tags, lastActivityAt: post.lastActivityAt, commentCount: post.commentCount })
			.from(post)
			.innerJoin(space, eq(space.id, post.spaceId))
			.where(visiblePosts(readableSpaceFilter(reader, sql.placeholder('partnerOrg'))))
			.orderBy(desc(post.lastActivityAt), desc(post.id))
			.limit(literalCount(feedCandidateLimit))
			.as('candidates');
		const followed = sql<boolean>`(${candidates.spaceId} in (select ${follow.spaceId} from ${follow} where ${follow.personId} = ${viewer} and ${follow.spaceId} is not null)
			or ${candidates.tags} && coalesce((select array_agg(${follow.tag}) from ${follow} where ${follow.personId} = ${viewer} and ${follow.tag} is not null), '{}'))`;
		// Following is worth three days of recency, each reply (up to ten) two hours.
		const score = sql`${candidates.lastActivityAt} + case when ${followed} then interval '3 days' else interval '0' end + least(${candidates.commentCount}, 10) * interval '2 hours'`;
		// Ranked among the candidates alone: only the page's rows are joined to their space and author.
		const ranked = paged(
			database
				.select({ id: candidates.id, followed: followed.as('followed'), score: sql`${score}`.as('score') })
				.from(candidates)
				.orderBy(desc(sql`score`), desc(candidates.id))
				.$dynamic(),
			pageSize + 1,
			firstPage ? 0 : sql.placeholder('offset')
		).as('ranked');
		return database
			.select({ ...summaryColumns, followed: ranked.followed })
			.from(ranked)
			.innerJoin(post, eq(post.id, ranked.id))
			.innerJoin(space, eq(space.id, post.spaceId))
			.innerJoin(author, eq(author.id, post.authorId))
			.orderBy(desc(ranked.score), desc(post.id))
			.prepare(`knowledge_feed_${reader}_${pageSize}_${firstPage}`);
	}
);

/**
 * The feed (all readable spaces, or one), most recently active first. No total: counting every
 * readable post costs more than the page itself; one extra row tells whether there is a next page.
 * Someone signed in sees their main feed ranked: what they follow and what has many replies moves
 * up, among the most recent posts only, so the ranking never sorts the whole table.
 */
export async function listPosts(viewer: Subject, options: { spaceId?: string; page: number; pageSize: number }) {
	const offset = (options.page - 1) * options.pageSize;
	if (!viewer || options.spaceId) {
		// A space's pinned posts stand above its list (`listPinned`), not in it.
		const where = visiblePosts(readableSpaceFilter(viewer), options.spaceId ? and(eq(post.spaceId, options.spaceId), isNull(post.pinnedAt)) : undefined);
		const query = db
			.select(summaryColumns)
			.from(post)
			.innerJoin(space, eq(space.id, post.spaceId))
			.innerJoin(author, eq(author.id, post.authorId))
			.where(where)
			.orderBy(desc(post.lastActivityAt), desc(post.id))
			.$dynamic();
		const rows = await paged(query, options.pageSize + 1, offset);
		return { posts: rows.slice(0, options.pageSize).map(toSummary), hasNext: rows.length > options.pageSize };
	}
	const rows = await mainFeed({ reader: spaceReader(viewer), pageSize: options.pageSize, firstPage: offset === 0 }).execute({ viewer: viewer.id, partnerOrg: viewer.partnerOrgId, offset });
	return { posts: rows.slice(0, options.pageSize).map((row) => ({ ...toSummary(row), followed: row.followed })), hasNext: rows.length > options.pageSize };
}

/** A space holds at most this many pinned posts. */
export const pinLimit = 3;

/** A space's pinned posts this viewer may read, most recently pinned first. */
export async function listPinned(viewer: Subject, spaceId: string): Promise<PostSummary[]> {
	const rows = await db
		.select(summaryColumns)
		.from(post)
		.innerJoin(space, eq(space.id, post.spaceId))
		.innerJoin(author, eq(author.id, post.authorId))
		.where(visiblePosts(readableSpaceFilter(viewer), eq(post.spaceId, spaceId), sql`${post.pinnedAt} is not null`))
		.orderBy(desc(post.pinnedAt))
		.limit(pinLimit);
	return rows.map(toSummary);
}

/** A moderator pins a post (refused once the space holds `pinLimit`) or unpins it; audited. */
export async function setPinned(actor: Actor, detail: PostDetail, pinned: boolean, meta: RequestMeta): Promise<{ ok: true } | { ok: false; reason: Reason }> {
	return db.transaction(async (tx) => {
		// Pins are counted under the space's lock, so that two moderators pinning at once cannot make four.
		await lockSpace(tx, detail.spaceAccess.id);
		if (pinned) {
			const [held] = await tx
				.select({ count: sql<number>`count(*)::int` })
				.from(post)
				.where(and(eq(post.spaceId, detail.spaceAccess.id), sql`${post.pinnedAt} is not null`, sql`${post.id} <> ${detail.id}`));
			if (held!.count >= pinLimit) return { ok: false, reason: 'knowledge_pin_limit' } as const;
		}
		await tx
			.update(post)
			.set({ pinnedAt: pinned ? sql`coalesce(${post.pinnedAt}, now())` : null })
			.where(eq(post.id, detail.id));
		await recordAudit(tx, {
			actorId: actor.id,
			action: pinned ? 'knowledge.post_pinned' : 'knowledge.post_unpinned',
			target: { type: 'knowledge_post', id: detail.id, label: detail.title },
			ip: meta.ip
		});
		return { ok: true } as const;
	});
}

/** Follows or unfollows a space or a tag; says whether it is now followed. */
export async function toggleFollow(actor: Actor, target: { spaceId: string } | { tag: string }): Promise<boolean> {
	const which = 'spaceId' in target ? eq(follow.spaceId, target.spaceId) : eq(follow.tag, target.tag);
	const removed = await db.delete(follow).where(and(eq(follow.personId, actor.id), which)).returning({ id: follow.id });
	if (removed.length) return false;
	await db.insert(follow).values({ personId: actor.id, ...target }).onConflictDoNothing();
	return true;
}

export async function isFollowing(viewer: Subject, target: { spaceId: string } | { tag: string }): Promise<boolean> {
	if (!viewer) return false;
	const which = 'spaceId' in target ? eq(follow.spaceId, target.spaceId) : eq(follow.tag, target.tag);
	return (await db.select({ id: follow.id }).from(follow).where(and(eq(follow.personId, viewer.id), which)).limit(1)).length > 0;
}

// ─── Posting: limits for new accounts, mentions ────────────────────────────────────────────────

/** Accounts younger than this post and comment at most `newAccountLimit` times per window. */
const newAccountDays = 7;
export const newAccountLimit: Limit = { max: 10, windowMs: 60 * 60_000 };

/** Counts one post or comment by the actor; refused when a new account posts too much, too fast. */
export async function consumePosting(actor: Actor): Promise<Verdict> {
	const [row] = await db
		.select({ isNew: sql<boolean>`${person.createdAt} > now() - make_interval(days => ${newAccountDays})` })
		.from(person)
		.where(eq(person.id, actor.id));
	if (!row?.isNew) return { allowed: true };
	return consume(`knowledge.post:${actor.id}`, newAccountLimit);
}

/** "@eva.jansen" names the person whose address starts with "eva.jansen@". */
export function mentionedHandles(text: string): string[] {
	const handles = [...text.matchAll(/(?:^|[^\w.@])@([a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?)/gi)].map((match) => match[1]!.toLowerCase());
	return [...new Set(handles)].slice(0, 20);
}

/**
 * Emails everyone a text mentions, in the writer's transaction, but only those who may read the
 * post: a mention never tells anyone about a space closed to them. A handle that fits two
 * addresses names nobody for certain and is skipped. The organisation comes from before the
 * transaction (see `assertOutsideTransaction`).
 */
async function notifyMentions(
	executor: Executor,
	organisation: Organisation,
	actor: Actor,
	target: { postId: string; title: string; space: SpaceResource },
	text: string,
	meta: RequestMeta
): Promise<void> {
	const handles = mentionedHandles(text);
	if (!handles.length) return;
	const candidates = await executor
		.select({ id: person.id, name: person.name, email: person.email, kind: person.kind, roles: person.roles, unitId: person.unitId, managerId: person.managerId, partnerOrgId: person.partnerOrgId, locale: person.locale })
		.from(person)
		.where(and(eq(person.status, 'active'), inArray(sql`split_part(${person.email}, '@', 1)`, handles)));
	const byHandle = new Map<string, typeof candidates>();
	for (const candidate of candidates) {
		const handle = candidate.email.split('@')[0]!;
		byHandle.set(handle, [...(byHandle.get(handle) ?? []), candidate]);
	}
	const link = `${meta.origin}/knowledge/posts/${target.postId}`;
	for (const matches of byHandle.values()) {
		const [recipient] = matches;
		if (matches.length !== 1 || !recipient || recipient.id === actor.id) continue;
		if (!can({ ...recipient, isManager: false }, 'knowledge.space.read', target.space)) continue;
		const locale = recipientLocale(recipient.locale, organisation.defaultLocale);
		await queueEmail(executor, {
			to: recipient.email,
			personId: recipient.id,
			purpose: 'knowledge.mention',
			subject: m.knowledge_email_mention_subject({ name: actor.name }, { locale }),
			text: `${m.knowledge_email_mention_body({ name: actor.name, title: target.title, link }, { locale })}\n\n-- \n${m.email_signature({ organisation: organisation.name }, { locale })}\n`
		});
	}
}

/** A new post by the actor in a space they may write in (the route asks authz); its id. */
export async function createPost(actor: Actor, target: SpaceDetail, input: PostInput, meta: RequestMeta): Promise<string> {
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(post)
			.values({
				spaceId: target.id,
				authorId: actor.id,
				kind: input.kind,
				title: withoutMarks(input.title),
				body: withoutMarks(input.body),
				bodyHtml: renderMarkdown(input.body),
				url: input.url,
				language: input.language,
				tags: input.tags
			})
			.returning({ id: post.id });
		await notifyMentions(tx, organisation, actor, { postId: created!.id, title: input.title, space: target }, `${input.title}\n${input.body}`, meta);
		return created!.id;
	});
}

/** The author (or a moderator) changes a post; what it said before is kept as a revision. */
export async function editPost(actor: Actor, detail: PostDetail, input: PostInput, meta: RequestMeta): Promise<void> {
	const organisation = await getOrganisation();
	await db.transaction(async (tx) => {
		const [before] = await tx.select({ title: post.title, body: post.body, tags: post.tags }).from(post).where(eq(post.id, detail.id)).for('update');
		await tx.insert(postRevision).values({ postId: detail.id, editorId: actor.id, ...before! });
		await tx
			.update(post)
			.set({
				kind: input.kind,
				title: withoutMarks(input.title),
				body: withoutMarks(input.body),
				bodyHtml: renderMarkdown(input.body),
				url: input.url,
				language: input.language,
				tags: input.tags
			})
			.where(eq(post.id, detail.id));
		await notifyMentions(tx, organisation, actor, { postId: detail.id, title: input.title, space: detail.spaceAccess }, newMentionsOnly(before!.body, input.body), meta);
	});
}

/** Only people an edit newly mentions are told; the others heard when they were first named. */
function newMentionsOnly(before: string, after: string): string {
	const known = new Set(mentionedHandles(before));
	return mentionedHandles(after)
		.filter((handle) => !known.has(handle))
		.map((handle) => `@${handle}`)
		.join(' ');
}

const revisionsOf = prepared((database) =>
	database
		.select({ id: postRevision.id, title: postRevision.title, body: postRevision.body, tags: postRevision.tags, createdAt: postRevision.createdAt, editor: person.name })
		.from(postRevision)
		.innerJoin(person, eq(person.id, postRevision.editorId))
		.where(eq(postRevision.postId, sql.placeholder('postId')))
		.orderBy(desc(postRevision.createdAt))
		.prepare('knowledge_revisions_of')
);

/** Earlier versions of a post, newest first, with who replaced them. */
export async function listRevisions(postId: string) {
	return revisionsOf().execute({ postId });
}

// ─── Reactions and bookmarks ───────────────────────────────────────────────────────────────────

/** Adds the actor's reaction of this kind, or takes it back when it is there. */
export async function toggleReaction(actor: Actor, postId: string, kind: ReactionKind): Promise<void> {
	const removed = await db
		.delete(reaction)
		.where(and(eq(reaction.postId, postId), eq(reaction.personId, actor.id), eq(reaction.kind, kind)))
		.returning({ kind: reaction.kind });
	if (!removed.length) await db.insert(reaction).values({ postId, personId: actor.id, kind }).onConflictDoNothing();
}

export async function toggleBookmark(actor: Actor, postId: string): Promise<void> {
	const removed = await db.delete(bookmark).where(and(eq(bookmark.personId, actor.id), eq(bookmark.postId, postId))).returning({ postId: bookmark.postId });
	if (!removed.length) await db.insert(bookmark).values({ personId: actor.id, postId }).onConflictDoNothing();
}

const reactionCounts = prepared((database) =>
	database
		.select({ kind: reaction.kind, count: sql<number>`count(*)::int` })
		.from(reaction)
		.where(eq(reaction.postId, sql.placeholder('postId')))
		.groupBy(reaction.kind)
		.prepare('knowledge_reaction_counts')
);
const ownReactions = prepared((database) =>
	database
		.select({ kind: sql<string>`'bookmark'` })
		.from(bookmark)
		.where(and(eq(bookmark.postId, sql.placeholder('postId')), eq(bookmark.personId, sql.placeholder('viewerId'))))
		.unionAll(
			database
				.select({ kind: reaction.kind })
				.from(reaction)
				.where(and(eq(reaction.postId, sql.placeholder('postId')), eq(reaction.personId, sql.placeholder('viewerId'))))
		)
		.prepare('knowledge_own_reactions')
);

/** Reaction counts on a post, and which of them are the viewer's; whether the viewer bookmarked it. */
export async function reactionsOn(viewer: Subject, postId: string) {
	const [counts, mine] = await Promise.all([
		reactionCounts().execute({ postId }),
		viewer ? ownReactions().execute({ postId, viewerId: viewer.id }) : []
	]);
	const own = new Set(mine.map((row) => row.kind));
	return {
		reactions: Object.fromEntries(counts.map((row) => [row.kind, row.count])) as Partial<Record<ReactionKind, number>>,
		mine: [...own].filter((kind): kind is ReactionKind => kind !== 'bookmark'),
		bookmarked: own.has('bookmark')
	};
}

/** The viewer's bookmarks, newest first, through the same filter as every list: a post they can no longer read drops out. */
export async function listBookmarks(viewer: Actor, options: { page: number; pageSize: number }) {
	const rows = await db
		.select(summaryColumns)
		.from(bookmark)
		.innerJoin(post, eq(post.id, bookmark.postId))
		.innerJoin(space, eq(space.id, post.spaceId))
		.innerJoin(author, eq(author.id, post.authorId))
		.where(and(eq(bookmark.personId, viewer.id), visiblePosts(readableSpaceFilter(viewer))))
		.orderBy(desc(bookmark.createdAt))
		.limit(options.pageSize + 1)
		.offset((options.page - 1) * options.pageSize);
	return { posts: rows.slice(0, options.pageSize).map(toSummary), hasNext: rows.length > options.pageSize };
}

export interface CommentView {
	id: string;
	parentId: string | null;
	bodyHtml: string;
	createdAt: Date;
	hidden: boolean;
	hiddenReason: string | null;
	author: { id: string; name: string; kind: PersonKind };
}

export interface PostDetail extends PostSummary {
	/** The markdown as written, for the edit form. */
	body: string;
	bodyHtml: string;
	language: string;
	acceptedCommentId: string | null;
	hidden: boolean;
	hiddenReason: string | null;
	pinned: boolean;
	spaceAccess: SpaceDetail;
	resource: PostResource;
}

// The post page's queries are built once and run with placeholders: building them anew cost a
// millisecond of node time per page, more than the database spent answering them.
const postById = prepared((database) =>
	database
		.select({
			...summaryColumns,
			body: post.body,
			bodyHtml: post.bodyHtml,
			language: post.language,
			acceptedCommentId: post.acceptedCommentId,
			hiddenAt: post.hiddenAt,
			hiddenReason: post.hiddenReason,
			pinnedAt: post.pinnedAt,
			space: spaceWithAccess
		})
		.from(post)
		.innerJoin(space, eq(space.id, post.spaceId))
		.innerJoin(author, eq(author.id, post.authorId))
		.where(eq(post.id, sql.placeholder('id')))
		.prepare('knowledge_post_by_id')
);

/** One post with its space's access rules; the caller asks `can(viewer, 'knowledge.post.view', detail.resource)`. */
export async function getPost(id: string): Promise<PostDetail | null> {
	if (!isId(id)) return null;
	const [row] = await postById().execute({ id });
	if (!row) return null;
	const spaceAccess = toSpaceDetail(row.space);
	const hidden = row.hiddenAt !== null;
	return {
		...toSummary(row),
		body: row.body,
		bodyHtml: row.bodyHtml,
		language: row.language,
		acceptedCommentId: row.acceptedCommentId,
		hidden,
		hiddenReason: row.hiddenReason,
		pinned: row.pinnedAt !== null,
		spaceAccess,
		resource: { space: spaceAccess, authorId: row.authorId, hidden }
	};
}

const commenter = alias(person, 'commenter');
const commentsOf = prepared((database) =>
	database
		.select({
			id: comment.id,
			parentId: comment.parentId,
			bodyHtml: comment.bodyHtml,
			createdAt: comment.createdAt,
			hiddenAt: comment.hiddenAt,
			hiddenReason: comment.hiddenReason,
			authorId: commenter.id,
			authorName: commenter.name,
			authorKind: commenter.kind
		})
		.from(comment)
		.innerJoin(commenter, eq(commenter.id, comment.authorId))
		.where(eq(comment.postId, sql.placeholder('postId')))
		.orderBy(asc(comment.createdAt), asc(comment.id))
		.prepare('knowledge_comments_of')
);

/** The post's comments in order; hidden ones only for their author and the space's moderators. */
export async function listComments(viewer: Subject, detail: PostDetail): Promise<CommentView[]> {
	const moderator = can(viewer, 'knowledge.space.moderate', detail.spaceAccess);
	const rows = await commentsOf().execute({ postId: detail.id });
	return rows
		.filter((row) => row.hiddenAt === null || moderator || row.authorId === viewer?.id)
		.map((row) => ({
			id: row.id,
			parentId: row.parentId,
			bodyHtml: row.bodyHtml,
			createdAt: row.createdAt,
			hidden: row.hiddenAt !== null,
			hiddenReason: row.hiddenReason,
			author: { id: row.authorId, name: row.authorName, kind: row.authorKind }
		}));
}

export type CommentResult = { ok: true; id: string } | { ok: false; errors: { parentId?: Reason } };

/** A post's `commentCount`, counted again inside the change that alters it (the post's few comments). */
const visibleComments = (postId: string) => sql<number>`(select count(*)::int from ${comment} where ${comment.postId} = ${postId} and ${comment.hiddenAt} is null)`;

/** A comment, or a reply to a top-level one (one level deep); either moves the post up the feed. */
export async function addComment(actor: Actor, detail: PostDetail, input: { body: string; parentId: string | null }, meta: RequestMeta): Promise<CommentResult> {
	const postId = detail.id;
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		if (input.parentId) {
			const [parent] = await tx
				.select({ parentId: comment.parentId })
				.from(comment)
				.where(and(eq(comment.id, input.parentId), eq(comment.postId, postId), isNull(comment.hiddenAt)));
			if (!parent || parent.parentId !== null) return { ok: false, errors: { parentId: 'not_found' } } as const;
		}
		const [created] = await tx
			.insert(comment)
			.values({ postId, parentId: input.parentId, authorId: actor.id, body: withoutMarks(input.body), bodyHtml: renderMarkdown(input.body) })
			.returning({ id: comment.id });
		await tx.update(post).set({ lastActivityAt: sql`now()`, commentCount: visibleComments(postId) }).where(eq(post.id, postId));
		await notifyMentions(tx, organisation, actor, { postId, title: detail.title, space: detail.spaceAccess }, input.body, meta);
		return { ok: true, id: created!.id } as const;
	});
}

/** The accepted answer of a question: a visible top-level comment. Choosing another replaces it. */
export async function acceptAnswer(detail: PostDetail, commentId: string): Promise<{ ok: true } | { ok: false; reason: Reason }> {
	if (detail.kind !== 'question') return { ok: false, reason: 'knowledge_not_question' };
	const updated = await db
		.update(post)
		.set({ acceptedCommentId: commentId })
		.where(
			and(
				eq(post.id, detail.id),
				sql`exists (select 1 from ${comment} where ${comment.id} = ${commentId} and ${comment.postId} = ${detail.id} and ${comment.parentId} is null and ${comment.hiddenAt} is null)`
			)
		)
		.returning({ id: post.id });
	return updated.length ? { ok: true } : { ok: false, reason: 'not_found' };
}

/** What a report or a moderator's decision is about: the post, or one of its comments. */
async function commentOf(executor: Executor, detail: PostDetail, commentId: string | null): Promise<boolean> {
	if (!commentId) return true;
	const found = await executor.select({ id: comment.id }).from(comment).where(and(eq(comment.id, commentId), eq(comment.postId, detail.id)));
	return found.length === 1;
}

/** A reader reports the post or one of its comments to the space's moderators. */
export async function reportContent(actor: Actor, detail: PostDetail, input: { commentId: string | null; reason: string }): Promise<{ ok: boolean }> {
	if (!(await commentOf(db, detail, input.commentId))) return { ok: false };
	await db.insert(report).values({ postId: detail.id, commentId: input.commentId, reporterId: actor.id, reason: input.reason });
	return { ok: true };
}

/** Open reports on a post, for its moderators. */
export async function listOpenReports(detail: PostDetail) {
	return db
		.select({ id: report.id, commentId: report.commentId, reason: report.reason, createdAt: report.createdAt, reporter: person.name })
		.from(report)
		.innerJoin(person, eq(person.id, report.reporterId))
		.where(and(eq(report.postId, detail.id), isNull(report.resolvedAt)))
		.orderBy(asc(report.createdAt));
}

/** Posts in a space with open reports, for its moderators. */
export async function listReportedPosts(spaceId: string) {
	return db
		.select({ id: post.id, title: post.title, reports: sql<number>`count(*)::int` })
		.from(report)
		.innerJoin(post, eq(post.id, report.postId))
		.where(and(eq(post.spaceId, spaceId), isNull(report.resolvedAt)))
		.groupBy(post.id, post.title)
		.orderBy(desc(sql`max(${report.createdAt})`))
		.limit(50);
}

/**
 * A moderator hides a post or a comment (with the reason its author will read) or restores it;
 * either settles the open reports about it.
 */
export async function setHidden(
	actor: Actor,
	detail: PostDetail,
	input: { commentId: string | null; reason: string | null },
	meta: RequestMeta
): Promise<{ ok: boolean }> {
	return db.transaction(async (tx) => {
		if (!(await commentOf(tx, detail, input.commentId))) return { ok: false };
		const change = input.reason === null ? { hiddenAt: null, hiddenReason: null } : { hiddenAt: sql`now()`, hiddenReason: input.reason };
		if (input.commentId) {
			await tx.update(comment).set(change).where(eq(comment.id, input.commentId));
			await tx.update(post).set({ commentCount: visibleComments(detail.id) }).where(eq(post.id, detail.id));
		} else await tx.update(post).set(change).where(eq(post.id, detail.id));
		await tx
			.update(report)
			.set({ resolvedAt: sql`now()` })
			.where(and(eq(report.postId, detail.id), input.commentId ? eq(report.commentId, input.commentId) : isNull(report.commentId), isNull(report.resolvedAt)));
		await recordAudit(tx, {
			actorId: actor.id,
			action: input.reason === null ? 'knowledge.post_restored' : 'knowledge.post_hidden',
			target: { type: 'knowledge_post', id: detail.id, label: detail.title },
			ip: meta.ip,
			details: { ...(input.commentId ? { commentId: input.commentId } : {}), ...(input.reason === null ? {} : { reason: input.reason }) }
		});
		return { ok: true };
	});
}

// ─── Search ────────────────────────────────────────────────────────────────────────────────────

/** Ranking costs time in proportion to the matches: only this many candidates are ranked and counted. */
export const searchCandidateLimit = 500;
// Control characters cannot be in stored text: they mark the highlights until the text is escaped.
const markStart = '\u0001';
const markEnd = '\u0002';
const headlineOptions = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchFilters {
	q?: string;
	/** A space's slug. */
	space?: string;
	kind?: PostKind;
	tag?: string;
	author?: string;
	answered?: 'yes' | 'no';
	page: number;
	pageSize: number;
}

export interface SearchHit extends PostSummary {
	/** Escaped HTML: the matched words in <mark>. */
	titleHtml: string;
	snippetHtml: string;
}

export interface SearchResult {
	hits: SearchHit[];
	/** Matches among what the viewer may read, up to `searchCandidateLimit`. */
	total: number;
	/** More matched than were counted. */
	capped: boolean;
	/** How long the search took in the database, in milliseconds: the route reports it as Server-Timing. */
	durationMs: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const highlighted = (text: string) => escapeHtml(text).replaceAll(markStart, '<mark>').replaceAll(markEnd, '</mark>');
/** The highlight markers never come from what people write. */
const withoutMarks = (text: string) => text.replace(/[\u0001\u0002]/g, '');

/** Which parts a search has: the query is built once per shape (`searchQuery`), its values bound. */
interface SearchShape {
	reader: SpaceReader;
	words: boolean;
	space: boolean;
	kind: boolean;
	tag: boolean;
	author: boolean;
	answered: 'yes' | 'no' | undefined;
	pageSize: number;
	firstPage: boolean;
}

// Short, as it also names the statement: employee_10000_yes_20_1 for words and an answered filter.
const searchKey = (shape: SearchShape) =>
	`${shape.reader}_${[shape.words, shape.space, shape.kind, shape.tag, shape.author].map(Number).join('')}_${shape.answered ?? 'any'}_${shape.pageSize}_${Number(shape.firstPage)}`;

/**
 * The search for one shape, with placeholders for its values (the words, the filters' values, the
 * partner organisation, the offset): built on every visit, drizzle's builder cost about a tenth of
 * the page.
 */
const searchQuery = preparedShapes(searchKey, (database, shape) => {
	const q = sql.placeholder('q');
	const english = sql`websearch_to_tsquery('english', ${q})`;
	const dutch = sql`websearch_to_tsquery('dutch', ${q})`;
	const query = sql`(case ${post.language} when 'nl' then ${dutch} else ${english} end)`;
	const config = sql`(case ${post.language} when 'nl' then 'dutch' else 'english' end)::regconfig`;
	const conditions: (SQL | undefined)[] = [
		shape.kind ? eq(post.kind, sql.placeholder('kind')) : undefined,
		shape.tag ? sql`${post.tags} @> array[${sql.placeholder('tag')}]::text[]` : undefined,
		shape.author ? eq(post.authorId, sql.placeholder('author')) : undefined,
		shape.answered === 'yes' ? sql`${post.kind} = 'question' and ${post.acceptedCommentId} is not null` : undefined,
		shape.answered === 'no' ? sql`${post.kind} = 'question' and ${post.acceptedCommentId} is null` : undefined,
		// One query of both languages' words: the index is read once for the words they share.
		shape.words ? sql`${post.search} @@ (${english} || ${dutch})` : undefined
	];
	const readable = readableSpaceFilter(shape.reader, sql.placeholder('partnerOrg'));
	const candidates = database
		.select({
			id: post.id,
			lastActivityAt: post.lastActivityAt,
			rank: shape.words ? sql<number>`ts_rank(${post.search}, ${query})`.as('rank') : sql<number>`0`.as('rank')
		})
		.from(post)
		.where(visiblePostsAmong(readable, shape.space ? eq(space.slug, sql.placeholder('space')) : undefined, ...conditions))
		// Without words, the newest first; with words, any bounded set of matches (ranked below).
		.orderBy(...(shape.words ? [] : [desc(post.lastActivityAt)]))
		.limit(literalCount(searchCandidateLimit + 1))
		.as('candidates');
	// Ranked and counted among the candidates alone: only the page's rows are joined and highlighted.
	const ranked = paged(
		database
			.select({ id: candidates.id, rank: candidates.rank, total: sql<number>`count(*) over ()`.as('total') })
			.from(candidates)
			.orderBy(desc(candidates.rank), desc(candidates.lastActivityAt), desc(candidates.id))
			.$dynamic(),
		shape.pageSize,
		shape.firstPage ? 0 : sql.placeholder('offset')
	).as('ranked');
	return database
		.select({
			...summaryColumns,
			total: sql<number>`${ranked.total}`.mapWith(Number),
			titleHtml: shape.words ? sql<string>`ts_headline(${config}, ${post.title}, ${query}, 'HighlightAll=true, ' || ${headlineOptions})` : post.title,
			snippet: shape.words
				? sql<string>`ts_headline(${config}, left(${post.body}, 5000), ${query}, ${headlineOptions})`
				: sql<string>`left(${post.body}, 240)`
		})
		.from(ranked)
		.innerJoin(post, eq(post.id, ranked.id))
		.innerJoin(space, eq(space.id, post.spaceId))
		.innerJoin(author, eq(author.id, post.authorId))
		.orderBy(desc(ranked.rank), desc(post.lastActivityAt), desc(post.id))
		.prepare(`knowledge_search_${searchKey(shape)}`);
});

/**
 * Full-text search over the posts this viewer may read (the same filter as every list), in English
 * and Dutch. Matches are bounded before they are ranked, counted and highlighted, so a common word
 * costs no more than a rare one.
 */
export async function searchPosts(viewer: Subject, filters: SearchFilters): Promise<SearchResult> {
	const started = performance.now();
	if (filters.author && !isId(filters.author)) return { hits: [], total: 0, capped: false, durationMs: 0 };
	const q = filters.q?.trim() || undefined;
	const shape: SearchShape = {
		reader: spaceReader(viewer),
		words: !!q,
		space: !!filters.space,
		kind: !!filters.kind,
		tag: !!filters.tag,
		author: !!filters.author,
		answered: filters.answered,
		pageSize: filters.pageSize,
		firstPage: filters.page === 1
	};
	const rows = await searchQuery(shape).execute({
		q: q ?? '',
		partnerOrg: viewer?.partnerOrgId ?? null,
		space: filters.space,
		kind: filters.kind,
		tag: filters.tag,
		author: filters.author,
		offset: (filters.page - 1) * filters.pageSize
	});
	// A page past the end has no rows to carry the count; it shows as empty.
	const counted = rows[0]?.total ?? 0;
	return {
		hits: rows.map((row) => ({ ...toSummary(row), titleHtml: highlighted(row.titleHtml), snippetHtml: highlighted(row.snippet) })),
		total: Math.min(counted, searchCandidateLimit),
		capped: counted > searchCandidateLimit,
		durationMs: performance.now() - started
	};
}
