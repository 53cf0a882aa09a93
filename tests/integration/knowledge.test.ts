import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { startApp, type TestApp, type TestClient } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import { can, readableSpaceFilter, type Actor } from '../../src/lib/server/authz';
import { auditEvent, comment, outboxEmail, post, report, space, spaceModerator, spacePartner, partnerOrg, person } from '../../src/lib/server/db/schema';
import { getSpace, listPosts, renderMarkdown, searchPosts, type SearchFilters } from '../../src/lib/server/knowledge';

/**
 * Knowledge across boundaries: content in every audience, read by every kind of person through
 * every door (the post's page, the space, the feed, search and its count). Nothing leaks.
 */
let app: TestApp;

type Viewer = 'anonymous' | 'employee' | 'hr' | 'alumni' | 'fjord' | 'deltawerk';
const viewers: Viewer[] = ['anonymous', 'employee', 'hr', 'alumni', 'fjord', 'deltawerk'];

/** One space per audience; the word in its post's title is found only by those who may read it. */
const audiences = [
	{ key: 'employees', audience: 'employees', readers: ['employee', 'hr'] },
	{ key: 'alumni', audience: 'alumni', readers: ['employee', 'hr', 'alumni'] },
	{ key: 'fjord', audience: 'partners', partners: ['Fjord Cloud Partners'], readers: ['employee', 'hr', 'fjord'] },
	{ key: 'deltaalumni', audience: 'partners', partners: ['Deltawerk Consulting'], includeAlumni: true, readers: ['employee', 'hr', 'alumni', 'deltawerk'] },
	{ key: 'public', audience: 'public', readers: viewers }
] as const;

const word = 'quetzalmatrix';
const titleOf = (key: string) => `Matrix ${word} ${key}`;
const slugOf = (key: string) => `matrix-${key}`;
const clients = {} as Record<Viewer, TestClient>;
const actors = {} as Record<Viewer, Actor | null>;
const postIds: Record<string, string> = {};
let hiddenPostId: string;

async function signedInClient(email: string): Promise<TestClient> {
	const row = await personByEmail(app.db, email);
	const client = app.client();
	const { token } = await createSession(app.db, row.id, { userAgent: 'test', ip: null });
	client.cookies.set(sessionCookieName(new URL(app.origin)), token);
	return client;
}

async function actorOf(email: string): Promise<Actor> {
	const row = await personByEmail(app.db, email);
	return { id: row.id, name: row.name, email: row.email, kind: row.kind, roles: row.roles, isManager: false, unitId: row.unitId, managerId: row.managerId, partnerOrgId: row.partnerOrgId, locale: null };
}

beforeAll(async () => {
	app = await startApp();
	const partners = await app.db.select().from(partnerOrg);
	const partnerId = (name: string) => partners.find((partner) => partner.name === name)!.id;
	const [deltawerkMember] = await app.db.select().from(person).where(eq(person.partnerOrgId, partnerId('Deltawerk Consulting'))).limit(1);
	const employee = await personByEmail(app.db, demo.employee);
	const emails: Record<Exclude<Viewer, 'anonymous'>, string> = {
		employee: demo.employee,
		hr: demo.hr,
		alumni: demo.alumni,
		fjord: demo.partner,
		deltawerk: deltawerkMember!.email
	};
	clients.anonymous = app.client();
	actors.anonymous = null;
	for (const [viewer, email] of Object.entries(emails) as [Exclude<Viewer, 'anonymous'>, string][]) {
		clients[viewer] = await signedInClient(email);
		actors[viewer] = await actorOf(email);
	}
	for (const spec of audiences) {
		const [created] = await app.db
			.insert(space)
			.values({ slug: slugOf(spec.key), name: `Matrix space ${spec.key}`, audience: spec.audience, includeAlumni: 'includeAlumni' in spec && spec.includeAlumni })
			.returning({ id: space.id });
		if ('partners' in spec) await app.db.insert(spacePartner).values(spec.partners.map((name) => ({ spaceId: created!.id, partnerOrgId: partnerId(name) })));
		const [row] = await app.db
			.insert(post)
			.values({ spaceId: created!.id, authorId: employee.id, kind: 'article', title: titleOf(spec.key), body: 'Body', bodyHtml: '<p>Body</p>', language: 'en', tags: [word] })
			.returning({ id: post.id });
		postIds[spec.key] = row!.id;
	}
	// Hidden: nobody but its author and moderators sees it, not even in a public space.
	const [publicSpace] = await app.db.select().from(space).where(eq(space.slug, slugOf('public')));
	const [hidden] = await app.db
		.insert(post)
		.values({ spaceId: publicSpace!.id, authorId: employee.id, kind: 'article', title: `Hidden ${word}`, body: 'x', bodyHtml: 'x', language: 'en', hiddenAt: new Date(), hiddenReason: 'spam' })
		.returning({ id: post.id });
	hiddenPostId = hidden!.id;
});
afterAll(() => app?.close());

const readable = (viewer: Viewer) => audiences.filter((spec) => (spec.readers as readonly Viewer[]).includes(viewer)).map((spec) => spec.key);

describe('the audience matrix', () => {
	for (const viewer of viewers) {
		it(`${viewer}: opens, lists, finds and counts exactly what the audience allows`, async () => {
			const client = clients[viewer];
			const allowed = readable(viewer);
			for (const spec of audiences) {
				const may = allowed.includes(spec.key);
				// The post's page and the space's page.
				for (const path of [`/knowledge/posts/${postIds[spec.key]}`, `/knowledge/${slugOf(spec.key)}`]) {
					const response = await client.get(path);
					const expected = may ? 200 : viewer === 'anonymous' ? 303 : 404;
					expect(response.status, `${viewer} ${path}`).toBe(expected);
					const html = await response.text();
					if (!may) expect(html).not.toContain(titleOf(spec.key));
				}
			}
			// Search, with its count, and the feed, with its spaces and their counts.
			const search = await (await client.get(`/search?q=${word}`)).text();
			const feed = await (await client.get('/knowledge')).text();
			for (const spec of audiences) {
				const may = allowed.includes(spec.key);
				expect(search.includes(`Matrix <mark>${word}</mark> ${spec.key}`), `${viewer} searches ${spec.key}`).toBe(may);
				expect(feed.includes(titleOf(spec.key)), `${viewer} feed ${spec.key}`).toBe(may);
				expect(feed.includes(`Matrix space ${spec.key}`), `${viewer} space list ${spec.key}`).toBe(may);
			}
			// The count, in whichever language this person reads.
			expect(search).toMatch(new RegExp(`role="status">${allowed.length} `));
			expect(search).not.toContain('Hidden');
			// By tag, kind and space filters too: the filters narrow, never widen.
			const byTag = await searchPosts(actors[viewer], { tag: word, page: 1, pageSize: 50 });
			expect(byTag.total).toBe(allowed.length);
			for (const spec of audiences) {
				const bySpace = await searchPosts(actors[viewer], { q: word, space: slugOf(spec.key), page: 1, pageSize: 50 });
				expect(bySpace.total, `${viewer} space filter ${spec.key}`).toBe(allowed.includes(spec.key) ? 1 : 0);
			}
			const hidden = await client.get(`/knowledge/posts/${hiddenPostId}`);
			// Its author (the employee) and staff, who moderate every space, still open it.
			expect(hidden.status).toBe(viewer === 'anonymous' ? 303 : viewer === 'employee' || viewer === 'hr' ? 200 : 404);
		});
	}

	it('the SQL filter and the per-space rule agree for every viewer and every space', async () => {
		const spaces = await app.db.select({ slug: space.slug }).from(space);
		for (const viewer of viewers) {
			const listed = new Set(
				(await app.db.select({ slug: space.slug }).from(space).where(readableSpaceFilter(actors[viewer]))).map((row) => row.slug)
			);
			for (const { slug } of spaces) {
				const detail = (await getSpace(slug))!;
				expect(listed.has(slug), `${viewer} ${slug}`).toBe(can(actors[viewer], 'knowledge.space.read', detail));
			}
		}
	});
});

describe('questions and answers', () => {
	it('an employee asks, a colleague answers, only the asker or a moderator accepts', async () => {
		const asker = clients.employee;
		const asked = await asker.action('/knowledge/platform?/post', { kind: 'question', title: 'How do we rotate the ingress certificates?', body: 'Asking for the **platform** team.', url: '', tags: 'tls, ingress', language: 'en' });
		expect(asked.type).toBe('redirect');
		const postId = asked.location!.split('/').pop()!;
		const answerer = await clientFor(app, 'manager');
		const answered = await answerer.action(`/knowledge/posts/${postId}?/comment`, { body: 'cert-manager renews them; see the runbook.' });
		expect(answered.type).toBe('redirect');
		const commentId = answered.location!.split('#comment-').pop()!;
		// A colleague who is neither the asker nor a moderator may read it, but not accept an answer.
		const [colleague] = await app.db
			.select({ email: person.email })
			.from(person)
			.where(and(eq(person.kind, 'employee'), eq(person.status, 'active'), sql`${person.email} not in (${demo.employee}, ${demo.manager}, ${demo.hr}, ${demo.admin})`))
			.limit(1);
		const bystander = await signedInClient(colleague!.email);
		expect((await bystander.action(`/knowledge/posts/${postId}?/accept`, { commentId })).status).toBe(403);
		expect((await searchPosts(actors.employee, { q: 'ingress certificates', answered: 'yes', page: 1, pageSize: 10 })).total).toBe(0);
		const accepted = await asker.action(`/knowledge/posts/${postId}?/accept`, { commentId });
		expect(accepted.type).toBe('redirect');
		const found = await searchPosts(actors.alumni, { q: 'ingress certificates', page: 1, pageSize: 10 });
		expect(found.total, 'the platform space is for employees only').toBe(0);
		const mine = await searchPosts(actors.employee, { q: 'rotating certificate', answered: 'yes', page: 1, pageSize: 10 });
		expect(mine.hits.map((hit) => hit.id)).toEqual([postId]);
		// A reply to a reply is refused: one level only.
		const reply = await answerer.action(`/knowledge/posts/${postId}?/comment`, { body: 'Thanks', parentId: commentId });
		const replyId = reply.location!.split('#comment-').pop()!;
		expect((await answerer.action(`/knowledge/posts/${postId}?/comment`, { body: 'Deeper', parentId: replyId })).status).toBe(400);
	});

	it('Dutch posts are stemmed in Dutch, and the snippet is highlighted without letting markup through', async () => {
		const asked = await clients.employee.action('/knowledge/platform?/post', {
			kind: 'article',
			title: 'Wandelingen langs de dijken',
			body: 'We wandelden <script>alert(1)</script> langs de dijken van Groningen.',
			url: '',
			tags: '',
			language: 'nl'
		});
		expect(asked.type).toBe('redirect');
		const found = await searchPosts(actors.employee, { q: 'wandeling dijk', page: 1, pageSize: 10 });
		expect(found.hits[0]?.title).toBe('Wandelingen langs de dijken');
		expect(found.hits[0]?.snippetHtml).toContain('<mark>');
		expect(found.hits[0]?.snippetHtml).not.toContain('<script');
	});

	it('filters by kind and by author, with and without words, and pages through the matches', async () => {
		const marker = 'xylograph';
		// Written straight into the table: through the form they would spend the demo accounts' posting allowance.
		const [platform] = await app.db.select({ id: space.id }).from(space).where(eq(space.slug, 'platform'));
		const write = (authorId: string, kind: 'article' | 'question' | 'link', title: string) =>
			app.db.insert(post).values({ spaceId: platform!.id, authorId, kind, title: `${title} ${marker}`, body: 'Text', url: kind === 'link' ? 'https://example.org/' : null, tags: [marker] });
		for (const [kind, title] of [['article', 'Article'], ['question', 'Question'], ['link', 'Link']] as const) await write(actors.employee!.id, kind, title);
		await write(actors.hr!.id, 'article', 'Other article');
		const employee = actors.employee!;
		const titles = async (filters: Partial<SearchFilters>) =>
			(await searchPosts(employee, { page: 1, pageSize: 10, ...filters })).hits.map((hit) => hit.title.replace(` ${marker}`, '')).sort();
		for (const words of [{ q: marker }, { tag: marker }]) {
			expect(await titles(words)).toEqual(['Article', 'Link', 'Other article', 'Question']);
			expect(await titles({ ...words, kind: 'question' })).toEqual(['Question']);
			expect(await titles({ ...words, author: employee.id })).toEqual(['Article', 'Link', 'Question']);
			expect(await titles({ ...words, author: actors.hr!.id, kind: 'link' })).toEqual([]);
		}
		// Two pages of three and one, the same four matches in all; past the end, none.
		const pages = await Promise.all([1, 2, 3].map((page) => searchPosts(employee, { q: marker, page, pageSize: 3 })));
		expect(pages.map((page) => page.hits.length)).toEqual([3, 1, 0]);
		expect(new Set(pages.flatMap((page) => page.hits.map((hit) => hit.id))).size).toBe(4);
		expect(pages[0]!.total).toBe(4);
		// The same through the page, as the filter form sends it.
		const html = await (await clients.employee.get(`/search?q=${marker}&kind=question`)).text();
		expect(html).toContain(`Question <mark>${marker}</mark>`);
		expect(html).not.toContain(`Article <mark>${marker}</mark>`);
	});
});

describe('moderation', () => {
	it('a moderator hides a post with a reason its author reads; others no longer see it anywhere', async () => {
		const asked = await clients.employee.action('/knowledge/platform?/post', { kind: 'article', title: 'Moderation target zanzibarite', body: 'Text', url: '', tags: '', language: 'en' });
		const postId = asked.location!.split('/').pop()!;
		const moderator = await clientFor(app, 'manager');
		const [platform] = await app.db.select().from(space).where(eq(space.slug, 'platform'));
		const manager = await personByEmail(app.db, demo.manager);
		expect(await app.db.select().from(spaceModerator).where(and(eq(spaceModerator.spaceId, platform!.id), eq(spaceModerator.personId, manager.id)))).toHaveLength(1);
		expect((await clients.employee.action(`/knowledge/posts/${postId}?/hide`, { reason: 'Mine' })).status).toBe(403);
		expect((await moderator.action(`/knowledge/posts/${postId}?/hide`, { reason: '' })).status).toBe(400);
		expect((await moderator.action(`/knowledge/posts/${postId}?/hide`, { reason: 'Off topic here' })).type).toBe('redirect');
		const own = await (await clients.employee.get(`/knowledge/posts/${postId}`)).text();
		expect(own).toContain('Off topic here');
		const other = await signedInClient(demo.admin);
		expect((await other.get(`/knowledge/posts/${postId}`)).status, 'admins moderate every space').toBe(200);
		expect((await searchPosts(actors.employee, { q: 'zanzibarite', page: 1, pageSize: 10 })).total).toBe(0);
		expect((await moderator.action(`/knowledge/posts/${postId}?/restore`, {})).type).toBe('redirect');
		expect((await searchPosts(actors.employee, { q: 'zanzibarite', page: 1, pageSize: 10 })).total).toBe(1);
	});
});

describe('edits', () => {
	it('the author edits, the earlier version stays in the history, and only newly mentioned people are told', async () => {
		const asked = await clients.employee.action('/knowledge/platform?/post', { kind: 'article', title: 'First title', body: 'Ask @manager', url: '', tags: 'one', language: 'en' });
		const path = asked.location!;
		const mentionsOf = async (to: string) => (await app.db.select().from(outboxEmail).where(and(eq(outboxEmail.purpose, 'knowledge.mention'), eq(outboxEmail.toAddress, to)))).length;
		const [managerBefore, hrBefore] = [await mentionsOf(demo.manager), await mentionsOf(demo.hr)];
		const colleague = await signedInClient(
			(await app.db.select({ email: person.email }).from(person).where(and(eq(person.kind, 'employee'), eq(person.status, 'active'), sql`${person.email} not in (${demo.employee}, ${demo.manager}, ${demo.hr}, ${demo.admin})`)).limit(1))[0]!.email
		);
		expect((await colleague.get(`${path}/edit`)).status).toBe(403);
		expect((await colleague.action(`${path}/edit`, { kind: 'article', title: 'Taken over', body: 'x', url: '', tags: '', language: 'en' })).status).toBe(403);
		const edited = await clients.employee.action(`${path}/edit`, { kind: 'article', title: 'Second title', body: 'Ask @manager and @hr', url: '', tags: 'two', language: 'en' });
		expect(edited.type).toBe('redirect');
		expect((await clients.alumni.get(path)).status, 'still employees only').toBe(404);
		const page = await (await clients.employee.get(path)).text();
		expect(page).toContain('<h1 id="post-title">Second title</h1>');
		expect(page).toContain('<strong>First title</strong>');
		expect((await searchPosts(actors.employee, { q: 'second title', tag: 'two', page: 1, pageSize: 5 })).total).toBe(1);
		expect(await mentionsOf(demo.manager)).toBe(managerBefore);
		expect(await mentionsOf(demo.hr)).toBe(hrBefore + 1);
	});
});

describe('reactions and bookmarks', () => {
	it('a reaction pressed twice is taken back; a bookmark lists the post only while its keeper may read it', async () => {
		const [fresh] = await app.db
			.insert(person)
			.values({ email: `keeper.${Date.now()}@noorderlicht.example`, name: 'Kee Per', kind: 'employee', status: 'active' })
			.returning();
		const keeper = await signedInClient(fresh!.email);
		const asked = await clients.employee.action('/knowledge/platform?/post', { kind: 'article', title: 'Worth keeping', body: 'Text', url: '', tags: '', language: 'en' });
		const path = asked.location!;
		await keeper.action(`${path}?/react`, { kind: 'insightful' });
		await clients.employee.action(`${path}?/react`, { kind: 'insightful' });
		expect(await (await keeper.get(path)).text()).toMatch(/aria-pressed="true"[^>]*>Insightful 2</);
		await keeper.action(`${path}?/react`, { kind: 'insightful' });
		expect(await (await keeper.get(path)).text()).toMatch(/aria-pressed="false"[^>]*>Insightful 1</);
		expect((await keeper.action(`${path}?/react`, { kind: 'angry' })).status).toBe(400);
		await keeper.action(`${path}?/bookmark`, {});
		expect(await (await keeper.get('/knowledge/bookmarks')).text()).toContain('Worth keeping');
		// The keeper leaves: the employees-only post drops out of their bookmarks.
		await app.db.update(person).set({ kind: 'alumni' }).where(eq(person.id, fresh!.id));
		const after = await keeper.get('/knowledge/bookmarks');
		expect(after.status).toBe(200);
		expect(await after.text()).not.toContain('Worth keeping');
	});
});

describe('follows', () => {
	it('rank followed spaces and tags up the feed, never past the audience', async () => {
		const [fresh] = await app.db
			.insert(person)
			.values({ email: `follower.${Date.now()}@noorderlicht.example`, name: 'Fol Lower', kind: 'alumni', status: 'active' })
			.returning();
		const follower = await signedInClient(fresh!.email);
		const first = async () => {
			const html = await (await follower.get('/knowledge')).text();
			return html.match(/<h2 class="post-title"><a href="\/knowledge\/posts\/([\w-]+)">/)?.[1];
		};
		// An older post in the alumni space, a newer one in the public space.
		const [craft] = await app.db.select().from(space).where(eq(space.slug, 'craft'));
		const [older] = await app.db
			.insert(post)
			.values({ spaceId: craft!.id, authorId: (await personByEmail(app.db, demo.employee)).id, kind: 'article', title: 'Followed but older', bodyHtml: '', lastActivityAt: new Date(Date.now() - 86_400_000), tags: ['secret-tag'] })
			.returning({ id: post.id });
		const newer = await clients.employee.action('/knowledge/open?/post', { kind: 'article', title: 'Newest public', body: 'x', url: '', tags: '', language: 'en' });
		expect(await first()).toBe(newer.location!.split('/').pop());
		expect((await follower.action('/knowledge/craft?/follow', {})).type).toBe('redirect');
		expect(await first()).toBe(older!.id);
		expect(await (await follower.get('/knowledge')).text()).toContain('Following');
		// Unfollow, and follow a tag instead: a tag on an employees-only post shows nothing of it.
		await follower.action('/knowledge/craft?/follow', {});
		expect(await first()).toBe(newer.location!.split('/').pop());
		await clients.employee.action('/knowledge/platform?/post', { kind: 'article', title: 'Employees only, tagged', body: 'x', url: '', tags: 'secret-tag', language: 'en' });
		expect((await follower.action('/search?/follow', { tag: 'secret-tag' })).type).toBe('redirect');
		const feed = await (await follower.get('/knowledge')).text();
		expect(feed).not.toContain('Employees only, tagged');
		expect(await first()).toBe(older!.id);
		// Nobody follows a space they may not read: it does not exist for them.
		expect((await follower.action('/knowledge/platform?/follow', {})).status).toBe(404);
	});
});

describe('reports', () => {
	it('a reader reports a reply; its moderators see the report, hide the reply, and the report is settled', async () => {
		const asked = await clients.employee.action('/knowledge/platform?/post', { kind: 'question', title: 'Reported thread', body: 'Text', url: '', tags: '', language: 'en' });
		const path = asked.location!;
		const moderator = await clientFor(app, 'manager');
		const answered = await clients.hr.action(`${path}?/comment`, { body: 'Buy cheap watches here' });
		const commentId = answered.location!.split('#comment-').pop()!;
		expect((await clients.employee.action(`${path}?/report`, { reason: 'Advertising', commentId })).type).toBe('redirect');
		// A comment of another post cannot be reported through this one.
		const [elsewhere] = await app.db.select({ id: comment.id }).from(comment).where(sql`${comment.postId} <> ${path.split('/').pop()!}`).limit(1);
		expect((await clients.employee.action(`${path}?/report`, { reason: 'x', commentId: elsewhere!.id })).status).toBe(404);
		const platform = await (await moderator.get('/knowledge/platform')).text();
		expect(platform).toMatch(/Reported posts<\/h2>.*Reported thread/s);
		expect(await (await moderator.get(path)).text()).toContain('Advertising');
		expect(await (await clients.employee.get(path)).text(), 'only moderators read reports').not.toContain('Advertising');
		expect((await moderator.action(`${path}?/hide`, { reason: 'Advertising', commentId })).type).toBe('redirect');
		expect(await (await clients.employee.get(path)).text()).not.toContain('cheap watches');
		expect(await (await clients.hr.get(path)).text(), 'staff moderate every space').toContain('cheap watches');
		const open = await app.db.select().from(report).where(and(eq(report.commentId, commentId), sql`${report.resolvedAt} is null`));
		expect(open).toHaveLength(0);
		expect(await (await moderator.get('/knowledge/platform')).text()).not.toContain('Reported posts');
	});

	it("keeps each post's count of visible comments, which the feed ranks by, through replies, hiding and restoring", async () => {
		// A colleague of long standing: the demo's new accounts have a posting budget the other tests spend.
		const [colleague] = await app.db
			.insert(person)
			.values({ email: freshEmail('counted'), name: 'Counted Colleague', kind: 'employee', status: 'active', createdAt: new Date(Date.now() - 30 * 86_400_000) })
			.returning({ id: person.id });
		const writer = await clientForPerson(app, colleague!.id);
		const asked = await writer.action('/knowledge/platform?/post', { kind: 'question', title: 'Counted thread', body: 'Text', url: '', tags: '', language: 'en' });
		const path = asked.location!;
		const postId = path.split('/').pop()!;
		const count = async () => (await app.db.select({ count: post.commentCount }).from(post).where(eq(post.id, postId)))[0]!.count;
		expect(await count()).toBe(0);
		const answer = (await writer.action(`${path}?/comment`, { body: 'An answer' })).location!.split('#comment-').pop()!;
		expect((await writer.action(`${path}?/comment`, { body: 'A reply', parentId: answer })).type).toBe('redirect');
		expect(await count()).toBe(2);
		const moderator = await clientFor(app, 'manager');
		expect((await moderator.action(`${path}?/hide`, { reason: 'Off topic', commentId: answer })).type).toBe('redirect');
		expect(await count()).toBe(1);
		// Hidden twice still counts once.
		expect((await moderator.action(`${path}?/hide`, { reason: 'Still off topic', commentId: answer })).type).toBe('redirect');
		expect(await count()).toBe(1);
		expect((await moderator.action(`${path}?/restore`, { commentId: answer })).type).toBe('redirect');
		expect(await count()).toBe(2);
		// The space's list shows the same count.
		const platform = (await getSpace('platform'))!;
		const [summary] = (await listPosts(actors.employee, { spaceId: platform.id, page: 1, pageSize: 20 })).posts.filter((listed) => listed.id === postId);
		expect(summary?.commentCount).toBe(2);
	});
});

describe('authors who leave', () => {
	it('keep their name on their posts, shown as alumni', async () => {
		const [row] = await app.db
			.select({ id: post.id, name: person.name })
			.from(post)
			.innerJoin(person, eq(person.id, post.authorId))
			.innerJoin(space, eq(space.id, post.spaceId))
			.where(and(eq(person.kind, 'alumni'), eq(space.audience, 'employees')))
			.limit(1);
		expect(row, 'the demo has posts by people who have left since').toBeTruthy();
		const html = await (await clients.employee.get(`/knowledge/posts/${row!.id}`)).text();
		expect(html).toContain(row!.name.replace(/'/g, '&#39;'));
		expect(html).toContain('Alumni');
	});
});

describe('markdown', () => {
	const dangerous = fc.constantFrom(
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](vbscript:msgbox(1))',
		'![x](javascript:alert(1))',
		'[x](data:text/html;base64,PHNjcmlwdD4=)',
		'<a href="javascript:alert(1)">x</a>',
		'<svg onload=alert(1)>',
		'<iframe src="https://evil.example">',
		'<div onclick="alert(1)">x</div>',
		'[x](&#106;avascript:alert(1))',
		'<javascript:alert(1)>',
		'`<script>`',
		'```html\n<script>alert(1)</script>\n```'
	);
	const markdownish = fc.constantFrom('# ', '**', '_', '[', '](', ')', '<', '>', '"', "'", '=', ' ', '\n', '`', '!', '&', ';', ':', 'a', 'on', 'src', 'href');
	const document = fc.array(fc.oneof(dangerous, markdownish, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));

	it('no generated markdown yields a script, an event handler or a script URL', () => {
		fc.assert(
			fc.property(document, (markdown) => {
				const html = renderMarkdown(markdown);
				expect(html).not.toMatch(/<\s*(script|iframe|svg|object|embed|style)/i);
				for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
					expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
					expect(tag).not.toMatch(/(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('keeps what people mean: emphasis, lists, code and safe links', () => {
		expect(renderMarkdown('**bold** and [site](https://example.org)')).toBe(
			'<p><strong>bold</strong> and <a href="https://example.org" rel="nofollow noopener noreferrer">site</a></p>\n'
		);
		expect(renderMarkdown('- one\n- two')).toContain('<li>one</li>');
	});
});

describe('mentions', () => {
	it('email the people a post or answer mentions, only if they may read it, in their own language', async () => {
		const before = await app.db.select({ id: outboxEmail.id }).from(outboxEmail).where(eq(outboxEmail.purpose, 'knowledge.mention'));
		// In an employees-only space: the manager is told, the alumnus and the partner are not.
		const asked = await clients.employee.action('/knowledge/platform?/post', {
			kind: 'question',
			title: 'Who knows the old build server?',
			body: 'Maybe @manager knows, or @alumni, or @partner. Not @nobody.here, and not me (@employee).',
			url: '',
			tags: '',
			language: 'en'
		});
		expect(asked.type).toBe('redirect');
		const mails = await app.db.select().from(outboxEmail).where(eq(outboxEmail.purpose, 'knowledge.mention'));
		const fresh = mails.filter((mail) => !before.some((old) => old.id === mail.id));
		expect(fresh.map((mail) => mail.toAddress)).toEqual([demo.manager]);
		expect(fresh[0]!.subject).toContain('Eva Jansen');
		expect(fresh[0]!.bodyText).toContain(`${app.origin}${asked.location}`);
		// An answer in the alumni space reaches the alumnus.
		const craft = await clients.employee.action('/knowledge/craft?/post', { kind: 'article', title: 'Testing notes', body: 'Notes.', url: '', tags: '', language: 'en' });
		await clients.hr.action(`${craft.location}?/comment`, { body: 'Thanks @alumni for the original notes!' });
		const toAlumnus = await app.db.select().from(outboxEmail).where(and(eq(outboxEmail.purpose, 'knowledge.mention'), eq(outboxEmail.toAddress, demo.alumni)));
		expect(toAlumnus).toHaveLength(1);
	});
});

describe('new accounts', () => {
	it('post and reply at most 10 times an hour; older accounts are not limited', async () => {
		const [fresh] = await app.db
			.insert(person)
			.values({ email: `newcomer.${Date.now()}@noorderlicht.example`, name: 'New Comer', kind: 'employee', status: 'active' })
			.returning();
		const newcomer = await signedInClient(fresh!.email);
		const write = (n: number) => newcomer.action('/knowledge/platform?/post', { kind: 'article', title: `Newcomer post ${n}`, body: 'Hello', url: '', tags: '', language: 'en' });
		const results = await Promise.all(Array.from({ length: 12 }, (_, n) => write(n)));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(10);
		const refused = results.filter((result) => result.type === 'failure');
		expect(refused.map((result) => result.status)).toEqual([429, 429]);
		expect(String(refused[0]!.data?.message)).toContain('at most 10 times an hour');
		const count = await app.db.select({ id: post.id }).from(post).where(eq(post.authorId, fresh!.id));
		expect(count).toHaveLength(10);
		// A week later the account is no longer new.
		await app.db.execute(sql`update person set created_at = now() - interval '30 days' where id = ${fresh!.id}`);
		expect((await write(13)).type).toBe('redirect');
	});
});

describe('space settings', () => {
	/** A fresh employees-only space moderated by the demo manager, with one post by the employee. */
	async function freshSpace(name: string) {
		const slug = `settings-${name}-${Date.now()}`;
		const [created] = await app.db.insert(space).values({ slug, name: `Settings ${name}`, audience: 'employees' }).returning({ id: space.id });
		await app.db.insert(spaceModerator).values({ spaceId: created!.id, personId: (await personByEmail(app.db, demo.manager)).id });
		const [row] = await app.db
			.insert(post)
			.values({ spaceId: created!.id, authorId: (await personByEmail(app.db, demo.employee)).id, kind: 'question', title: `In ${name}`, body: 'Body', bodyHtml: '<p>Body</p>' })
			.returning({ id: post.id });
		return { slug, id: created!.id, postId: row!.id };
	}
	/** An employee of long standing: the demo accounts are new and may post only so often. */
	async function writer(): Promise<TestClient> {
		const [row] = await app.db
			.insert(person)
			.values({ email: `writer.${Date.now()}@noorderlicht.example`, name: 'Wri Ter', kind: 'employee', status: 'active', createdAt: new Date('2020-01-01') })
			.returning();
		return signedInClient(row!.email);
	}
	const auditOf = async (action: string, targetId: string) =>
		app.db.select().from(auditEvent).where(and(eq(auditEvent.action, action), eq(auditEvent.targetId, targetId)));

	it('a moderator renames a space and names its moderators; a colleague who does not moderate it cannot', async () => {
		const target = await freshSpace('details');
		const moderator = await clientFor(app, 'manager');
		const changes = { name: 'Renamed by its moderator', description: 'Now with a description', moderators: `${demo.manager}, ${demo.employee}` };
		expect((await clients.employee.action(`/knowledge/${target.slug}/settings?/details`, changes)).status).toBe(403);
		expect((await clients.employee.get(`/knowledge/${target.slug}/settings`)).status).toBe(403);
		expect((await clients.alumni.action(`/knowledge/${target.slug}/settings?/details`, changes)).status, 'an alumnus is told it does not exist').toBe(404);
		expect((await clients.fjord.action(`/knowledge/${target.slug}/settings?/details`, changes)).status).toBe(404);
		expect((await moderator.action(`/knowledge/${target.slug}/settings?/details`, changes)).type).toBe('redirect');
		const detail = (await getSpace(target.slug))!;
		expect(detail.name).toBe(changes.name);
		expect(detail.description).toBe(changes.description);
		expect(detail.moderators.map((person) => person.email).sort()).toEqual([demo.employee, demo.manager]);
		expect(await auditOf('knowledge.space_updated', target.id)).toHaveLength(1);
		// Now a moderator, the employee may open the settings, but still not change the audience.
		expect((await clients.employee.get(`/knowledge/${target.slug}/settings`)).status).toBe(200);
		expect((await clients.employee.action(`/knowledge/${target.slug}/settings?/preview`, { audience: 'alumni' })).status).toBe(403);
	});

	it('HR sees who gains and loses read access before changing the audience; the preview writes nothing', async () => {
		const target = await freshSpace('audience');
		const moderator = await clientFor(app, 'manager');
		expect((await moderator.action(`/knowledge/${target.slug}/settings?/preview`, { audience: 'alumni' })).status, 'moderators do not decide who reads').toBe(403);
		expect((await moderator.action(`/knowledge/${target.slug}/settings?/audience`, { audience: 'alumni' })).status).toBe(403);
		const [alumni] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person).where(and(eq(person.kind, 'alumni'), eq(person.status, 'active')));
		const previewed = await clients.hr.action(`/knowledge/${target.slug}/settings?/preview`, { audience: 'alumni' });
		expect(previewed.type).toBe('success');
		expect(previewed.data?.preview).toEqual({ gain: alumni!.count, lose: 0, posts: 1, publicChange: null });
		expect(await (await clients.hr.post(`/knowledge/${target.slug}/settings?/preview`, { audience: 'alumni' })).text()).toContain(
			`${alumni!.count} people gain read access and 0 lose it; it concerns 1 posts.`
		);
		expect((await getSpace(target.slug))!.audience, 'a preview changes nothing').toBe('employees');
		expect((await clients.alumni.get(`/knowledge/posts/${target.postId}`)).status).toBe(404);
		// From alumni to one partner: the alumni lose it, that partner's members gain it.
		expect((await clients.hr.action(`/knowledge/${target.slug}/settings?/audience`, { audience: 'alumni' })).type).toBe('redirect');
		expect((await clients.alumni.get(`/knowledge/posts/${target.postId}`)).status).toBe(200);
		const [fjord] = await app.db.select().from(partnerOrg).where(eq(partnerOrg.name, 'Fjord Cloud Partners'));
		const [members] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person).where(and(eq(person.partnerOrgId, fjord!.id), eq(person.status, 'active')));
		const toPartners = await clients.hr.action(`/knowledge/${target.slug}/settings?/preview`, { audience: 'partners', partnerOrgIds: fjord!.id });
		expect(toPartners.data?.preview).toEqual({ gain: members!.count, lose: alumni!.count, posts: 1, publicChange: null });
		expect((await clients.hr.action(`/knowledge/${target.slug}/settings?/audience`, { audience: 'partners', partnerOrgIds: fjord!.id })).type).toBe('redirect');
		expect((await clients.alumni.get(`/knowledge/posts/${target.postId}`)).status).toBe(404);
		expect((await clients.fjord.get(`/knowledge/posts/${target.postId}`)).status).toBe(200);
		expect((await clients.deltawerk.get(`/knowledge/posts/${target.postId}`)).status).toBe(404);
		expect((await searchPosts(actors.fjord, { q: 'In audience', space: target.slug, page: 1, pageSize: 5 })).total).toBe(1);
		const audits = await auditOf('knowledge.space_audience_changed', target.id);
		expect(audits.map((audit) => audit.details)).toContainEqual(
			expect.objectContaining({ from: { audience: 'alumni', includeAlumni: false, partnerOrgIds: [] }, to: { audience: 'partners', includeAlumni: false, partnerOrgIds: [fjord!.id] } })
		);
		// Going public: visitors are named too.
		const toPublic = await clients.hr.action(`/knowledge/${target.slug}/settings?/preview`, { audience: 'public' });
		expect(toPublic.data?.preview).toMatchObject({ lose: 0, publicChange: 'gain' });
	});

	it('an archived space is read but not written in, leaves the list of spaces, and comes back', async () => {
		const target = await freshSpace('archive');
		const moderator = await clientFor(app, 'manager');
		expect((await clients.employee.action(`/knowledge/${target.slug}/settings?/archive`, {})).status).toBe(403);
		expect((await moderator.action(`/knowledge/${target.slug}/settings?/archive`, {})).type).toBe('redirect');
		expect(await auditOf('knowledge.space_archived', target.id)).toHaveLength(1);
		const page = await clients.employee.get(`/knowledge/${target.slug}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('This space is archived');
		expect(html, 'no form for a new post').not.toContain('action="?/post"');
		expect((await clients.employee.get(`/knowledge/posts/${target.postId}`)).status).toBe(200);
		const newPost = { kind: 'article', title: 'Too late', body: 'x', url: '', tags: '', language: 'en' };
		expect((await clients.employee.action(`/knowledge/${target.slug}?/post`, newPost)).status).toBe(403);
		expect((await clients.employee.action(`/knowledge/posts/${target.postId}?/comment`, { body: 'Too late' })).status).toBe(403);
		expect((await clients.employee.action(`/knowledge/posts/${target.postId}/edit`, newPost)).status).toBe(403);
		expect((await clients.employee.action(`/knowledge/posts/${target.postId}?/bookmark`, {})).type, 'still kept for later').toBe('redirect');
		const spacesListed = async (path: string) => (await (await clients.employee.get(path)).text()).split('id="spaces-title"')[1]!.split('</section>')[0]!;
		expect(await spacesListed('/knowledge')).not.toContain(`/knowledge/${target.slug}"`);
		expect(await spacesListed('/knowledge?archived=yes')).toContain(`/knowledge/${target.slug}"`);
		expect((await searchPosts(actors.employee, { q: 'In archive', space: target.slug, page: 1, pageSize: 5 })).total, 'still found').toBe(1);
		expect((await moderator.action(`/knowledge/${target.slug}/settings?/unarchive`, {})).type).toBe('redirect');
		expect((await (await writer()).action(`/knowledge/${target.slug}?/post`, newPost)).type).toBe('redirect');
		expect(await spacesListed('/knowledge')).toContain(`/knowledge/${target.slug}"`);
	});

	it('moderators pin up to three posts, shown first; four moderators pinning at once still make three', async () => {
		const target = await freshSpace('pins');
		const moderator = await clientFor(app, 'manager');
		const posted = [];
		const author = await writer();
		for (let n = 0; n < 5; n++) {
			const asked = await author.action(`/knowledge/${target.slug}?/post`, { kind: 'article', title: `Pin candidate ${n}`, body: 'x', url: '', tags: '', language: 'en' });
			expect(asked.type).toBe('redirect');
			posted.push(asked.location!);
		}
		expect((await clients.employee.action(`/knowledge/posts/${target.postId}?/pin`, {})).status, 'only moderators pin').toBe(403);
		expect((await clients.alumni.action(`/knowledge/posts/${target.postId}?/pin`, {})).status).toBe(404);
		// The oldest post, pinned, comes first in its space.
		expect((await moderator.action(`/knowledge/posts/${target.postId}?/pin`, {})).type).toBe('redirect');
		const html = await (await clients.employee.get(`/knowledge/${target.slug}`)).text();
		expect(html.indexOf('In pins')).toBeLessThan(html.indexOf('Pin candidate 4'));
		expect(html).toMatch(/Pinned posts<\/h2>.*In pins/s);
		// Four pins at once by moderators and staff: only two more fit.
		const pinners = [moderator, clients.hr, await clientFor(app, 'admin'), moderator];
		const results = await Promise.all(posted.slice(0, 4).map((path, n) => pinners[n]!.action(`${path}?/pin`, {})));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(2);
		expect(results.filter((result) => result.type === 'failure').map((result) => result.status)).toEqual([409, 409]);
		const [pinned] = await app.db.select({ count: sql<number>`count(*)::int` }).from(post).where(and(eq(post.spaceId, target.id), sql`${post.pinnedAt} is not null`));
		expect(pinned!.count).toBe(3);
		const refused = await moderator.post(`${posted[4]}?/pin`, {});
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('A space holds at most 3 pinned posts');
		expect((await moderator.action(`/knowledge/posts/${target.postId}?/unpin`, {})).type).toBe('redirect');
		expect((await moderator.action(`${posted[4]}?/pin`, {})).type).toBe('redirect');
		expect(await auditOf('knowledge.post_pinned', target.postId)).toHaveLength(1);
		expect(await auditOf('knowledge.post_unpinned', target.postId)).toHaveLength(1);
	});
});
