import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp, type TestClient } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, latestEmail, personByEmail } from '../support/fixtures';
import { event, eventRsvp, outboxEmail, person } from '../../src/lib/server/db/schema';
import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import { remindAttendees, zonedInstant } from '../../src/lib/server/events';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const fields = (overrides: Record<string, string> = {}) => ({
	title: `Borrel ${freshEmail('e')}`,
	description: 'Drinks on the roof',
	startsAt: '2030-06-12T17:00',
	endsAt: '2030-06-12T19:30',
	timeZone: 'Europe/Amsterdam',
	place: 'Groningen office',
	onlineUrl: '',
	audience: 'both',
	capacity: '',
	...overrides
});

async function createdEvent(overrides: Record<string, string> = {}): Promise<string> {
	const result = await (await clientFor(app, 'hr')).action('/events?/create', fields(overrides));
	expect(result.type, JSON.stringify(result.data)).toBe('redirect');
	return result.location!.split('/').pop()!;
}

/** Employees signed in in their own browsers, to answer at the same moment. */
async function freshEmployees(count: number): Promise<{ id: string; email: string; client: TestClient }[]> {
	const rows = await app.db
		.insert(person)
		.values(Array.from({ length: count }, (_, index) => ({ email: freshEmail('guest'), name: `Guest ${index}`, kind: 'employee' as const, status: 'active' as const })))
		.returning({ id: person.id, email: person.email });
	return Promise.all(
		rows.map(async (row) => {
			const client = app.client();
			const { token } = await createSession(app.db, row.id, { userAgent: 'test', ip: null });
			client.cookies.set(sessionCookieName(new URL(app.origin)), token);
			return { ...row, client };
		})
	);
}

async function rsvps(eventId: string) {
	return app.db.select().from(eventRsvp).where(eq(eventRsvp.eventId, eventId)).orderBy(asc(eventRsvp.createdAt));
}

describe('creating events', () => {
	it('stores the times in the zone the host chose', async () => {
		const id = await createdEvent({ startsAt: '2030-06-12T17:00', endsAt: '2030-06-12T18:00', timeZone: 'America/New_York' });
		const [row] = await app.db.select().from(event).where(eq(event.id, id));
		expect(row!.startsAt.toISOString()).toBe('2030-06-12T21:00:00.000Z');
		expect(row!.timeZone).toBe('America/New_York');
		// Across a daylight-saving change the offset of the wall time counts, not the one of the guess.
		expect(zonedInstant('2030-03-31T03:30', 'Europe/Amsterdam').toISOString()).toBe('2030-03-31T01:30:00.000Z');
		expect(zonedInstant('2030-01-15T12:00', 'Europe/Amsterdam').toISOString()).toBe('2030-01-15T11:00:00.000Z');
	});

	it('refuses bad input next to each field and writes nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const [before] = await app.db.select({ count: sql<number>`count(*)::int` }).from(event);
		const bad = await hr.action('/events?/create', fields({ title: '', startsAt: 'tomorrow', timeZone: 'Mars/Olympus', onlineUrl: 'ftp://x', audience: 'everyone', capacity: '0' }));
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['audience', 'capacity', 'onlineUrl', 'startsAt', 'timeZone', 'title']);
		const reversed = await hr.action('/events?/create', fields({ endsAt: '2030-06-12T16:00', place: '' }));
		expect(reversed.status).toBe(400);
		expect(Object.keys(reversed.data?.errors as object).sort()).toEqual(['endsAt', 'place']);
		const [after] = await app.db.select({ count: sql<number>`count(*)::int` }).from(event);
		expect(after!.count).toBe(before!.count);
	});
});

describe('audiences', () => {
	it('shows an event only to its audience', async () => {
		const employeesOnly = await createdEvent({ audience: 'employees', title: 'Employees only gathering' });
		const alumniOnly = await createdEvent({ audience: 'alumni', title: 'Alumni only reunion' });
		const cases: [keyof typeof demo, string, number][] = [
			['employee', employeesOnly, 200],
			['alumni', employeesOnly, 404],
			['partner', employeesOnly, 404],
			['alumni', alumniOnly, 200],
			['employee', alumniOnly, 404],
			['hr', alumniOnly, 200]
		];
		for (const [role, id, status] of cases) {
			const client = await clientFor(app, role);
			expect((await client.get(`/events/${id}`)).status, `${role} ${id}`).toBe(status);
			expect((await client.get(`/events/${id}/calendar.ics`)).status, `${role} ics`).toBe(status);
			if (status === 404) expect((await client.action(`/events/${id}?/rsvp`, {})).status).toBe(404);
		}
		const alumniList = await (await (await clientFor(app, 'alumni')).get('/events')).text();
		expect(alumniList).toContain('Alumni only reunion');
		expect(alumniList).not.toContain('Employees only gathering');
	});

	it('offers a calendar file with the event in UTC', async () => {
		const id = await createdEvent({ title: 'Calendar test', startsAt: '2030-06-12T17:00', endsAt: '2030-06-12T19:30' });
		const response = await (await clientFor(app, 'employee')).get(`/events/${id}/calendar.ics`);
		expect(response.headers.get('content-type')).toContain('text/calendar');
		const body = await response.text();
		expect(body).toContain('SUMMARY:Calendar test');
		expect(body).toContain('DTSTART:20300612T150000Z');
		expect(body).toContain('DTEND:20300612T173000Z');
		expect(body).toContain(`UID:${id}@kring`);
	});
});

describe('RSVPs', () => {
	it('holds the capacity when many answer at once; the rest wait in order', async () => {
		const id = await createdEvent({ capacity: '3' });
		const guests = await freshEmployees(8);
		const results = await Promise.all(guests.map((guest) => guest.client.action(`/events/${id}?/rsvp`, {})));
		expect(results.every((result) => result.type === 'success')).toBe(true);
		const rows = await rsvps(id);
		expect(rows.filter((row) => row.status === 'going')).toHaveLength(3);
		expect(rows.filter((row) => row.status === 'waiting')).toHaveLength(5);
		// Answering twice changes nothing.
		await guests[0]!.client.action(`/events/${id}?/rsvp`, {});
		expect(await rsvps(id)).toHaveLength(8);
	});

	it('promotes the first on the waitlist when someone going cancels, and tells them by email', async () => {
		const id = await createdEvent({ capacity: '2' });
		const guests = await freshEmployees(4);
		for (const guest of guests) await guest.client.action(`/events/${id}?/rsvp`, {});
		expect((await rsvps(id)).map((row) => row.status)).toEqual(['going', 'going', 'waiting', 'waiting']);
		// A waiting person cancelling frees no place.
		await guests[3]!.client.action(`/events/${id}?/cancel`, {});
		expect(await latestEmail(app.db, guests[2]!.email)).toBeNull();
		await guests[0]!.client.action(`/events/${id}?/cancel`, {});
		const after = await rsvps(id);
		expect(after.map((row) => [row.personId, row.status])).toEqual([
			[guests[1]!.id, 'going'],
			[guests[2]!.id, 'going']
		]);
		const email = await latestEmail(app.db, guests[2]!.email);
		expect(email?.purpose).toBe('event_promoted');
		expect(email?.link).toContain(`/events/${id}`);
	});

	it('holds the capacity when cancellations and new answers cross', async () => {
		const id = await createdEvent({ capacity: '2' });
		const [first, second, ...others] = await freshEmployees(6);
		await first!.client.action(`/events/${id}?/rsvp`, {});
		await second!.client.action(`/events/${id}?/rsvp`, {});
		await Promise.all([first!.client.action(`/events/${id}?/cancel`, {}), ...others.map((guest) => guest.client.action(`/events/${id}?/rsvp`, {}))]);
		const rows = await rsvps(id);
		expect(rows.filter((row) => row.status === 'going')).toHaveLength(2);
		expect(rows.filter((row) => row.status === 'waiting')).toHaveLength(3);
	});

	it('refuses answers once the event has started', async () => {
		const id = await createdEvent({ startsAt: '2020-01-01T10:00', endsAt: '2099-01-01T10:00' });
		const result = await (await clientFor(app, 'employee')).action(`/events/${id}?/rsvp`, {});
		expect(result.status).toBe(409);
		expect(await rsvps(id)).toEqual([]);
		const employee = await personByEmail(app.db, demo.employee);
		expect(await app.db.select().from(eventRsvp).where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.personId, employee.id)))).toEqual([]);
	});
});

describe('reminders the day before', () => {
	it('go once to each person going, within the day before the start, also when the job runs in parallel', async () => {
		// 2030-06-12 17:00 in Amsterdam is 15:00 UTC.
		const id = await createdEvent({ startsAt: '2030-06-12T17:00', endsAt: '2030-06-12T18:00', capacity: '2' });
		const guests = await freshEmployees(3);
		for (const guest of guests) expect((await guest.client.action(`/events/${id}?/rsvp`, {})).type).not.toBe('failure');
		const [going1, going2, waiting] = guests;
		const reminders = async (to: string) =>
			(await app.db.select({ text: outboxEmail.bodyText }).from(outboxEmail).where(and(eq(outboxEmail.toAddress, to), eq(outboxEmail.purpose, 'event_reminder')))).map((row) => row.text);

		await remindAttendees(new Date('2030-06-11T14:59:00Z'), app.origin);
		expect(await reminders(going1!.email)).toEqual([]);

		await Promise.all([0, 1, 2].map(() => remindAttendees(new Date('2030-06-11T15:05:00Z'), app.origin)));
		await remindAttendees(new Date('2030-06-12T09:00:00Z'), app.origin);
		for (const guest of [going1!, going2!]) {
			const sent = await reminders(guest.email);
			expect(sent).toHaveLength(1);
			expect(sent[0]).toContain(`/events/${id}`);
			// In the event's own zone.
			expect(sent[0]).toMatch(/17:00|05:00 PM/);
		}
		expect(await reminders(waiting!.email)).toEqual([]);
		const marked = await rsvps(id);
		expect(marked.filter((row) => row.reminded).map((row) => row.personId).sort()).toEqual([going1!.id, going2!.id].sort());
		// Promoted from the waitlist after the reminders went: the next run reminds them too.
		await going2!.client.action(`/events/${id}?/cancel`, {});
		await remindAttendees(new Date('2030-06-12T10:00:00Z'), app.origin);
		expect(await reminders(waiting!.email)).toHaveLength(1);
		expect(await reminders(going1!.email)).toHaveLength(1);
	});

	it('skip whoever may no longer see the event: an employee who left since answering', async () => {
		const id = await createdEvent({ startsAt: '2030-07-03T17:00', endsAt: '2030-07-03T18:00', audience: 'employees' });
		const [leaver, stayer] = await freshEmployees(2);
		for (const guest of [leaver!, stayer!]) expect((await guest.client.action(`/events/${id}?/rsvp`, {})).type).not.toBe('failure');
		// Offboarded through HR's form with a last day gone by: an alumnus at once.
		const offboarded = await (await clientFor(app, 'hr')).action('/admin/offboarding?/start', {
			personId: leaver!.id,
			lastDay: '2020-02-03',
			reason: 'new_job',
			rehireEligible: 'yes',
			personalEmail: freshEmail('personal')
		});
		expect(offboarded.type, JSON.stringify(offboarded.data)).toBe('redirect');
		expect(await personByEmail(app.db, leaver!.email)).toMatchObject({ kind: 'alumni' });

		await remindAttendees(new Date('2030-07-03T08:00:00Z'), app.origin);
		const purposes = async (personId: string) => (await app.db.select({ purpose: outboxEmail.purpose }).from(outboxEmail).where(eq(outboxEmail.personId, personId))).map((row) => row.purpose);
		expect(await purposes(stayer!.id)).toContain('event_reminder');
		expect(await purposes(leaver!.id)).toEqual(['alumni_invitation']);
		const marked = await rsvps(id);
		expect(marked.find((row) => row.personId === leaver!.id)?.reminded).toBe(false);
	});
});
