import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, latestEmail, personByEmail } from '../support/fixtures';
import { auditEvent, flexArrangement, flexBounds, flexDelegation, orgUnit, outboxEmail, person } from '../../src/lib/server/db/schema';
import { defaultOrgRules } from '../../src/lib/server/flex/defaults';
import { decisionInbox, remindAndEscalate, remindReviews } from '../../src/lib/server/flex';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { teamPage, workWeek } from '../../src/lib/server/flex/team';
import { addDays } from '../../src/lib/server/flex/engine';
import { arrangementsChanged } from '../../src/lib/server/flex/derived';
import { flexInsights } from '../../src/lib/server/flex/insights';
import type { Actor } from '../../src/lib/server/authz';
import { rawRows } from '../../src/lib/server/db';
import { approvedArrangement, boundsForm, demoPair, inDays, today } from '../support/flex';
import { unitsChanged } from '../../src/lib/server/org';

let app: TestApp;
let ids: { employee: string; manager: string };

beforeAll(async () => {
	app = await startApp();
	ids = await demoPair(app.db);
});
afterAll(() => app?.close());

const arrangement = async (id: string) => (await app.db.select().from(flexArrangement).where(eq(flexArrangement.id, id)))[0]!;
const idOf = (location: string | undefined) => location!.split('/').pop()!;

async function request(fields: Record<string, string | string[]>, client?: Awaited<ReturnType<typeof clientFor>>) {
	const eva = client ?? (await clientFor(app, 'employee'));
	const base = { startsOn: inDays(30), endsOn: '', reviewOn: '', note: '' };
	return eva.action('/flex?/request', { ...base, ...fields });
}

/** A colleague reporting to the demo manager, in `unitId`. */
async function freshEmployee(unitId: string) {
	const [created] = await app.db
		.insert(person)
		.values({ email: freshEmail('flex'), name: 'Flex Colleague', kind: 'employee', status: 'active', unitId, managerId: ids.manager, startedOn: '2020-01-01' })
		.returning({ id: person.id });
	return created!.id;
}

describe('requests', () => {
	it('approves a request inside the bounds at once, informs the manager and writes the audit log', async () => {
		const result = await request({ type: 'remote', days: ['1', '3'] });
		expect(result.type, JSON.stringify(result.data)).toBe('redirect');
		const row = await arrangement(idOf(result.location));
		expect(row).toMatchObject({ status: 'approved', byPolicy: true, personId: ids.employee, deciderId: null, remoteDays: [1, 3] });
		expect(row.checks.every((check) => check.outcome === 'inside')).toBe(true);
		const mail = await latestEmail(app.db, demo.manager);
		expect(mail?.subject).toContain('approved by policy');
		expect(mail?.bodyText).toContain(`/flex/${row.id}`);
		const [audit] = await app.db.select().from(auditEvent).where(eq(auditEvent.targetId, row.id));
		expect(audit).toMatchObject({ action: 'flex.requested', actorId: ids.employee });
		const page = await (await (await clientFor(app, 'employee')).get(`/flex/${row.id}`)).text();
		expect(page).toContain('Approved by policy: everything lies inside your bounds.');
	});

	it('sends a request beyond the bounds to the manager, with the reason per rule', async () => {
		const result = await request({ type: 'remote', days: ['1', '2', '3', '5'] });
		const row = await arrangement(idOf(result.location));
		expect(row).toMatchObject({ status: 'pending', byPolicy: false, deciderId: ids.manager });
		expect(row.deadlineAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
		expect((await latestEmail(app.db, demo.manager))?.subject).toBe('Eva Jansen asks for an exception: Remote days');
		const page = await (await (await clientFor(app, 'employee')).get(`/flex/${row.id}`)).text();
		// Platform Team allows 3 of the organisation's 2 (within HR's ceiling of 3).
		expect(page).toContain('4 days a week requested; your bounds allow at most 3 days a week.');
		const inbox = await (await (await clientFor(app, 'manager')).get('/flex/team')).text();
		expect(inbox).toContain(`/flex/${row.id}?/decide`);
	});

	it('lets the manager approve with a note; the employee is told and sees it', async () => {
		const pending = await request({ type: 'learning', hours: '40' });
		const id = idOf(pending.location);
		const manager = await clientFor(app, 'manager');
		const result = await manager.action(`/flex/${id}?/decide`, { decision: 'approve', note: 'Go for the certificate' });
		expect(result.type, JSON.stringify(result)).toBe('redirect');
		expect(await arrangement(id)).toMatchObject({ status: 'approved', decidedBy: ids.manager, decisionNote: 'Go for the certificate', byPolicy: false });
		expect((await latestEmail(app.db, demo.employee))?.subject).toBe('Approved: Learning time');
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), eq(auditEvent.action, 'flex.decided')));
		expect(audit?.details).toMatchObject({ status: 'approved' });
		const page = await (await (await clientFor(app, 'employee')).get('/flex')).text();
		expect(page).toContain(`/flex/${id}`);
	});

	it('pages the history on /flex, ten at a time, while what is current or upcoming stays on every page', async () => {
		const [platform] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
		const colleague = await freshEmployee(platform!.id);
		const running = await approvedArrangement(app.db, colleague);
		const upcoming = await approvedArrangement(app.db, colleague, { startsOn: inDays(20), endsOn: null });
		// Twelve that are over: ended, declined or withdrawn, the newest starting 30 days ago.
		const past: string[] = [];
		for (let index = 0; index < 12; index++) {
			const status = (['approved', 'declined', 'withdrawn'] as const)[index % 3];
			past.push(await approvedArrangement(app.db, colleague, { status, startsOn: inDays(-30 - index * 40), endsOn: inDays(-10 - index * 40) }));
		}
		const client = await clientForPerson(app, colleague);
		const first = await (await client.get('/flex')).text();
		const second = await (await client.get('/flex?page=2')).text();
		for (const page of [first, second]) {
			expect(page).toContain(`/flex/${running}`);
			expect(page).toContain(`/flex/${upcoming}`);
		}
		expect(past.filter((id) => first.includes(`/flex/${id}`))).toEqual(past.slice(0, 10));
		expect(past.filter((id) => second.includes(`/flex/${id}`))).toEqual(past.slice(10));
		expect(first).toContain('href="/flex?page=2"');
		// A page that is no number is the first.
		const unreadable = await (await client.get('/flex?page=x')).text();
		expect(past.filter((id) => unreadable.includes(`/flex/${id}`))).toEqual(past.slice(0, 10));
	});

	it('pages what is current and what is upcoming each on its own, ten at a time: current newest first, upcoming soonest first', async () => {
		const [platform] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
		const colleague = await freshEmployee(platform!.id);
		// Twelve begun and running (one still waiting for a decision), twelve still to come.
		const current: string[] = [];
		const upcoming: string[] = [];
		for (let index = 0; index < 12; index++) {
			current.push(await approvedArrangement(app.db, colleague, { status: index === 5 ? 'pending' : 'approved', startsOn: inDays(-1 - index), endsOn: null }));
			upcoming.push(await approvedArrangement(app.db, colleague, { startsOn: inDays(5 + index), endsOn: inDays(50 + index) }));
		}
		const client = await clientForPerson(app, colleague);
		const shown = async (path: string) => {
			const html = await (await client.get(path)).text();
			return { html, current: current.filter((id) => html.includes(`/flex/${id}"`)), upcoming: upcoming.filter((id) => html.includes(`/flex/${id}"`)) };
		};
		const first = await shown('/flex');
		expect(first.current).toEqual(current.slice(0, 10));
		expect(first.upcoming).toEqual(upcoming.slice(0, 10));
		expect(first.html).toContain('href="/flex?current=2"');
		expect(first.html).toContain('href="/flex?upcoming=2"');
		// Each pager names its list, and turning one leaves the others where they were.
		expect(first.html).toContain('aria-label="Pages of current arrangements"');
		expect(first.html).toContain('aria-label="Pages of upcoming arrangements"');
		const turned = await shown('/flex?current=2');
		expect(turned.current).toEqual(current.slice(10));
		expect(turned.upcoming).toEqual(upcoming.slice(0, 10));
		expect(turned.html).toContain('href="/flex?current=2&amp;upcoming=2"');
		expect((await shown('/flex?current=2&upcoming=2')).upcoming).toEqual(upcoming.slice(10));
		// A page that is no number, or none at all, is the first.
		for (const path of ['/flex?current=x&upcoming=0', '/flex?current=-3&upcoming=2.5']) {
			const unreadable = await shown(path);
			expect([unreadable.current, unreadable.upcoming]).toEqual([current.slice(0, 10), upcoming.slice(0, 10)]);
		}
	});

	it("shows the manager's week: who works where, with the anchor days", async () => {
		const page = await (await (await clientFor(app, 'manager')).get('/flex/team')).text();
		expect(page).toContain('This week');
		const [platform] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
		const week = await teamPage({ id: ids.manager, unitId: platform!.id } as Actor, { page: 1, pageSize: 100 });
		expect(week.days.map((day) => day.anchor)).toEqual([false, true, false, true, false]);
		// The demo has Eva working remotely on Mondays and Fridays for a while now.
		expect(week.people.find((colleague) => colleague.id === ids.employee)?.week).toEqual(['remote', 'on_site', 'on_site', 'on_site', 'remote']);
	});

	it('lets nobody but the decider (or a delegate) decide; HR and the decider may look, others not', async () => {
		const id = idOf((await request({ type: 'learning', hours: '30' })).location);
		for (const role of ['employee', 'hr', 'admin'] as const) {
			const result = await (await clientFor(app, role)).action(`/flex/${id}?/decide`, { decision: 'approve', note: '' });
			expect(result.status, role).toBe(404);
		}
		expect((await arrangement(id)).status).toBe('pending');
		expect((await (await clientFor(app, 'hr')).get(`/flex/${id}`)).status).toBe(200);
		expect((await (await clientFor(app, 'admin')).get(`/flex/${id}`)).status).toBe(404);
		expect((await (await clientFor(app, 'manager')).get(`/flex/${id}`)).status).toBe(200);
	});

	it('first decision wins when the manager and their delegate decide at the same moment', async () => {
		const id = idOf((await request({ type: 'learning', hours: '30' })).location);
		const delegateId = await freshEmployee((await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team')))[0]!.id);
		const [delegate] = await app.db.select({ email: person.email }).from(person).where(eq(person.id, delegateId));
		const manager = await clientFor(app, 'manager');
		const delegated = await manager.action('/flex/team?/delegate', { delegateEmail: delegate!.email, startsOn: today, endsOn: inDays(14) });
		expect(delegated.type, JSON.stringify(delegated.data)).toBe('redirect');
		const stand = await clientForPerson(app, delegateId);
		const results = await Promise.all([
			manager.action(`/flex/${id}?/decide`, { decision: 'approve', note: '' }),
			stand.action(`/flex/${id}?/decide`, { decision: 'decline', note: '' }),
			manager.action(`/flex/${id}?/decide`, { decision: 'decline', note: '' })
		]);
		expect(results.map((result) => result.type).sort()).toEqual(['failure', 'failure', 'redirect']);
		expect(results.filter((result) => result.type === 'failure').every((result) => result.status === 409)).toBe(true);
		const decided = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), eq(auditEvent.action, 'flex.decided')));
		expect(decided).toHaveLength(1);
		await app.db.delete(flexDelegation).where(eq(flexDelegation.delegateId, delegateId));
	});

	it('withdraws a waiting request; a decided one can no longer be decided', async () => {
		const id = idOf((await request({ type: 'learning', hours: '30' })).location);
		const eva = await clientFor(app, 'employee');
		expect((await eva.action(`/flex/${id}?/withdraw`, {})).type).toBe('redirect');
		expect((await arrangement(id)).status).toBe('withdrawn');
		const late = await (await clientFor(app, 'manager')).action(`/flex/${id}?/decide`, { decision: 'approve', note: '' });
		expect(late.status).toBe(409);
		expect((await (await clientFor(app, 'manager')).action(`/flex/${id}?/withdraw`, {})).status).toBe(404);
	});

	it('refuses bad input field by field and writes nothing', async () => {
		const before = await app.db.select({ count: sql<number>`count(*)::int` }).from(flexArrangement);
		const cases: [Record<string, string | string[]>, Record<string, string>][] = [
			[{ type: 'remote' }, { days: 'Choose at least one.' }],
			[{ type: 'remote', days: '9' }, { days: 'Must be at most 5.' }],
			[{ type: 'hours', start: '25:00', end: '17:00' }, { start: 'Enter a time as HH:MM, e.g. 08:30.' }],
			[{ type: 'hours', start: '17:00', end: '09:00' }, { end: 'The day must end after it starts.' }],
			[{ type: 'abroad', country: 'Spain', endsOn: inDays(40) }, { country: 'Enter a two-letter country code, e.g. DE.' }],
			[{ type: 'abroad', country: 'ES', endsOn: '' }, { endsOn: 'Enter a date as YYYY-MM-DD.' }],
			[{ type: 'learning', hours: '4', endsOn: inDays(10) }, { endsOn: 'The end lies before the start.' }],
			[{ type: 'learning', hours: '4', startsOn: inDays(-3) }, { startsOn: 'Choose a start date from today on.' }],
			[{ type: 'learning', hours: 'many' }, { hours: 'This value is not valid.' }],
			[{ type: 'teleport' }, { type: 'This value is not valid.' }]
		];
		for (const [fields, errors] of cases) {
			const result = await request(fields);
			expect(result.status, JSON.stringify(fields)).toBe(400);
			expect(result.data?.errors, JSON.stringify(fields)).toMatchObject(errors);
		}
		const after = await app.db.select({ count: sql<number>`count(*)::int` }).from(flexArrangement);
		expect(after).toEqual(before);
	});
});

describe('balances', () => {
	it('/flex shows the days abroad left this year and learning hours this month: approved and waiting count, declined and other periods do not', async () => {
		const [platform] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
		const colleague = await freshEmployee(platform!.id);
		const client = await clientForPerson(app, colleague);
		const left = async () => {
			const html = await (await client.get('/flex')).text();
			return [Number(/(\d+) days abroad left this year/.exec(html)![1]), Number(/(\d+) learning hours left this month/.exec(html)![1])];
		};
		const [abroadBefore, learningBefore] = await left();
		const year = today.slice(0, 4);
		const month = `${today.slice(0, 7)}-01`;
		const abroad = (fields: Partial<typeof flexArrangement.$inferInsert>) =>
			approvedArrangement(app.db, colleague, { type: 'abroad', details: { country: 'BE' }, remoteDays: [], startsOn: `${year}-01-10`, endsOn: `${year}-01-14`, ...fields });
		const learning = (hours: number, fields: Partial<typeof flexArrangement.$inferInsert> = {}) =>
			approvedArrangement(app.db, colleague, { type: 'learning', details: { hours }, remoteDays: [], startsOn: month, endsOn: month, ...fields });
		await abroad({}); // five days
		await abroad({ status: 'declined' });
		await abroad({ startsOn: `${Number(year) - 1}-03-01`, endsOn: `${Number(year) - 1}-03-05` });
		await learning(2);
		await learning(3, { status: 'pending' });
		await learning(4, { startsOn: addDays(month, -1), endsOn: addDays(month, -1) });
		expect(await left()).toEqual([abroadBefore! - 5, learningBefore! - 5]);
	});
});

describe('the decision inbox', () => {
	async function actorOf(personId: string): Promise<Actor> {
		const { token } = await createSession(app.db, personId, { userAgent: 'test', ip: null });
		return (await validateSessionToken(token))!.actor;
	}

	it("holds the oldest of what waits for the person and for whom they stand in today, in order, counts it all, and leaves ended stand-ins and HR's share out", async () => {
		const unitId = (await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team')))[0]!.id;
		const [lead, away, back, requester] = [await freshEmployee(unitId), await freshEmployee(unitId), await freshEmployee(unitId), await freshEmployee(unitId)];
		await app.db.insert(flexDelegation).values([
			{ managerId: away, delegateId: lead, startsOn: today, endsOn: inDays(7) },
			{ managerId: back, delegateId: lead, startsOn: inDays(-20), endsOn: inDays(-10) }
		]);
		const waiting = async (deciderId: string | null, minutesAgo: number) => ({
			id: await approvedArrangement(app.db, requester, { status: 'pending', deciderId, createdAt: new Date(Date.now() - minutesAgo * 60_000) }),
			minutesAgo
		});
		const own = [];
		for (let index = 0; index < 12; index++) own.push(await waiting(lead, 100 + index * 10));
		// Older, newer and in between the lead's own: the page is the oldest ten of both together.
		const delegated = [await waiting(away, 500), await waiting(away, 155), await waiting(away, 5)];
		const ended = await waiting(back, 600);
		const unassigned = await waiting(null, 60 * 24 * 365 * 20);
		try {
			const inbox = await decisionInbox(await actorOf(lead));
			expect(inbox.waiting).toBe(15);
			const oldestTen = [...own, ...delegated].sort((a, b) => b.minutesAgo - a.minutesAgo).slice(0, 10);
			expect(inbox.requests.map((request) => request.id)).toEqual(oldestTen.map((request) => request.id));
			expect(inbox.requests.every((request) => request.personName === 'Flex Colleague')).toBe(true);
			// Both older than all the rest, so either would lead the page if it were let in.
			expect(inbox.requests.map((request) => request.id)).not.toContain(ended.id);
			expect(inbox.requests.map((request) => request.id)).not.toContain(unassigned.id);
			// HR decides what nobody else is set to decide: the oldest of all is theirs.
			const hr = await decisionInbox(await actorOf((await personByEmail(app.db, demo.hr)).id));
			expect(hr.requests[0]?.id).toBe(unassigned.id);
		} finally {
			await app.db.delete(flexArrangement).where(eq(flexArrangement.personId, requester));
			await app.db.delete(flexDelegation).where(eq(flexDelegation.delegateId, lead));
		}
	});
});

describe('bounds versions', () => {
	it('declines beyond a "never" bound by policy, and a new version never changes past decisions', async () => {
		const [current] = await app.db.select().from(flexBounds).where(isNull(flexBounds.unitId)).orderBy(desc(flexBounds.version)).limit(1);
		const earlier = await request({ type: 'compressed', days: '4', hoursPerDay: '9' });
		const earlierRow = await arrangement(idOf(earlier.location));
		await app.db.insert(flexBounds).values({
			...current!,
			id: undefined,
			version: current!.version + 1,
			rules: { ...defaultOrgRules, compressed_hours: { enabled: true, value: 8, beyond: 'never', ceiling: 8 } }
		});
		const refused = await request({ type: 'compressed', days: '4', hoursPerDay: '9' });
		const refusedRow = await arrangement(idOf(refused.location));
		expect(refusedRow).toMatchObject({ status: 'declined', byPolicy: true });
		expect(refusedRow.checks.find((check) => check.rule === 'compressed_hours')).toMatchObject({ outcome: 'never', source: { version: current!.version + 1 } });
		expect(refusedRow.boundsIds[0]).not.toBe(earlierRow.boundsIds[0]);
		// Nobody can approve it: it has no decider, and HR (who decides what has none) finds it decided.
		expect((await (await clientFor(app, 'manager')).action(`/flex/${refusedRow.id}?/decide`, { decision: 'approve', note: '' })).status).toBe(404);
		expect((await (await clientFor(app, 'hr')).action(`/flex/${refusedRow.id}?/decide`, { decision: 'approve', note: '' })).status).toBe(409);
		expect((await arrangement(refusedRow.id)).status).toBe('declined');
		const unchanged = await arrangement(earlierRow.id);
		expect(unchanged).toMatchObject({ status: 'approved', checks: earlierRow.checks, boundsIds: earlierRow.boundsIds });
		expect(unchanged.checks.find((check) => check.rule === 'compressed_hours')).toMatchObject({ outcome: 'inside', source: { version: current!.version } });
		// Back to the bounds the other tests expect, as a version of its own.
		await app.db.insert(flexBounds).values({ ...current!, id: undefined, version: current!.version + 2 });
	});
});

describe('the team rule under concurrency', () => {
	it('approves by policy exactly as many simultaneous anchor-day requests as the rule allows; the rest go to the manager', async () => {
		const [unit] = await app.db.insert(orgUnit).values({ name: 'Anchor Desk', parentId: (await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team')))[0]!.id }).returning();
		unitsChanged(); // written past the org module, which keeps the units it read
		// Tuesday is an anchor day; the unit keeps at least 75 % of its 20 on site: 5 may work remotely.
		// (Not 50 %: 10 is also the size of the connection pool, which would hide a missing lock.)
		await app.db.insert(flexBounds).values({ unitId: unit!.id, version: 1, rules: { team_on_site: { enabled: true, value: 75, beyond: 'approvable' } } });
		const people = await Promise.all(Array.from({ length: 20 }, () => freshEmployee(unit!.id)));
		const clients = await Promise.all(people.map((id) => clientForPerson(app, id)));
		const results = await Promise.all(clients.map((client) => request({ type: 'remote', days: ['2'] }, client)));
		expect(results.every((result) => result.type === 'redirect')).toBe(true);
		const rows = await app.db.select({ status: flexArrangement.status }).from(flexArrangement).where(eq(flexArrangement.unitId, unit!.id));
		expect(rows.filter((row) => row.status === 'approved')).toHaveLength(5);
		expect(rows.filter((row) => row.status === 'pending')).toHaveLength(15);
	});
});

describe('editing bounds', () => {
	const platformId = async () => (await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team')))[0]!.id;
	const versions = async (unitId: string | null) =>
		(await app.db.select({ version: flexBounds.version }).from(flexBounds).where(unitId ? eq(flexBounds.unitId, unitId) : isNull(flexBounds.unitId))).map((row) => row.version).sort((a, b) => a - b);

	it('HR saves the organisation bounds as a new version, refusing a ceiling stricter than its value', async () => {
		const hr = await clientFor(app, 'hr');
		const before = await versions(null);
		const strict = await hr.action('/flex/policies?/save', boundsForm({ ...defaultOrgRules, remote_days: { ...defaultOrgRules.remote_days, ceiling: 1 } }, 'organisation'));
		expect(strict.status).toBe(400);
		expect(strict.data?.errors).toEqual({ 'remote_days.ceiling': "The ceiling must be at least as generous as the organisation's own value." });
		const badTime = await hr.action('/flex/policies?/save', boundsForm(defaultOrgRules, 'organisation', { 'core_start.value': '10h' }));
		expect(badTime.data?.errors).toEqual({ 'core_start.value': 'Enter a time as HH:MM, e.g. 08:30.' });
		expect(await versions(null)).toEqual(before);

		const saved = await hr.action('/flex/policies?/save', boundsForm({ ...defaultOrgRules, notice_days: { ...defaultOrgRules.notice_days, value: 5 } }, 'organisation'));
		expect(saved.type, JSON.stringify(saved.data)).toBe('redirect');
		expect(await versions(null)).toEqual([...before, before.at(-1)! + 1]);
		const page = await (await (await clientFor(app, 'employee')).get('/flex')).text();
		expect(page).toContain(`Noorderlicht IT Services (organisation), version ${before.at(-1)! + 1}`);
		const [audit] = await app.db.select().from(auditEvent).where(eq(auditEvent.action, 'flex.bounds_changed')).orderBy(desc(auditEvent.id)).limit(1);
		expect(audit).toMatchObject({ actorId: (await personByEmail(app.db, demo.hr)).id, details: { version: before.at(-1)! + 1 } });
	});

	it("a lead sets their unit's bounds within HR's ceilings, and only their own unit's", async () => {
		const manager = await clientFor(app, 'manager');
		const unitId = await platformId();
		const before = await versions(unitId);
		const beyond = await manager.action(
			`/flex/policies?unit=${unitId}&/save`,
			boundsForm({ remote_days: { enabled: true, value: 4, beyond: 'approvable' }, notice_days: { enabled: false, value: 7, beyond: 'approvable' } }, 'unit')
		);
		expect(beyond.status).toBe(400);
		expect(beyond.data?.errors).toEqual({ 'remote_days.value': 'Beyond the limit the organisation allows units.', 'notice_days.enabled': 'The organisation has this rule on; a unit cannot switch it off.' });
		expect(await versions(unitId)).toEqual(before);

		const saved = await manager.action(`/flex/policies?unit=${unitId}&/save`, boundsForm({ remote_days: { enabled: true, value: 3, beyond: 'approvable' }, learning_hours: { enabled: true, value: 16, beyond: 'approvable' } }, 'unit'));
		expect(saved.type, JSON.stringify(saved.data)).toBe('redirect');
		const [latest] = await app.db.select().from(flexBounds).where(eq(flexBounds.unitId, unitId)).orderBy(desc(flexBounds.version)).limit(1);
		expect(latest).toMatchObject({ version: before.at(-1)! + 1, anchorDays: null, countries: null, rules: { learning_hours: { value: 16 } } });

		const serviceDesk = (await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Service Desk')))[0]!.id;
		expect((await manager.action(`/flex/policies?unit=${serviceDesk}&/save`, boundsForm({}, 'unit'))).status).toBe(403);
		expect((await manager.action('/flex/policies?/save', boundsForm(defaultOrgRules, 'organisation'))).status).toBe(403);
	});
});

describe('the decision deadline', () => {
	it('reminds the decider a day before, then hands the request to their own manager, once', async () => {
		const id = idOf((await request({ type: 'learning', hours: '30' })).location);
		const { deadlineAt } = await arrangement(id);
		const dayBefore = new Date(deadlineAt!.getTime() - 12 * 60 * 60_000);
		await remindAndEscalate(app.origin, dayBefore);
		expect((await arrangement(id)).remindedAt).toEqual(dayBefore);
		// Other waiting requests of these tests come due too: find this one's mail by its link.
		const mailsAbout = async (purpose: string) => (await app.db.select().from(outboxEmail).where(eq(outboxEmail.purpose, purpose))).filter((mail) => mail.bodyText.includes(`/flex/${id}`));
		expect((await mailsAbout('flex_reminder')).map((mail) => [mail.toAddress, mail.subject])).toEqual([[demo.manager, 'Reminder: Eva Jansen waits for your decision (Learning time)']]);
		await remindAndEscalate(app.origin, new Date(dayBefore.getTime() + 60_000));
		expect(await mailsAbout('flex_reminder')).toHaveLength(1);

		const after = new Date(deadlineAt!.getTime() + 60_000);
		const [manager] = await app.db.select({ managerId: person.managerId }).from(person).where(eq(person.id, ids.manager));
		const [director] = await app.db.select({ email: person.email }).from(person).where(eq(person.id, manager!.managerId!));
		await remindAndEscalate(app.origin, after);
		expect(await arrangement(id)).toMatchObject({ status: 'pending', deciderId: manager!.managerId, escalatedAt: after });
		expect((await mailsAbout('flex_escalated')).map((mail) => mail.toAddress)).toEqual([director!.email]);
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), eq(auditEvent.action, 'flex.escalated')));
		expect(audit?.details).toMatchObject({ from: ids.manager, to: manager!.managerId });
		// Escalated once: a later run leaves it with the director, who may now decide.
		await remindAndEscalate(app.origin, new Date(after.getTime() + 7 * 86_400_000));
		expect((await arrangement(id)).deciderId).toBe(manager!.managerId);
		expect((await (await clientFor(app, 'manager')).action(`/flex/${id}?/decide`, { decision: 'approve', note: '' })).status).toBe(404);
	});
});

/** An approved arrangement of `personId`, decided by the demo manager in the past: running unless told otherwise. */
const approved = (personId: string, fields: Partial<typeof flexArrangement.$inferInsert> = {}) =>
	approvedArrangement(app.db, personId, { byPolicy: false, deciderId: ids.manager, decidedBy: ids.manager, decidedAt: new Date(), ...fields });
const auditOf = (id: string, action: string) => app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), eq(auditEvent.action, action)));
/** What a form could write when it ends, previews or feeds: any write changes it. */
async function flexFingerprint(): Promise<string> {
	const [row] = await rawRows<{ digest: string }>(
		app.db,
		sql`select md5(concat((select string_agg(t::text, '|' order by t::text) from flex_arrangement t), (select string_agg(t::text, '|' order by t::text) from flex_bounds t),
			(select count(*) from audit_event), (select count(*) from outbox_email), (select count(*) from calendar_feed))) as digest`
	);
	return row!.digest;
}

describe('ending early', () => {
	it('the person ends a running arrangement from a date: it stays approved with its history; the decider is told; audited', async () => {
		const id = await approved(ids.employee);
		const eva = await clientFor(app, 'employee');
		const result = await eva.action(`/flex/${id}?/end`, { endsOn: inDays(3) });
		expect(result.type, JSON.stringify(result.data)).toBe('redirect');
		const row = await arrangement(id);
		expect(row).toMatchObject({ status: 'approved', endsOn: inDays(3), plannedEndsOn: inDays(60), endedBy: ids.employee });
		expect(row.endedAt).not.toBeNull();
		const [audit] = await auditOf(id, 'flex.ended_early');
		expect(audit).toMatchObject({ actorId: ids.employee, details: { endsOn: inDays(3), plannedEndsOn: inDays(60) } });
		const mail = await latestEmail(app.db, demo.manager);
		expect(mail).toMatchObject({ subject: 'Ended early: Remote days', purpose: 'flex_ended_early' });
		expect(mail?.bodyText).toContain('Eva Jansen has ended their Remote days early');
		expect(mail?.bodyText).toContain(`/flex/${id}`);
		const page = await (await eva.get(`/flex/${id}`)).text();
		expect(page).toContain('Ended early by Eva Jansen');
		// Ended earlier still: the history keeps the end it was first planned to have.
		expect((await eva.action(`/flex/${id}?/end`, { endsOn: inDays(1) })).type).toBe('redirect');
		expect(await arrangement(id)).toMatchObject({ endsOn: inDays(1), plannedEndsOn: inDays(60) });
	});

	it('the decider and HR may end it, the person is told; a manager cannot overrule the bounds; withdrawing is for what has not begun', async () => {
		const decided = await approved(ids.employee);
		expect((await (await clientFor(app, 'manager')).action(`/flex/${decided}?/end`, { endsOn: today })).type).toBe('redirect');
		expect((await latestEmail(app.db, demo.employee))?.bodyText).toContain('Maarten de Boer has ended your Remote days early');

		const byPolicy = await approved(ids.employee, { byPolicy: true, deciderId: null, decidedBy: null, endsOn: null });
		// The manager sees it (his team's), but the bounds approved it: not his to end.
		const manager = await clientFor(app, 'manager');
		expect((await manager.get(`/flex/${byPolicy}`)).status).toBe(200);
		expect((await manager.action(`/flex/${byPolicy}?/end`, { endsOn: today })).status).toBe(403);
		expect((await (await clientFor(app, 'admin')).action(`/flex/${byPolicy}?/end`, { endsOn: today })).status).toBe(404);
		expect((await arrangement(byPolicy)).endsOn).toBeNull();
		expect((await (await clientFor(app, 'hr')).action(`/flex/${byPolicy}?/end`, { endsOn: inDays(2) })).type).toBe('redirect');
		expect(await arrangement(byPolicy)).toMatchObject({ endsOn: inDays(2), plannedEndsOn: null, endedBy: (await personByEmail(app.db, demo.hr)).id });

		const eva = await clientFor(app, 'employee');
		const running = await approved(ids.employee);
		const withdrawn = await eva.action(`/flex/${running}?/withdraw`, {});
		expect(withdrawn).toMatchObject({ status: 409, data: { message: 'It has begun already: end it early instead.' } });
		const upcoming = await approved(ids.employee, { startsOn: inDays(5) });
		expect((await eva.action(`/flex/${upcoming}?/end`, { endsOn: inDays(6) })).data?.message).toBe('Only an approved arrangement that is running can be ended early.');
		expect((await eva.action(`/flex/${upcoming}?/withdraw`, {})).type).toBe('redirect');
		expect((await arrangement(upcoming)).status).toBe('withdrawn');
	});

	it('refuses a bad last day next to the field and writes nothing', async () => {
		const id = await approved(ids.employee);
		const before = await flexFingerprint();
		const eva = await clientFor(app, 'employee');
		for (const [endsOn, message] of [
			['', 'Enter a date as YYYY-MM-DD.'],
			[inDays(-1), 'Choose a last day from today on.'],
			[inDays(60), 'Choose a day before the current end.'],
			[inDays(90), 'Choose a day before the current end.']
		] as const) {
			const result = await eva.action(`/flex/${id}?/end`, { endsOn });
			expect(result.status, endsOn).toBe(400);
			expect(result.data?.errors).toEqual({ endsOn: message });
		}
		expect(await flexFingerprint()).toBe(before);
	});

	it('ends it once when the person, the decider and HR end it on the same day at the same moment', async () => {
		const id = await approved(ids.employee);
		const clients = await Promise.all((['employee', 'manager', 'hr'] as const).map((role) => clientFor(app, role)));
		const results = await Promise.all(clients.map((client) => client.action(`/flex/${id}?/end`, { endsOn: inDays(4) })));
		expect(results.map((result) => result.type).sort()).toEqual(['failure', 'failure', 'redirect']);
		expect(results.filter((result) => result.type === 'failure').map((result) => result.data?.errors)).toEqual([
			{ endsOn: 'Choose a day before the current end.' },
			{ endsOn: 'Choose a day before the current end.' }
		]);
		expect(await auditOf(id, 'flex.ended_early')).toHaveLength(1);
		expect(await arrangement(id)).toMatchObject({ endsOn: inDays(4), plannedEndsOn: inDays(60) });
	});
});

describe('review dates', () => {
	it('reminds the person and the decider a week before the review date, once; not what ends before it or is past', async () => {
		const due = await approved(ids.employee, { reviewOn: inDays(6) });
		const byPolicy = await approved(ids.employee, { reviewOn: inDays(2), byPolicy: true, deciderId: null, decidedBy: null, endsOn: null });
		const later = await approved(ids.employee, { reviewOn: inDays(10) });
		const endsFirst = await approved(ids.employee, { reviewOn: inDays(5), endsOn: inDays(4) });
		const past = await approved(ids.employee, { reviewOn: inDays(-1) });
		const mailsAbout = async (id: string) =>
			(await app.db.select().from(outboxEmail).where(eq(outboxEmail.purpose, 'flex_review'))).filter((mail) => mail.bodyText.includes(`/flex/${id}`)).map((mail) => mail.toAddress).sort();

		const now = new Date();
		await remindReviews(app.origin, now);
		expect(await mailsAbout(due)).toEqual([demo.employee, demo.manager]);
		// Approved by policy: nobody decided it, so the person's manager hears of it.
		expect(await mailsAbout(byPolicy)).toEqual([demo.employee, demo.manager]);
		for (const id of [later, endsFirst, past]) expect(await mailsAbout(id)).toEqual([]);
		const [mail] = (await app.db.select().from(outboxEmail).where(and(eq(outboxEmail.toAddress, demo.employee), eq(outboxEmail.purpose, 'flex_review')))).filter((row) => row.bodyText.includes(due));
		expect(mail?.subject).toBe('Review date near: Eva Jansen, Remote days');

		await remindReviews(app.origin, new Date(now.getTime() + 60 * 60_000));
		expect(await mailsAbout(due)).toEqual([demo.employee, demo.manager]);
		// Four days on, the later one's date is within the week: reminded, once.
		await remindReviews(app.origin, new Date(now.getTime() + 4 * 86_400_000));
		await remindReviews(app.origin, new Date(now.getTime() + 5 * 86_400_000));
		expect(await mailsAbout(later)).toEqual([demo.employee, demo.manager]);
		expect(await mailsAbout(due)).toHaveLength(2);
	});
});

describe('bounds preview', () => {
	/** A unit led by the demo manager, two of his reports in it, and a unit below it with someone who is not his. */
	async function previewTeam() {
		const platform = (await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Platform Team')))[0]!.id;
		const [unit] = await app.db.insert(orgUnit).values({ name: `Preview ${freshEmail('unit')}`, parentId: platform, leadId: ids.manager }).returning();
		const [below] = await app.db.insert(orgUnit).values({ name: `Preview below ${freshEmail('unit')}`, parentId: unit!.id }).returning();
		unitsChanged(); // written past the org module, which keeps the units it read
		const mine = await Promise.all([freshEmployee(unit!.id), freshEmployee(unit!.id)]);
		const [other] = await app.db.insert(person).values({ email: freshEmail('other'), name: 'Someone Else', kind: 'employee', status: 'active', unitId: below!.id }).returning({ id: person.id });
		// Two remote days each, inside Platform's three; one of them was an exception, and one is over.
		const twoDays = { details: { days: [1, 3] }, remoteDays: [1, 3] };
		await approved(mine[0]!, twoDays);
		await approved(mine[1]!, { ...twoDays, byPolicy: true, deciderId: null, decidedBy: null });
		await approved(other!.id, { ...twoDays, byPolicy: true, deciderId: null, decidedBy: null });
		await approved(mine[0]!, { startsOn: inDays(-90), endsOn: inDays(-30), details: { days: [1, 2, 3] }, remoteDays: [1, 2, 3] });
		return { unitId: unit!.id, mine };
	}

	it('a lead sees how many arrangements in force would need an exception, and which of them are theirs to see; nothing is saved', async () => {
		const { unitId } = await previewTeam();
		const manager = await clientFor(app, 'manager');
		const before = await flexFingerprint();
		const result = await manager.action(`/flex/policies?unit=${unitId}&/preview`, boundsForm({ remote_days: { enabled: true, value: 1, beyond: 'approvable' } }, 'unit'));
		expect(result.type, JSON.stringify(result.data)).toBe('success');
		const preview = result.data?.preview as { checked: number; beyond: number; unseen: number; more: number; listed: { personName: string; byPolicy: boolean; checks: { rule: string; requested: number; allowed: number }[] }[] };
		expect(preview).toMatchObject({ checked: 3, beyond: 3, unseen: 1, more: 0 });
		expect(preview.listed.map((entry) => entry.personName)).toEqual(['Flex Colleague', 'Flex Colleague']);
		expect(preview.listed.map((entry) => entry.byPolicy).sort()).toEqual([false, true]);
		expect(preview.listed[0]!.checks).toEqual([expect.objectContaining({ rule: 'remote_days', requested: 2, allowed: 1 })]);
		// The draft comes back to refill the form.
		expect(result.data?.values).toMatchObject({ 'remote_days.value': '1', 'remote_days.set': 'on' });
		expect(await flexFingerprint()).toBe(before);

		// The same bounds as now: nothing would change.
		const same = await manager.action(`/flex/policies?unit=${unitId}&/preview`, boundsForm({}, 'unit'));
		expect(same.data?.preview).toMatchObject({ checked: 3, beyond: 0, listed: [] });
		// Without JavaScript the page answers with the preview in words.
		const page = await (await manager.post(`/flex/policies?unit=${unitId}&/preview`, boundsForm({ remote_days: { enabled: true, value: 1, beyond: 'approvable' } }, 'unit'))).text();
		expect(page).toContain('With these bounds, 3 of the 3 arrangements in force would need an exception.');
		expect(page).toContain('1 of them belongs to someone whose arrangements you do not see.');
	});

	it("HR's organisation draft reaches every unit through inheritance and ceilings; a refused draft shows why and saves nothing", async () => {
		const hr = await clientFor(app, 'hr');
		// Platform Team allows three remote days; a ceiling of one holds it to one, so Eva's two (Monday, Friday) would be beyond.
		const strict = { ...defaultOrgRules, remote_days: { enabled: true, value: 1, beyond: 'approvable' as const, ceiling: 1 } };
		const result = await hr.action('/flex/policies?/preview', boundsForm(strict, 'organisation'));
		const preview = result.data?.preview as { checked: number; beyond: number; unseen: number; listed: { personName: string; checks: { rule: string; allowed: number; source: { unitId: string | null; capped: boolean } }[] }[] };
		expect(preview.unseen).toBe(0);
		const eva = preview.listed.find((entry) => entry.personName === 'Eva Jansen' && entry.checks.some((check) => check.rule === 'remote_days'));
		expect(eva?.checks.find((check) => check.rule === 'remote_days')).toMatchObject({ allowed: 1, source: { capped: true } });
		expect((await hr.action('/flex/policies?/preview', boundsForm(defaultOrgRules, 'organisation'))).data?.preview).toMatchObject({ checked: preview.checked });

		const before = await flexFingerprint();
		const refused = await hr.action('/flex/policies?/preview', boundsForm({ ...defaultOrgRules, remote_days: { ...defaultOrgRules.remote_days, ceiling: 1 } }, 'organisation'));
		expect(refused.status).toBe(400);
		expect(refused.data?.errors).toEqual({ 'remote_days.ceiling': "The ceiling must be at least as generous as the organisation's own value." });
		expect(await flexFingerprint()).toBe(before);
		expect((await (await clientFor(app, 'manager')).action('/flex/policies?/preview', boundsForm(defaultOrgRules, 'organisation'))).status).toBe(403);
	});
});

describe('the team view', () => {
	const managerActor = async () => ({ id: ids.manager, unitId: (await personByEmail(app.db, demo.manager)).unitId } as Actor);

	it('pages through the team by name, and counts the whole team on site each day', async () => {
		const actor = await managerActor();
		// The whole team's counts are kept for a while; the tests above added people to it.
		arrangementsChanged();
		const everyone = await teamPage(actor, { page: 1, pageSize: 1000 });
		expect(everyone.total).toBe(everyone.people.length);
		expect(everyone.total).toBeGreaterThan(6);
		const first = await teamPage(actor, { page: 1, pageSize: 3 });
		const second = await teamPage(actor, { page: 2, pageSize: 3 });
		expect(first.people.map((member) => member.id)).toEqual(everyone.people.slice(0, 3).map((member) => member.id));
		expect(second.people.map((member) => member.id)).toEqual(everyone.people.slice(3, 6).map((member) => member.id));
		expect(first.total).toBe(everyone.total);
		// The count on site is the whole team's, whatever page is shown.
		const onSite = everyone.days.map((_, index) => everyone.people.filter((member) => member.week[index] === 'on_site').length);
		expect(first.days.map((day) => day.onSite)).toEqual(onSite);
		expect(onSite.some((count) => count < everyone.total)).toBe(true);
		expect((await teamPage(actor, { page: 99, pageSize: 3 })).people).toEqual([]);
		const page = await (await (await clientFor(app, 'manager')).get('/flex/team?page=2')).text();
		expect(page).toContain(everyone.people[25]?.name ?? 'Previous');
	});

	it('counts a decision made here at once, though the whole-team counts are kept for a while', async () => {
		const manager = await clientFor(app, 'manager');
		const counts = async () => {
			const page = await (await manager.get('/flex/team')).text();
			const foot = page.slice(page.indexOf('<tfoot'), page.indexOf('</tfoot>'));
			return [...foot.matchAll(/<td>(\d+) \/ (\d+)<\/td>/g)].map((match) => Number(match[1]));
		};
		const before = await counts();
		const monday = workWeek(today)[0]!;
		const [pending] = await app.db
			.insert(flexArrangement)
			.values({ personId: ids.employee, type: 'remote', status: 'pending', startsOn: monday, endsOn: addDays(monday, 4), details: { days: [1, 2, 3, 4, 5] }, remoteDays: [1, 2, 3, 4, 5], checks: [], boundsIds: [], deciderId: ids.manager })
			.returning({ id: flexArrangement.id });
		expect(await counts()).toEqual(before);
		expect((await manager.action(`/flex/${pending!.id}?/decide`, { decision: 'approve', note: '' })).type).toBe('redirect');
		// Eva was on site from Tuesday to Thursday (remote on Mondays and Fridays already).
		expect(await counts()).toEqual(before.map((count, index) => (index >= 1 && index <= 3 ? count - 1 : count)));
		// Back as it was for the tests below, which do not ask the server's counts again.
		await app.db.update(flexArrangement).set({ status: 'withdrawn' }).where(eq(flexArrangement.id, pending!.id));
	});

	it("holds the lead's reports and the members of the units they lead, not leavers and not themselves", async () => {
		const actor = await managerActor();
		const [led] = await app.db.insert(orgUnit).values({ name: `Led ${freshEmail('unit')}`, leadId: ids.manager }).returning();
		unitsChanged(); // written past the org module, which keeps the units it read
		const [member] = await app.db.insert(person).values({ email: freshEmail('member'), name: 'Aaron Member', kind: 'employee', status: 'active', unitId: led!.id }).returning({ id: person.id });
		const [leaver] = await app.db.insert(person).values({ email: freshEmail('leaver'), name: 'Aaron Leaver', kind: 'alumni', status: 'active', unitId: led!.id, managerId: ids.manager }).returning({ id: person.id });
		const team = await teamPage(actor, { page: 1, pageSize: 1000 });
		const members = team.people.map((entry) => entry.id);
		expect(members).toContain(member!.id);
		expect(members).toContain(ids.employee);
		expect(members).not.toContain(leaver!.id);
		expect(members).not.toContain(ids.manager);
		// A member's arrangement is the lead's to see, though they report to nobody.
		const id = await approved(member!.id);
		expect((await (await clientFor(app, 'manager')).get(`/flex/${id}`)).status).toBe(200);
		expect((await (await clientFor(app, 'employee')).get(`/flex/${id}`)).status).toBe(404);
	});
});

describe('fairness insights', () => {
	/** `count` people in a unit, each with a request made today: two approved by policy, an exception declined. */
	async function requesters(unitId: string, count: number) {
		const createdAt = new Date(Date.now() - 3 * 86_400_000);
		for (let index = 0; index < count; index++) {
			const [owner] = await app.db.insert(person).values({ email: freshEmail('asker'), name: `Asker ${index}`, kind: 'employee', status: 'active', unitId }).returning({ id: person.id });
			await approved(owner!.id, { byPolicy: true, deciderId: null, decidedBy: null, unitId, createdAt });
			await approved(owner!.id, { byPolicy: true, deciderId: null, decidedBy: null, unitId, createdAt });
			await approved(owner!.id, { unitId, status: 'declined', decisionNote: null, createdAt, decidedAt: new Date(createdAt.getTime() + 30 * 3_600_000) });
		}
	}
	const group = (insights: Awaited<ReturnType<typeof flexInsights>>, id: string) => insights.groups.find((entry) => entry.id === id)!;
	/** The figures are kept a minute; these tests write arrangements straight to the database. */
	const freshInsights = () => {
		arrangementsChanged();
		return flexInsights();
	};

	it('shows a unit only with five people who asked, folds smaller ones into the unit above, and never lets two shown numbers single out fewer', async () => {
		const [top] = await app.db.insert(orgUnit).values({ name: 'Fairness Top' }).returning();
		const [inner] = await app.db.insert(orgUnit).values({ name: 'Fairness Inner', parentId: top!.id }).returning();
		unitsChanged(); // written past the org module, which keeps the units it read
		await requesters(inner!.id, 4);
		let insights = await freshInsights();
		expect(group(insights, inner!.id).shown).toBe(false);
		expect(group(insights, top!.id).shown).toBe(false);

		await requesters(inner!.id, 1);
		insights = await freshInsights();
		expect(group(insights, inner!.id)).toMatchObject({ shown: true, people: 5, requests: 15, byPolicy: 10, exceptions: 5, declined: 5, silent: 5, granted: 0, medianDecisionHours: 30 });
		// Top holds nobody else: showing both tells nothing more than one of them does.
		expect(group(insights, top!.id)).toMatchObject({ shown: true, people: 5 });

		// Two people asking in Top itself: Top minus Inner would be about two people, so Inner folds into Top.
		await requesters(top!.id, 2);
		insights = await freshInsights();
		expect(group(insights, inner!.id).shown).toBe(false);
		expect(group(insights, top!.id)).toMatchObject({ shown: true, people: 7, requests: 21 });
		expect(group(insights, top!.id)).toMatchObject({ watermelon: true });

		const page = await (await (await clientFor(app, 'hr')).get('/insights/flex')).text();
		expect(page).toContain('Fairness Inner');
		expect(page).not.toContain('Asker 0');
	});

	it('flags the demo watermelon: most requests approved by policy, most exceptions declined', async () => {
		const [workplace] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Managed Workplace'));
		const found = group(await freshInsights(), workplace!.id);
		expect(found).toMatchObject({ shown: true, watermelon: true });
		const page = await (await (await clientFor(app, 'hr')).get('/insights/flex')).text();
		expect(page).toContain('Watermelons of flexibility');
		expect(page).toMatch(/<strong>Managed Workplace<\/strong>/);
	});
});
