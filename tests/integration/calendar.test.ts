import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type TestApp, type TestClient } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail } from '../support/fixtures';
import { auditEvent, calendarFeed, event, eventRsvp, flexArrangement, person } from '../../src/lib/server/db/schema';
import { approvedArrangement, demoPair, inDays } from '../support/flex';

let app: TestApp;
let ids: { employee: string; manager: string };

beforeAll(async () => {
	app = await startApp();
	ids = await demoPair(app.db);
});
afterAll(() => app?.close());

/** A new feed address through the page's form, as the person would make it. */
async function feedOf(client: TestClient, page: '/flex' | '/flex/team'): Promise<string> {
	const result = await client.action(`${page}?/feed`, {});
	expect(result.type, JSON.stringify(result)).toBe('success');
	const url = new URL(String(result.data?.feedUrl));
	expect(url.origin).toBe(app.origin);
	return url.pathname;
}
/** What a calendar app gets: no cookies, only the address. */
async function fetchFeed(path: string): Promise<{ status: number; text: string }> {
	const response = await app.client().get(path);
	return { status: response.status, text: await response.text() };
}
/** An approved arrangement, since three days for forty more: whereabouts of each kind. */
const arrangementFor = (personId: string, type: 'remote' | 'abroad' | 'sabbatical', fields: Partial<typeof flexArrangement.$inferInsert> = {}) =>
	approvedArrangement(app.db, personId, {
		type,
		byPolicy: true,
		startsOn: inDays(-3),
		endsOn: inDays(40),
		details: type === 'abroad' ? { country: 'PT' } : type === 'remote' ? { days: [2, 4] } : {},
		remoteDays: type === 'remote' ? [2, 4] : [],
		...fields
	});

describe('the personal feed', () => {
	it('carries my approved whereabouts and the events I go to, for a calendar app without a session', async () => {
		const eva = await clientFor(app, 'employee');
		const abroad = await arrangementFor(ids.employee, 'abroad');
		const waiting = await arrangementFor(ids.employee, 'sabbatical', { status: 'pending' });
		const [going] = await app.db
			.insert(event)
			.values({ title: 'Feed meetup', startsAt: new Date(Date.now() + 5 * 86_400_000), endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000), timeZone: 'Europe/Amsterdam', place: 'Utrecht', audience: 'both' })
			.returning({ id: event.id });
		const [waitlisted] = await app.db
			.insert(event)
			.values({ title: 'Full meetup', startsAt: new Date(Date.now() + 6 * 86_400_000), endsAt: new Date(Date.now() + 6 * 86_400_000 + 3_600_000), timeZone: 'Europe/Amsterdam', place: 'Utrecht', audience: 'both' })
			.returning({ id: event.id });
		await app.db.insert(eventRsvp).values([
			{ eventId: going!.id, personId: ids.employee, status: 'going' },
			{ eventId: waitlisted!.id, personId: ids.employee, status: 'waiting' }
		]);

		const path = await feedOf(eva, '/flex');
		const feed = await fetchFeed(path);
		expect(feed.status).toBe(200);
		expect(feed.text).toMatch(/^BEGIN:VCALENDAR/);
		expect(feed.text).toContain('X-WR-CALNAME:Kring: my work and events');
		expect(feed.text).toContain(`UID:${abroad}@kring`);
		expect(feed.text).toContain('SUMMARY:Working from PT');
		// The demo's remote Mondays and Fridays, as a weekly rule without an end.
		expect(feed.text).toMatch(/SUMMARY:Working remotely[\s\S]*?RRULE:FREQ=WEEKLY;BYDAY=MO,FR\r\n/);
		expect(feed.text).toContain(`UID:${going!.id}@kring`);
		expect(feed.text).not.toContain(waiting);
		expect(feed.text).not.toContain(waitlisted!.id);
		// Nobody else's whereabouts: the manager's own feed is his.
		expect(feed.text).not.toContain('Maarten');
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.actorId, ids.employee), eq(auditEvent.action, 'calendar.feed_created')));
		expect(audit?.details).toMatchObject({ scope: 'person', replaced: false });
	});

	it('keeps only a hash; a new address stops the old one, stopping the feed stops both; wrong secrets are the same 404', async () => {
		const eva = await clientFor(app, 'employee');
		const first = await feedOf(eva, '/flex');
		const token = first.slice('/calendar/'.length, -'.ics'.length);
		const [stored] = await app.db.select().from(calendarFeed).where(and(eq(calendarFeed.personId, ids.employee), eq(calendarFeed.scope, 'person')));
		expect(stored!.id).toBe(token.split('.')[0]);
		expect(Buffer.from(stored!.secretHash).toString('utf8')).not.toContain(token.split('.')[1]);
		const page = await (await eva.get('/flex')).text();
		expect(page).not.toContain(token);
		expect(page).toContain('A calendar address is in use since');

		const second = await feedOf(eva, '/flex');
		expect((await fetchFeed(first)).status).toBe(404);
		expect((await fetchFeed(second)).status).toBe(200);
		const [id] = second.slice('/calendar/'.length, -'.ics'.length).split('.');
		expect((await fetchFeed(`/calendar/${id}.${'a'.repeat(24)}.ics`)).status).toBe(404);
		expect((await fetchFeed('/calendar/not-a-token.ics')).status).toBe(404);

		const stopped = await eva.action('/flex?/stopFeed', {});
		expect(stopped.type).toBe('redirect');
		expect((await fetchFeed(second)).status).toBe(404);
		expect(await app.db.select().from(calendarFeed).where(eq(calendarFeed.personId, ids.employee))).toEqual([]);
		const actions = await app.db.select({ action: auditEvent.action, details: auditEvent.details }).from(auditEvent).where(and(eq(auditEvent.actorId, ids.employee), eq(auditEvent.targetType, 'calendar_feed')))
			.orderBy(auditEvent.id);
		expect(actions.map((row) => row.action)).toEqual(['calendar.feed_created', 'calendar.feed_created', 'calendar.feed_created', 'calendar.feed_revoked']);
		expect(actions[2]?.details).toMatchObject({ replaced: true });
	});
});

describe('the team feed', () => {
	it("shows where the lead's team works, with names, and nobody outside the team", async () => {
		const maarten = await clientFor(app, 'manager');
		const [outsider] = await app.db.insert(person).values({ email: freshEmail('outsider'), name: 'Olga Outsider', kind: 'employee', status: 'active' }).returning({ id: person.id });
		const outside = await arrangementFor(outsider!.id, 'abroad');
		const sabbatical = await arrangementFor(ids.employee, 'sabbatical');
		const path = await feedOf(maarten, '/flex/team');
		const feed = await fetchFeed(path);
		expect(feed.status).toBe(200);
		expect(feed.text).toContain('X-WR-CALNAME:Kring: where my team works');
		expect(feed.text).toContain('SUMMARY:Eva Jansen: Working remotely');
		expect(feed.text).toContain(`UID:${sabbatical}@kring`);
		expect(feed.text).toContain('SUMMARY:Eva Jansen: Off: Sabbatical or unpaid leave');
		// Someone's time off does not make the lead look busy.
		expect(feed.text).not.toContain('X-MICROSOFT-CDO-BUSYSTATUS:OOF');
		expect(feed.text).not.toContain(outside);
		expect(feed.text).not.toContain('Olga Outsider');
		// Not for those without a team view.
		expect((await (await clientFor(app, 'employee')).action('/flex/team?/feed', {})).status).toBe(403);
	});

	it('is gone once its owner has left; the personal feed then carries only what an alumnus still sees', async () => {
		const [lead] = await app.db
			.insert(person)
			.values({ email: freshEmail('lead'), name: 'Leaving Lead', kind: 'employee', status: 'active', locale: 'nl' })
			.returning({ id: person.id });
		const [report] = await app.db.insert(person).values({ email: freshEmail('report'), name: 'Rita Report', kind: 'employee', status: 'active', managerId: lead!.id }).returning({ id: person.id });
		await arrangementFor(report!.id, 'remote');
		await arrangementFor(lead!.id, 'abroad');
		const client = await clientForPerson(app, lead!.id);
		const team = await feedOf(client, '/flex/team');
		const own = await feedOf(client, '/flex');
		const dutch = await fetchFeed(team);
		expect(dutch.text).toContain('SUMMARY:Rita Report: Op afstand werken');
		expect((await fetchFeed(own)).text).toContain('SUMMARY:Werken vanuit PT');

		await app.db.update(person).set({ kind: 'alumni', roles: [] }).where(eq(person.id, lead!.id));
		expect((await fetchFeed(team)).status).toBe(404);
		const alumnus = await fetchFeed(own);
		expect(alumnus.status).toBe(200);
		expect(alumnus.text).not.toContain('Werken vanuit');

		await app.db.update(person).set({ status: 'deactivated' }).where(eq(person.id, lead!.id));
		expect((await fetchFeed(own)).status).toBe(404);
	});
});
