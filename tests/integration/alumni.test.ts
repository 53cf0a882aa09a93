import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp, type TestClient } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, latestEmail, pathOf, personByEmail } from '../support/fixtures';
import { alumniProfile, auditEvent, event, outboxEmail, personSkill, post, skill, space, exitSurveyAnswer, exitSurveyComment, offboarding, person } from '../../src/lib/server/db/schema';
import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import { answerExitSurvey, completeDueOffboardings, exitSurveyParticipation, exitSurveyResults, searchDirectory, sendCheckIns } from '../../src/lib/server/alumni';
import { contactsPerDay, exitSurveyQuestions } from '../../src/lib/alumni';
import { searchPeople } from '../../src/lib/server/people';
import type { Actor } from '../../src/lib/server/authz/actor';

let app: TestApp;
let counter = 0;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** An employee with a password, in the demo manager's team, and a browser signed in as them. */
async function freshEmployee(extra: Partial<typeof person.$inferInsert> = {}) {
	const manager = await personByEmail(app.db, demo.manager);
	const name = `Leaver Number${++counter} Testperson`;
	const [created] = await app.db
		.insert(person)
		.values({ email: freshEmail('leaver'), name, kind: 'employee', status: 'active', passwordHash: manager.passwordHash, managerId: manager.id, unitId: manager.unitId, headline: 'Keeps the lights on', ...extra })
		.returning();
	const client = app.client();
	const { token } = await createSession(app.db, created!.id, { userAgent: 'test', ip: null });
	client.cookies.set(sessionCookieName(new URL(app.origin)), token);
	return { person: created!, client };
}

const start = (hr: TestClient, fields: Record<string, string>) => hr.action('/admin/offboarding?/start', fields);
const fields = (personId: string, overrides: Record<string, string> = {}) => ({
	personId,
	lastDay: '2030-01-15',
	reason: 'dismissal',
	rehireEligible: 'no',
	personalEmail: freshEmail('personal'),
	...overrides
});
// 2030-01-15 in Amsterdam (UTC+1 in winter): the last minute of the last day, and just after it.
const lastMinute = new Date('2030-01-15T22:59:00Z');
const dayAfter = new Date('2030-01-15T23:00:30Z');

async function offboardingsOf(personId: string) {
	return app.db.select().from(offboarding).where(eq(offboarding.personId, personId));
}

/** Offboards a fresh employee all the way to a confirmed alumnus with the given sharing choices. */
async function confirmedAlumnus(sharing: Record<string, string | string[]>) {
	const { person: leaver } = await freshEmployee();
	const personalEmail = freshEmail('personal');
	const hr = await clientFor(app, 'hr');
	expect((await start(hr, fields(leaver.id, { personalEmail, lastDay: '2030-01-10' }))).type).toBe('redirect');
	await completeDueOffboardings(dayAfter, app.origin);
	const link = pathOf((await latestEmail(app.db, personalEmail))!.link);
	const alumnus = app.client();
	const result = await alumnus.action(link, { password: 'a long alumni password', confirm: 'a long alumni password', ...sharing });
	expect(result).toMatchObject({ type: 'redirect', location: '/alumni' });
	return { leaver, personalEmail, alumnus };
}

/** Whether a page lists a person (a search box repeating the name does not count). */
const lists = (html: string, name: string) => html.includes(`<strong>${name}</strong>`);

async function employeeActor(): Promise<Actor> {
	const row = await personByEmail(app.db, demo.employee);
	return { id: row.id, name: row.name, email: row.email, kind: row.kind, roles: row.roles, isManager: false, unitId: row.unitId, managerId: row.managerId, partnerOrgId: row.partnerOrgId, locale: row.locale };
}

describe('the alumni home', () => {
	it("shows the network's news the alumnus may read: jobs for alumni, never jobs for employees only", async () => {
		const hr = await clientFor(app, 'hr');
		const titles = { employees: `Inside only ${++counter}`, alumni: `Welcome back ${++counter}` };
		for (const [audience, title] of Object.entries(titles)) {
			const posted = await hr.action('/jobs?/create', { title, description: 'A role.', location: 'Groningen', unitId: '', audience });
			expect(posted.type, JSON.stringify(posted.data)).toBe('redirect');
		}
		const home = await (await clientFor(app, 'alumni')).get('/alumni');
		expect(home.status).toBe(200);
		const html = await home.text();
		expect(html).toContain("What's new in the network");
		expect(html).toContain(titles.alumni);
		expect(html).not.toContain(titles.employees);
		// The home is the alumni's own: employees are refused it.
		expect((await (await clientFor(app, 'employee')).get('/alumni')).status).toBe(403);
	});
});

describe('offboarding', () => {
	it('refuses bad input next to each field and writes nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver } = await freshEmployee();
		const result = await start(hr, fields(leaver.id, { lastDay: '15-01-2030', reason: 'fired', rehireEligible: 'maybe', personalEmail: 'nope' }));
		expect(result.status).toBe(400);
		expect(Object.keys(result.data?.errors as object).sort()).toEqual(['lastDay', 'personalEmail', 'reason', 'rehireEligible']);
		expect(await offboardingsOf(leaver.id)).toEqual([]);
	});

	it('refuses a personal email that another account signs in with, and people who are not employees', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver } = await freshEmployee();
		const taken = await start(hr, fields(leaver.id, { personalEmail: demo.employee }));
		expect(taken.status).toBe(400);
		expect(taken.data?.errors).toHaveProperty('personalEmail');
		const alumnus = await personByEmail(app.db, demo.alumni);
		const notEmployee = await start(hr, fields(alumnus.id));
		expect(notEmployee.data?.errors).toHaveProperty('personId');
		expect(await offboardingsOf(leaver.id)).toEqual([]);
		expect(await offboardingsOf(alumnus.id)).toEqual([]);
	});

	it('offers the first 50 employees by name and finds the others by search, which a refused form keeps', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver } = await freshEmployee();
		const picked = (page: string) => [...page.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((match) => match[1]);
		const first = await (await hr.get('/admin/offboarding')).text();
		expect(picked(first)).toHaveLength(50);
		expect(picked(first)).not.toContain(leaver.id);
		expect(first).toContain('The first 50 employees by name');

		const search = `?q=${encodeURIComponent(leaver.name)}`;
		const found = await (await hr.get(`/admin/offboarding${search}`)).text();
		expect(picked(found)).toContain(leaver.id);
		expect(picked(found).length).toBeLessThan(50);
		expect(found).not.toContain('employees by name');
		// A search longer than any name is no search: the first 50 again.
		expect(picked(await (await hr.get(`/admin/offboarding?q=${'x'.repeat(101)}`)).text())).toEqual(picked(first));

		// Without scripts: the refused form is the page again, with the same people to pick from and the choice kept.
		const refused = await hr.post(`/admin/offboarding${search}&/start`, fields(leaver.id, { personalEmail: demo.employee }));
		expect(refused.status).toBe(400);
		const again = await refused.text();
		expect(again).toContain(`<option value="${leaver.id}" selected`);
		expect(await offboardingsOf(leaver.id)).toEqual([]);
	});

	it('starts one offboarding per person, also when HR submits twice at once', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver } = await freshEmployee();
		const results = await Promise.all([start(hr, fields(leaver.id)), start(hr, fields(leaver.id)), start(hr, fields(leaver.id))]);
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 400)).toHaveLength(2);
		expect(await offboardingsOf(leaver.id)).toHaveLength(1);
	});

	it('ends internal access only once the last day is over, keeping the profile, and invites the personal address', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver, client } = await freshEmployee({ roles: ['hr'] });
		const admin = await clientFor(app, 'admin');
		const personalEmail = freshEmail('personal');
		// Holding a role, this leaver is for an admin to offboard.
		expect((await start(hr, fields(leaver.id, { personalEmail }))).status).toBe(400);
		expect((await start(admin, fields(leaver.id, { personalEmail }))).type).toBe('redirect');

		await completeDueOffboardings(lastMinute, app.origin);
		expect((await client.get('/people')).status).toBe(200);
		expect(await personByEmail(app.db, leaver.email)).toMatchObject({ kind: 'employee', roles: ['hr'] });
		expect(await latestEmail(app.db, personalEmail)).toBeNull();

		await completeDueOffboardings(dayAfter, app.origin);
		const after = await personByEmail(app.db, leaver.email);
		expect(after).toMatchObject({ kind: 'alumni', roles: [], leftOn: '2030-01-15', headline: 'Keeps the lights on', name: leaver.name, status: 'active' });
		// The session the employee had is gone: the next request goes to sign in.
		expect((await client.get('/people')).headers.get('location')).toMatch(/^\/login/);
		const email = await latestEmail(app.db, personalEmail);
		expect(email?.purpose).toBe('alumni_invitation');
		expect(email?.link).toContain('/alumni/welcome/');
		const [record] = await offboardingsOf(leaver.id);
		expect(record).toMatchObject({ status: 'completed' });
		// Running again does nothing twice.
		await completeDueOffboardings(dayAfter, app.origin);
		expect(await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, leaver.id), eq(auditEvent.action, 'alumni.offboarding_completed')))).toHaveLength(1);
	});

	it('completes at once when recorded after the last day', async () => {
		const { person: leaver, client } = await freshEmployee();
		const personalEmail = freshEmail('personal');
		expect((await start(await clientFor(app, 'hr'), fields(leaver.id, { personalEmail, lastDay: '2020-02-03' }))).type).toBe('redirect');
		expect(await personByEmail(app.db, leaver.email)).toMatchObject({ kind: 'alumni', leftOn: '2020-02-03' });
		expect((await client.get('/people')).headers.get('location')).toMatch(/^\/login/);
		expect((await latestEmail(app.db, personalEmail))?.purpose).toBe('alumni_invitation');
	});

	it('can be cancelled while scheduled; the person stays an employee', async () => {
		const hr = await clientFor(app, 'hr');
		const { person: leaver } = await freshEmployee();
		await start(hr, fields(leaver.id));
		const [record] = await offboardingsOf(leaver.id);
		expect((await hr.action('/admin/offboarding?/cancel', { id: record!.id })).type).toBe('redirect');
		await completeDueOffboardings(dayAfter, app.origin);
		expect(await personByEmail(app.db, leaver.email)).toMatchObject({ kind: 'employee' });
		expect((await hr.action('/admin/offboarding?/cancel', { id: record!.id })).status).toBe(404);
	});

	it('never shows the reason or rehire eligibility to the person, their manager, alumni or search', async () => {
		const { leaver, alumnus } = await confirmedAlumnus({ consent: 'on', shared: ['employer', 'formerUnit', 'openTo'], currentEmployer: 'Acme', openTo: 'rehire' });
		const hrPage = await (await (await clientFor(app, 'hr')).get('/admin/offboarding')).text();
		// HR sees it: the words the other pages must not hold.
		expect(hrPage).toContain('Dismissal');
		const pages: [TestClient, string][] = [
			[alumnus, '/alumni'],
			[alumnus, '/account'],
			[alumnus, `/people/${leaver.id}`],
			[alumnus, `/alumni/directory?q=${encodeURIComponent(leaver.name)}`],
			[await clientFor(app, 'manager'), `/alumni/directory?q=${encodeURIComponent(leaver.name)}`],
			[await clientFor(app, 'alumni'), `/alumni/directory?q=${encodeURIComponent(leaver.name)}`],
			[await clientFor(app, 'employee'), `/alumni/directory?openTo=rehire`]
		];
		for (const [client, path] of pages) {
			const response = await client.get(path);
			expect(response.status, path).toBe(200);
			const html = await response.text();
			expect(html, path).not.toMatch(/dismissal|ontslag|rehire.?eligib|herintreding/i);
		}
		// The directory page does list the leaver (else the check above proves little).
		expect(lists(await (await (await clientFor(app, 'manager')).get(`/alumni/directory?q=${encodeURIComponent(leaver.name)}`)).text(), leaver.name)).toBe(true);
	});
});

describe('joining the alumni network', () => {
	it('refuses bad input and keeps the link usable; then the personal address signs in and the link is spent', async () => {
		const { person: leaver } = await freshEmployee();
		const personalEmail = freshEmail('personal');
		await start(await clientFor(app, 'hr'), fields(leaver.id, { personalEmail, lastDay: '2030-01-10' }));
		await completeDueOffboardings(dayAfter, app.origin);
		const link = pathOf((await latestEmail(app.db, personalEmail))!.link);
		const visitor = app.client();
		expect(await (await visitor.get(link)).text()).toContain(personalEmail);
		const bad = await visitor.action(link, { password: 'short', confirm: 'other', openTo: 'everything' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['openTo', 'password']);
		expect(await personByEmail(app.db, leaver.email)).toMatchObject({ email: leaver.email });

		const ok = await visitor.action(link, { password: 'a long alumni password', confirm: 'a long alumni password', currentEmployer: 'Elsewhere BV' });
		expect(ok).toMatchObject({ type: 'redirect', location: '/alumni' });
		expect((await visitor.get('/alumni')).status).toBe(200);
		const after = await personByEmail(app.db, personalEmail);
		expect(after.id).toBe(leaver.id);
		const [profile] = await app.db.select().from(alumniProfile).where(eq(alumniProfile.personId, leaver.id));
		expect(profile).toMatchObject({ currentEmployer: 'Elsewhere BV', consentedAt: null, consentVersion: null });
		expect(profile!.confirmedAt).toBeInstanceOf(Date);
		expect((await app.client().action(link, { password: 'a long alumni password', confirm: 'a long alumni password' })).status).toBe(410);
		await app.client().signIn(personalEmail, 'a long alumni password');
	});

	it('records consent with its date and text version, and its withdrawal', async () => {
		const { leaver, alumnus } = await confirmedAlumnus({ consent: 'on', shared: 'employer', currentEmployer: 'Consenting BV' });
		const [given] = await app.db.select().from(alumniProfile).where(eq(alumniProfile.personId, leaver.id));
		expect(given).toMatchObject({ consentVersion: '2026-11', shared: ['employer'] });
		expect(given!.consentedAt).toBeInstanceOf(Date);
		expect((await alumnus.action('/alumni?/save', { currentEmployer: 'Consenting BV', shared: 'employer' })).type).toBe('success');
		const [withdrawn] = await app.db.select().from(alumniProfile).where(eq(alumniProfile.personId, leaver.id));
		expect(withdrawn).toMatchObject({ consentedAt: null, consentVersion: null });
		const events = await app.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.targetId, leaver.id));
		expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['alumni.joined', 'alumni.consent_given', 'alumni.consent_withdrawn']));
	});
});

describe('the alumni directory', () => {
	it('lists consenting alumni with only the fields they share; the others are absent here and from people search', async () => {
		const listed = await confirmedAlumnus({ consent: 'on', shared: ['employer', 'openTo'], currentEmployer: 'Listed Corp', currentRole: 'Secret Role Title', openTo: ['mentoring'] });
		const unlisted = await confirmedAlumnus({ shared: ['employer'], currentEmployer: 'Unlisted Corp' });
		const employee = await clientFor(app, 'employee');
		for (const viewer of [employee, await clientFor(app, 'alumni')]) {
			const html = await (await viewer.get('/alumni/directory?q=leaver')).text();
			expect(lists(html, listed.leaver.name)).toBe(true);
			expect(html).toContain('Listed Corp');
			expect(html).not.toContain('Secret Role Title');
			expect(html).not.toContain(listed.personalEmail);
			expect(lists(html, unlisted.leaver.name)).toBe(false);
		}
		// Filters match shared values only: the role is not shared, so it finds nobody.
		const directory = async (query: string) => (await employee.get(`/alumni/directory?${query}`)).text();
		expect(lists(await directory('employer=unlisted'), unlisted.leaver.name)).toBe(false);
		expect(lists(await directory('employer=listed+corp&openTo=mentoring'), listed.leaver.name)).toBe(true);
		expect(lists(await directory('employer=listed+corp&openTo=speaking'), listed.leaver.name)).toBe(false);
		// The role is not shared, so filtering on a shared field's value finds them but the role never shows.
		expect(await directory('employer=listed+corp')).not.toContain('Secret Role Title');
		// A search goes by name alone: the words of the email address and the job title are in the
		// search index, but never shared here.
		const jobTitle = `Lighthousekeeper${++counter}`;
		await app.db.update(person).set({ jobTitle }).where(eq(person.id, listed.leaver.id));
		for (const word of [jobTitle, listed.personalEmail.split('@')[0]!]) expect(lists(await directory(`q=${encodeURIComponent(word)}`), listed.leaver.name)).toBe(false);
		expect(lists(await directory(`q=${encodeURIComponent(listed.leaver.name.split(' ')[1]!)}`), listed.leaver.name)).toBe(true);

		// People search is for colleagues: neither alumnus is found there.
		const actor = await employeeActor();
		for (const alumnus of [listed, unlisted]) {
			const found = await searchPeople(actor, { q: alumnus.leaver.name, page: 1, pageSize: 10 });
			expect(found.total).toBe(0);
			expect(lists(await (await employee.get(`/people?q=${encodeURIComponent(alumnus.leaver.name)}`)).text(), alumnus.leaver.name)).toBe(false);
		}
	});

	it('searches by former unit, years here, employer, role, location, skill and open-to flags, each only where shared', async () => {
		const [someSkill] = await app.db.select().from(skill).limit(1);
		const tag = Date.now().toString(36);
		const profile = { consent: 'on', currentEmployer: `Employer ${tag}`, currentRole: `Role ${tag}`, location: `Town ${tag}`, openTo: 'speaking' };
		const sharing = await confirmedAlumnus({ ...profile, shared: ['formerUnit', 'years', 'employer', 'role', 'location', 'skills', 'openTo'] });
		const hiding = await confirmedAlumnus({ ...profile, shared: [] });
		for (const { leaver } of [sharing, hiding]) {
			// Started 2020-01-01, left 2030-01-10: ten years.
			await app.db.update(person).set({ startedOn: '2020-01-01' }).where(eq(person.id, leaver.id));
			await app.db.insert(personSkill).values({ personId: leaver.id, skillId: someSkill!.id, proficiency: 3 });
		}
		const employee = await clientFor(app, 'employee');
		// The result cards only: the filters offer every skill by name.
		const directory = async (query: string) => {
			const html = await (await employee.get(`/alumni/directory?${query}`)).text();
			const start = html.indexOf('class="grid plain"');
			return start < 0 ? '' : html.slice(start, html.indexOf('</ul>', start));
		};
		const filters = [
			`unitId=${sharing.leaver.unitId}&q=leaver`,
			'minYears=10&q=leaver',
			`employer=employer+${tag}`,
			`role=role+${tag}`,
			`location=town+${tag}`,
			`skill=${someSkill!.id}&q=leaver`,
			`openTo=speaking&employer=employer+${tag}`
		];
		for (const query of filters) {
			const html = await directory(query);
			expect(lists(html, sharing.leaver.name), query).toBe(true);
			expect(lists(html, hiding.leaver.name), query).toBe(false);
		}
		expect(lists(await directory('minYears=11&q=leaver'), sharing.leaver.name)).toBe(false);
		const shown = await directory(`q=${encodeURIComponent(sharing.leaver.name)}`);
		expect(shown).toContain('10 years here');
		expect(shown).toContain(someSkill!.name);
		expect(shown).toContain(`Town ${tag}`);
		// The one who shares nothing is listed by name, with nothing else.
		const bare = await directory(`q=${encodeURIComponent(hiding.leaver.name)}`);
		expect(lists(bare, hiding.leaver.name)).toBe(true);
		for (const hidden of [`Employer ${tag}`, `Role ${tag}`, `Town ${tag}`, 'years here', someSkill!.name]) expect(bare).not.toContain(hidden);
	});

	it('lists everyone listed unfiltered, by name, with their number; consent given or withdrawn here changes the number at once', async () => {
		const listedNow = async () => {
			const rows = await app.db
				.select({ id: person.id, name: person.name })
				.from(person)
				.innerJoin(alumniProfile, eq(alumniProfile.personId, person.id))
				.where(and(eq(person.kind, 'alumni'), eq(person.status, 'active'), sql`${alumniProfile.consentedAt} is not null`))
				.orderBy(person.name, person.id);
			return rows;
		};
		const employee = await clientFor(app, 'employee');
		const shown = async () => {
			const html = await (await employee.get('/alumni/directory')).text();
			return { html, count: Number(html.match(/<p role="status">(\d+)/)?.[1]) };
		};
		const { alumnus } = await confirmedAlumnus({ consent: 'on' });
		const before = await listedNow();
		const first = await shown();
		expect(first.count).toBe(before.length);
		for (const listed of before.slice(0, 5)) expect(lists(first.html, listed.name)).toBe(true);
		await alumnus.action('/alumni?/save', {});
		expect((await shown()).count).toBe(before.length - 1);
	});

	it('pages the directory, filtered or not: two pages of two are the first four', async () => {
		for (const filter of [{}, { q: 'a' }]) {
			const four = await searchDirectory({ ...filter, page: 1, pageSize: 4 });
			const first = await searchDirectory({ ...filter, page: 1, pageSize: 2 });
			const second = await searchDirectory({ ...filter, page: 2, pageSize: 2 });
			expect(four.entries.length, JSON.stringify(filter)).toBe(4);
			expect([...first.entries, ...second.entries].map((entry) => entry.id)).toEqual(four.entries.map((entry) => entry.id));
			expect(second.total).toBe(four.total);
		}
	});

	it('drops an alumnus who withdraws consent', async () => {
		const { leaver, alumnus } = await confirmedAlumnus({ consent: 'on', currentEmployer: 'Leaving Soon' });
		const employee = await clientFor(app, 'employee');
		const search = async () => (await employee.get(`/alumni/directory?q=${encodeURIComponent(leaver.name)}`)).text();
		expect(lists(await search(), leaver.name)).toBe(true);
		await alumnus.action('/alumni?/save', { currentEmployer: 'Leaving Soon' });
		expect(lists(await search(), leaver.name)).toBe(false);
		const [row] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person).where(eq(person.id, leaver.id));
		expect(row!.count).toBe(1);
	});
});

describe('the exit survey', () => {
	/** A fresh leaver whose offboarding HR started with the survey attached; the emailed link's path. */
	async function surveyLink() {
		const { person: leaver } = await freshEmployee();
		const personalEmail = freshEmail('personal');
		expect((await start(await clientFor(app, 'hr'), fields(leaver.id, { personalEmail, exitSurvey: 'on' }))).type).toBe('redirect');
		const email = (await latestEmail(app.db, personalEmail))!;
		expect(email.purpose).toBe('exit_survey');
		return { leaver, link: pathOf(email.link), token: pathOf(email.link).split('/').pop()! };
	}
	const answers = (overrides: Record<string, string> = {}) => ({ ...Object.fromEntries(exitSurveyQuestions.map((question) => [`score_${question}`, '7'])), reason: 'growth', ...overrides });
	const input = (comment: string | null = null) => ({ scores: Object.fromEntries(exitSurveyQuestions.map((question) => [question, 6])) as Record<(typeof exitSurveyQuestions)[number], number>, reason: 'pay' as const, comment });

	it('is sent only when HR attaches it', async () => {
		const { person: leaver } = await freshEmployee();
		const personalEmail = freshEmail('personal');
		await start(await clientFor(app, 'hr'), fields(leaver.id, { personalEmail }));
		expect(await latestEmail(app.db, personalEmail)).toBeNull();
		const [row] = await offboardingsOf(leaver.id);
		expect(row!.surveyTokenId).toBeNull();
	});

	it('refuses bad input next to each field, writes nothing and keeps the link usable', async () => {
		const { link } = await surveyLink();
		const visitor = app.client();
		const before = await app.db.select({ count: sql<number>`count(*)::int` }).from(exitSurveyAnswer);
		const bad = await visitor.action(link, answers({ score_recommend: '11', score_growth: '', reason: 'boredom', comment: 'x'.repeat(2001) }));
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['comment', 'reason', 'score_growth', 'score_recommend']);
		expect(await app.db.select({ count: sql<number>`count(*)::int` }).from(exitSurveyAnswer)).toEqual(before);
		expect((await visitor.action(link, answers())).type).toBe('success');
	});

	it('stores the answer without its author or a time, and the link answers once, also when sent twice at once', async () => {
		const { leaver, link } = await surveyLink();
		const comment = `Left for the sea ${Date.now()}`;
		const results = await Promise.all([0, 1, 2].map(() => app.client().action(link, answers({ comment }))));
		expect(results.filter((result) => result.type === 'success')).toHaveLength(1);
		expect(results.filter((result) => result.status === 410)).toHaveLength(2);
		const stored = await app.db.select().from(exitSurveyComment).where(eq(exitSurveyComment.body, comment));
		expect(stored).toHaveLength(1);
		// Nothing in an answer or a comment can point at a person or a moment: only the quarter.
		expect(Object.keys(stored[0]!).sort()).toEqual(['body', 'id', 'quarter']);
		const [answer] = await app.db.select().from(exitSurveyAnswer).limit(1);
		expect(Object.keys(answer!).sort()).toEqual(['id', 'quarter', 'reason', 'scores']);
		expect(stored[0]!.quarter).toMatch(/^\d{4}-Q[1-4]$/);
		const [row] = await offboardingsOf(leaver.id);
		expect(row).toMatchObject({ surveyAnswered: true, surveySecretHash: null });
		expect(await (await app.client().get(link)).text()).toContain('no longer works');
	});

	it('dies with a cancelled offboarding', async () => {
		const { leaver, link } = await surveyLink();
		const [row] = await offboardingsOf(leaver.id);
		const before = await exitSurveyParticipation();
		await (await clientFor(app, 'hr')).action('/admin/offboarding?/cancel', { id: row!.id });
		expect((await app.client().action(link, answers())).status).toBe(410);
		// Nor is the person counted as asked any more.
		expect(await exitSurveyParticipation()).toEqual({ asked: before.asked - 1, answered: before.answered });
	});

	it('shows HR a quarter only once it is over and holds N answers, and its comments only from 2N, in random order', async () => {
		const { threshold } = await exitSurveyResults('2026-12-01');
		expect(threshold).toBeGreaterThanOrEqual(5);
		const answerIn = async (day: string, count: number, comment: (index: number) => string | null) => {
			for (let index = 0; index < count; index++) {
				const { token } = await surveyLink();
				expect(await answerExitSurvey(token, input(comment(index)), day)).toBe(true);
			}
		};
		await answerIn('2019-02-10', threshold - 1, () => 'small quarter comment');
		await answerIn('2019-05-10', threshold, (index) => `middle quarter comment ${index}`);
		await answerIn('2019-08-10', threshold * 2, (index) => `large quarter comment ${index}`);
		// While 2019-Q3 runs, it is not shown at all.
		const during = await exitSurveyResults('2019-09-30');
		expect(during.quarters.map((quarter) => quarter.quarter)).not.toContain('2019-Q3');

		const after = await exitSurveyResults('2020-01-01');
		const quarter = (name: string) => after.quarters.find((entry) => entry.quarter === name)!;
		expect(quarter('2019-Q1')).toMatchObject({ means: null, reasons: null, comments: null });
		expect(quarter('2019-Q2').means).toMatchObject({ recommend: 6 });
		expect(quarter('2019-Q2').reasons).toEqual([{ reason: 'pay', count: threshold }]);
		expect(quarter('2019-Q2').comments).toBeNull();
		expect([...quarter('2019-Q3').comments!].sort()).toEqual(Array.from({ length: threshold * 2 }, (_, index) => `large quarter comment ${index}`).sort());

		// HR's page says the same; nobody else reaches it.
		const html = await (await (await clientFor(app, 'hr')).get('/admin/offboarding/survey')).text();
		expect(html).not.toContain('small quarter comment');
		expect(html).not.toContain('middle quarter comment');
		expect(html).toContain('large quarter comment 0');
		// The trend chart: the quarters oldest first along its axis, one line per question.
		const chart = html.slice(html.indexOf('<title id="survey-trend-title">'), html.indexOf('</svg>', html.indexOf('<title id="survey-trend-title">')));
		const axis = [...chart.matchAll(/>(\d{4}-Q[1-4])</g)].map((match) => match[1]!);
		expect(axis).toEqual(expect.arrayContaining(['2019-Q1', '2019-Q2', '2019-Q3']));
		expect(axis).toEqual([...axis].sort());
		expect(chart.match(/<path /g)).toHaveLength(5);
		for (const role of ['employee', 'manager', 'alumni'] as const) expect((await (await clientFor(app, role)).get('/admin/offboarding/survey')).status).toBe(403);
	});
});

describe('check-ins', () => {
	const checkIns = async (to: string) =>
		(await app.db.select({ text: outboxEmail.bodyText }).from(outboxEmail).where(and(eq(outboxEmail.toAddress, to), eq(outboxEmail.purpose, 'alumni_check_in')))).map((row) => row.text);

	it('go 6 and 13 months after the last day, once each, also when the job runs twice at once', async () => {
		// The last day is 2030-01-10.
		const { personalEmail } = await confirmedAlumnus({ checkIns: 'on', currentEmployer: 'Checked In BV' });
		// One post since then where alumni read, one where only employees do: only the first counts.
		const author = await personByEmail(app.db, demo.employee);
		for (const audience of ['alumni', 'employees'] as const) {
			const [where] = await app.db.select({ id: space.id }).from(space).where(eq(space.audience, audience)).limit(1);
			await app.db.insert(post).values({ spaceId: where!.id, authorId: author.id, kind: 'article', title: `Since you left (${audience})`, createdAt: new Date('2030-03-01T10:00:00Z') });
		}
		// And an event ahead that alumni may join, and one for employees only.
		for (const audience of ['both', 'employees'] as const)
			await app.db.insert(event).values({ title: `Summer party (${audience})`, startsAt: new Date('2030-08-01T17:00:00Z'), endsAt: new Date('2030-08-01T20:00:00Z'), timeZone: 'Europe/Amsterdam', place: 'Roof', audience });
		await sendCheckIns(new Date('2030-07-09T12:00:00Z'), app.origin);
		expect(await checkIns(personalEmail)).toEqual([]);
		await Promise.all([0, 1, 2].map(() => sendCheckIns(new Date('2030-07-11T12:00:00Z'), app.origin)));
		await sendCheckIns(new Date('2030-07-20T12:00:00Z'), app.origin);
		const sixMonths = await checkIns(personalEmail);
		expect(sixMonths).toHaveLength(1);
		expect(sixMonths[0]).toContain('6 months');
		expect(sixMonths[0]).toContain(`${app.origin}/alumni`);
		expect(sixMonths[0]).toContain(`knowledge spaces you read: 1 (${app.origin}/knowledge)`);
		expect(sixMonths[0]).toContain(`Upcoming events: 1 (${app.origin}/events)\n- Summer party (both)`);
		await Promise.all([0, 1].map(() => sendCheckIns(new Date('2031-02-11T12:00:00Z'), app.origin)));
		expect(await checkIns(personalEmail)).toHaveLength(2);
		expect((await checkIns(personalEmail)).some((text) => text.includes('13 months'))).toBe(true);
	});

	it('skip those who turned them off in their sharing settings, and people long gone', async () => {
		const { personalEmail, alumnus } = await confirmedAlumnus({ checkIns: 'on' });
		expect((await alumnus.action('/alumni?/save', { currentEmployer: 'Quiet BV' })).type).toBe('success');
		const [profile] = await app.db.select().from(alumniProfile).innerJoin(person, eq(person.id, alumniProfile.personId)).where(eq(person.email, personalEmail));
		expect(profile!.alumni_profile.checkIns).toBe(false);
		await sendCheckIns(new Date('2030-07-11T12:00:00Z'), app.origin);
		expect(await checkIns(personalEmail)).toEqual([]);

		// Someone who left years before gets no "13 months" mail out of the blue.
		const other = await confirmedAlumnus({ checkIns: 'on' });
		await sendCheckIns(new Date('2033-01-11T12:00:00Z'), app.origin);
		expect(await checkIns(other.personalEmail)).toEqual([]);
	});
});

describe('contact through Kring', () => {
	const messagesTo = async (to: string) =>
		(await app.db.select({ text: outboxEmail.bodyText }).from(outboxEmail).where(and(eq(outboxEmail.toAddress, to), eq(outboxEmail.purpose, 'alumni_message')))).map((row) => row.text);

	it('delivers a message by email without either address, and the recipient replies through Kring', async () => {
		const { person: sender, client } = await freshEmployee();
		const { leaver, personalEmail, alumnus } = await confirmedAlumnus({ consent: 'on', currentEmployer: 'Reachable BV' });
		expect(await (await client.get('/alumni/directory?q=' + encodeURIComponent(leaver.name))).text()).toContain(`/alumni/contact/${leaver.id}`);
		expect((await client.get(`/alumni/contact/${leaver.id}`)).status).toBe(200);
		const body = `Would you speak at our meetup? ${Date.now()}`;
		expect(await client.action(`/alumni/contact/${leaver.id}`, { body })).toMatchObject({ type: 'redirect', location: '/alumni/directory' });
		const [mail] = await messagesTo(personalEmail);
		expect(mail).toContain(body);
		expect(mail).toContain(sender.name);
		expect(mail).not.toContain(sender.email);
		expect(mail).not.toContain(personalEmail);
		// Audited who and whom, never what.
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'alumni.message_sent'), eq(auditEvent.actorId, sender.id)));
		expect(audit).toMatchObject({ targetId: leaver.id });
		expect(JSON.stringify(audit)).not.toContain(body);

		// The reply link works for the recipient only, and goes back to the sender's own address.
		const reply = pathOf(mail!.match(/https?:\/\/\S+\?reply=\S+/)![0]);
		expect((await (await clientFor(app, 'manager')).get(reply)).status).toBe(404);
		expect((await alumnus.get(reply)).status).toBe(200);
		expect(await alumnus.action(reply, { body: 'Gladly!', includeEmail: 'on' })).toMatchObject({ type: 'redirect', location: '/alumni' });
		const [answer] = await messagesTo(sender.email);
		expect(answer).toContain('Gladly!');
		// Asked for: the alumnus's address is in the reply.
		expect(answer).toContain(personalEmail);
		// Without the reply link, an employee who is not listed cannot be written to.
		expect((await alumnus.action(`/alumni/contact/${sender.id}`, { body: 'Hi' })).status).toBe(404);
	});

	it('refuses bad input next to the field, unlisted alumni, oneself and those outside the directory', async () => {
		const { client } = await freshEmployee();
		const listed = await confirmedAlumnus({ consent: 'on' });
		const unlisted = await confirmedAlumnus({});
		const bad = await client.action(`/alumni/contact/${listed.leaver.id}`, { body: '   ' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object)).toEqual(['body']);
		expect(await messagesTo(listed.personalEmail)).toEqual([]);
		expect((await client.get(`/alumni/contact/${unlisted.leaver.id}`)).status).toBe(404);
		expect((await client.action(`/alumni/contact/${unlisted.leaver.id}`, { body: 'Hello' })).status).toBe(404);
		expect((await listed.alumnus.action(`/alumni/contact/${listed.leaver.id}`, { body: 'Hello me' })).status).toBe(404);
		expect((await (await clientFor(app, 'partner')).action(`/alumni/contact/${listed.leaver.id}`, { body: 'Hello' })).status).toBe(403);
		expect(await messagesTo(unlisted.personalEmail)).toEqual([]);
		expect(await messagesTo(listed.personalEmail)).toEqual([]);
	});

	it(`lets one sender send ${contactsPerDay} a day, also when they send many at once`, async () => {
		const { client } = await freshEmployee();
		const { leaver, personalEmail } = await confirmedAlumnus({ consent: 'on' });
		const results = await Promise.all(Array.from({ length: contactsPerDay + 3 }, (_, index) => client.action(`/alumni/contact/${leaver.id}`, { body: `Message ${index}` })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(contactsPerDay);
		const refused = results.filter((result) => result.status === 429);
		expect(refused).toHaveLength(3);
		expect(refused[0]!.data?.message).toContain(String(contactsPerDay));
		expect(await messagesTo(personalEmail)).toHaveLength(contactsPerDay);
	});
});
