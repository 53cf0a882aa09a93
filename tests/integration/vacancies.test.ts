import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, latestEmail, personByEmail } from '../support/fixtures';
import { alumniProfile, auditEvent, event, eventRsvp, offboarding, orgUnit, outboxEmail, person, referral, rehire, vacancy, vacancyApplication, type VacancyAudience } from '../../src/lib/server/db/schema';
import { referralLimit } from '../../src/lib/server/vacancies';
import { alumniInsights } from '../../src/lib/server/vacancies/insights';

let app: TestApp;
let counter = 0;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const fields = (overrides: Record<string, string> = {}) => ({
	title: `Engineer ${++counter}`,
	description: 'Builds things that last.',
	location: 'Groningen',
	unitId: '',
	audience: 'alumni',
	...overrides
});

async function postedVacancy(overrides: Record<string, string> = {}): Promise<string> {
	const result = await (await clientFor(app, 'hr')).action('/jobs?/create', fields(overrides));
	expect(result.type, JSON.stringify(result.data)).toBe('redirect');
	return result.location!.split('/').pop()!;
}

const referralFields = (overrides: Record<string, string> = {}) => ({ candidateName: 'Noor de Vries', candidateEmail: freshEmail('candidate'), why: 'We built the old platform together.', ...overrides });
const count = async (table: typeof vacancy | typeof referral | typeof vacancyApplication | typeof rehire) => (await app.db.select({ count: sql<number>`count(*)::int` }).from(table))[0]!.count;

/** Someone active of a kind, signed in, to act beside the demo people (and beyond their rate limits). */
async function freshPerson(kind: 'employee' | 'alumni', extra: Partial<typeof person.$inferInsert> = {}) {
	const [created] = await app.db
		.insert(person)
		.values({ email: freshEmail(kind), name: `Fresh ${kind} ${++counter}`, kind, status: 'active', ...extra })
		.returning();
	return { person: created!, client: await clientForPerson(app, created!.id) };
}

describe('vacancies and their audience', () => {
	it('shows each vacancy to its audience only, in the list, the page and the count alike', async () => {
		const ids = Object.fromEntries(
			await Promise.all((['employees', 'alumni', 'public'] as VacancyAudience[]).map(async (audience) => [audience, await postedVacancy({ audience, title: `Audience ${audience} ${++counter}` })]))
		) as Record<VacancyAudience, string>;
		const closed = await postedVacancy({ audience: 'public', title: `Closed public ${++counter}` });
		expect((await (await clientFor(app, 'hr')).action(`/jobs/${closed}?/status`, { status: 'closed' })).type).toBe('redirect');
		const sees: Record<'anonymous' | 'partner' | 'alumni' | 'employee' | 'hr', VacancyAudience[]> = {
			anonymous: ['public'],
			partner: ['public'],
			alumni: ['alumni', 'public'],
			employee: ['employees', 'alumni', 'public'],
			hr: ['employees', 'alumni', 'public']
		};
		const [total] = await app.db.select({ count: sql<number>`count(*)::int` }).from(vacancy);
		for (const [role, audiences] of Object.entries(sees) as [keyof typeof sees, VacancyAudience[]][]) {
			const client = await clientFor(app, role);
			for (const audience of ['employees', 'alumni', 'public'] as VacancyAudience[]) {
				const response = await client.get(`/jobs/${ids[audience]}`);
				const allowed = audiences.includes(audience);
				// A visitor is asked to sign in; someone signed in is told it does not exist.
				expect(response.status, `${role} ${audience}`).toBe(allowed ? 200 : role === 'anonymous' ? 303 : 404);
			}
			expect((await client.get(`/jobs/${closed}`)).status, `${role} closed`).toBe(role === 'hr' ? 200 : role === 'anonymous' ? 303 : 404);
			// The list's count agrees with the rule: as many as the reader's audiences hold.
			const [visible] = await app.db
				.select({ count: sql<number>`count(*)::int` })
				.from(vacancy)
				.where(role === 'hr' ? undefined : sql`${vacancy.status} = 'open' and ${vacancy.audience} in (${sql.join(audiences.map((audience) => sql`${audience}`), sql`, `)})`);
			const page = await (await client.get('/jobs?page=1')).text();
			expect(page, role).toContain(`of ${visible!.count}</span>`);
			if (role === 'hr') expect(visible!.count).toBe(total!.count);
		}
	});

	it('pages through the list newest first: the second page holds the twenty after the first', async () => {
		for (let index = 0; index < 21; index++) await postedVacancy({ audience: 'public', title: `Paged ${++counter}` });
		const newest = await app.db
			.select({ title: vacancy.title })
			.from(vacancy)
			.where(and(eq(vacancy.status, 'open'), sql`${vacancy.audience} in ('employees', 'alumni', 'public')`))
			.orderBy(sql`${vacancy.createdAt} desc, ${vacancy.id} desc`)
			.limit(40);
		const client = await clientFor(app, 'employee');
		const first = await (await client.get('/jobs')).text();
		const second = await (await client.get('/jobs?page=2')).text();
		const listed = (page: string) => [...page.matchAll(/href="\/jobs\/[\w-]+"><strong>([^<]+)<\/strong>/g)].map((match) => match[1]);
		expect(listed(first)).toEqual(newest.slice(0, 20).map((row) => row.title));
		expect(listed(second)).toEqual(newest.slice(20, 40).map((row) => row.title));
	});

	it('refuses bad input next to each field and writes nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const before = await count(vacancy);
		const bad = await hr.action('/jobs?/create', fields({ title: '', description: ' ', unitId: 'not-an-id', audience: 'everyone' }));
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['audience', 'description', 'title', 'unitId']);
		const missingUnit = await hr.action('/jobs?/create', fields({ unitId: '00000000-0000-4000-8000-000000000000' }));
		expect(missingUnit.status).toBe(400);
		expect(Object.keys(missingUnit.data?.errors as object)).toEqual(['unitId']);
		expect(await count(vacancy)).toBe(before);
	});

	it("keeps the list's total in step with each post, edit of the audience and close", async () => {
		const alumni = await clientFor(app, 'alumni');
		const total = async () => Number((await (await alumni.get('/jobs')).text()).match(/of (\d+)<\/span>/)?.[1]);
		const before = await total();
		expect(before).toBeGreaterThanOrEqual(0);
		const id = await postedVacancy({ audience: 'alumni' });
		expect(await total()).toBe(before + 1);
		const hr = await clientFor(app, 'hr');
		expect((await hr.action(`/jobs/${id}?/update`, fields({ audience: 'employees' }))).type).toBe('redirect');
		expect(await total()).toBe(before);
		expect((await hr.action(`/jobs/${id}?/update`, fields({ audience: 'public' }))).type).toBe('redirect');
		expect(await total()).toBe(before + 1);
		expect((await hr.action(`/jobs/${id}?/status`, { status: 'closed' })).type).toBe('redirect');
		expect(await total()).toBe(before);
	});

	it('lets HR edit and close a vacancy; a closed one takes no applications or referrals', async () => {
		const id = await postedVacancy({ audience: 'alumni' });
		const hr = await clientFor(app, 'hr');
		expect((await hr.action(`/jobs/${id}?/update`, fields({ title: 'Renamed role', audience: 'public' }))).type).toBe('redirect');
		const [edited] = await app.db.select().from(vacancy).where(eq(vacancy.id, id));
		expect([edited!.title, edited!.audience]).toEqual(['Renamed role', 'public']);
		expect((await hr.action(`/jobs/${id}?/status`, { status: 'closed' })).type).toBe('redirect');
		const alumni = await clientFor(app, 'alumni');
		expect((await alumni.action(`/jobs/${id}?/apply`, { note: 'Let me back in' })).status).toBe(404);
		expect((await alumni.action(`/jobs/${id}?/refer`, referralFields())).status).toBe(404);
		expect(await app.db.select().from(referral).where(eq(referral.vacancyId, id))).toEqual([]);
		const actions = await app.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.targetId, id));
		expect(actions.map((row) => row.action).sort()).toEqual(['vacancies.closed', 'vacancies.posted', 'vacancies.updated']);
	});
});

describe('boomerang applications', () => {
	it('takes one application per person, shown to HR with its note', async () => {
		const id = await postedVacancy({ audience: 'alumni' });
		const alumni = await clientFor(app, 'alumni');
		expect((await alumni.action(`/jobs/${id}?/apply`, { note: '' })).status).toBe(400);
		expect((await alumni.action(`/jobs/${id}?/apply`, { note: 'I would love to come back.' })).type).toBe('success');
		expect((await alumni.action(`/jobs/${id}?/apply`, { note: 'Again' })).type).toBe('success');
		const rows = await app.db.select().from(vacancyApplication).where(eq(vacancyApplication.vacancyId, id));
		expect(rows.map((row) => row.note)).toEqual(['I would love to come back.']);
		expect(await (await (await clientFor(app, 'hr')).get(`/jobs/${id}`)).text()).toContain('I would love to come back.');
		// HR's list counts the responses; others see no counts.
		expect(await (await (await clientFor(app, 'hr')).get('/jobs')).text()).toMatch(/1 applied, 0 referred/);
		expect(await (await (await clientFor(app, 'employee')).get('/jobs')).text()).not.toMatch(/ applied, \d+ referred/);
		// Applications are for HR's eyes: another employee does not see them.
		expect(await (await (await clientFor(app, 'employee')).get(`/jobs/${id}`)).text()).not.toContain('I would love to come back.');
	});
});

describe('referrals', () => {
	it('refuses bad input next to each field and writes nothing', async () => {
		const id = await postedVacancy();
		const alumni = await clientFor(app, 'alumni');
		const before = await count(referral);
		const bad = await alumni.action(`/jobs/${id}?/refer`, { candidateName: '', candidateEmail: 'not an address', why: '' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['candidateEmail', 'candidateName', 'why']);
		const self = await alumni.action(`/jobs/${id}?/refer`, referralFields({ candidateEmail: demo.alumni }));
		expect(Object.keys(self.data?.errors as object)).toEqual(['candidateEmail']);
		expect(await count(referral)).toBe(before);
	});

	it('keeps the first of two referrals of the same candidate, even at the same moment', async () => {
		const id = await postedVacancy();
		const referrers = await Promise.all([freshPerson('alumni'), freshPerson('employee'), freshPerson('alumni'), freshPerson('employee')]);
		const candidateEmail = freshEmail('wanted');
		const results = await Promise.all(referrers.map(({ client }, index) => client.action(`/jobs/${id}?/refer`, referralFields({ candidateEmail: index % 2 ? candidateEmail.toUpperCase() : candidateEmail }))));
		expect(results.filter((result) => result.type === 'success')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(3);
		expect(await app.db.select().from(referral).where(and(eq(referral.vacancyId, id), eq(referral.candidateEmail, candidateEmail)))).toHaveLength(1);
		// The same candidate may still be referred for another job.
		const other = await postedVacancy();
		expect((await referrers[1]!.client.action(`/jobs/${other}?/refer`, referralFields({ candidateEmail }))).type).toBe('success');
	});

	it('limits how many referrals one person makes in an hour', async () => {
		const id = await postedVacancy();
		const { client, person: referrer } = await freshPerson('employee');
		for (let index = 0; index < referralLimit.max; index++) expect((await client.action(`/jobs/${id}?/refer`, referralFields())).type).toBe('success');
		const refused = await client.action(`/jobs/${id}?/refer`, referralFields());
		expect(refused.status).toBe(429);
		expect(await app.db.select().from(referral).where(eq(referral.referrerId, referrer.id))).toHaveLength(referralLimit.max);
	});

	it('shows a referrer their own referrals only, and HR all of them', async () => {
		const id = await postedVacancy();
		const mine = await freshPerson('alumni');
		const theirs = await freshPerson('employee');
		await mine.client.action(`/jobs/${id}?/refer`, referralFields({ candidateName: 'Mine Candidate' }));
		await theirs.client.action(`/jobs/${id}?/refer`, referralFields({ candidateName: 'Theirs Candidate' }));
		const own = await (await mine.client.get('/jobs/referrals')).text();
		expect(own).toContain('Mine Candidate');
		expect(own).not.toContain('Theirs Candidate');
		const ledger = await (await (await clientFor(app, 'hr')).get('/jobs/referrals')).text();
		expect(ledger).toContain('Mine Candidate');
		expect(ledger).toContain('Theirs Candidate');
		// Referrers cannot move their own referrals on.
		const [row] = await app.db.select().from(referral).where(eq(referral.candidateName, 'Mine Candidate'));
		expect((await mine.client.action('/jobs/referrals?/move', { id: row!.id, from: 'submitted', to: 'in_process' })).status).toBe(403);
	});
});

describe('the referral ledger', () => {
	async function freshReferral() {
		const id = await postedVacancy({ title: `Ledger role ${++counter}` });
		const referrer = await freshPerson('alumni', { locale: 'en' });
		const result = await referrer.client.action(`/jobs/${id}?/refer`, referralFields({ candidateName: `Candidate ${++counter}` }));
		expect(result.type).toBe('success');
		const [row] = await app.db.select().from(referral).where(eq(referral.referrerId, referrer.person.id));
		return { referral: row!, referrer: referrer.person };
	}

	it("pages a referrer's ledger newest first: the second page holds the twenty after the first", async () => {
		const id = await postedVacancy({ title: `Ledger paging ${++counter}` });
		const referrer = await freshPerson('alumni');
		const start = Date.parse('2026-01-01T09:00:00Z');
		await app.db.insert(referral).values(
			Array.from({ length: 25 }, (_, index) => ({
				vacancyId: id,
				referrerId: referrer.person.id,
				candidateName: `Paged candidate ${index}`,
				candidateEmail: freshEmail('paged'),
				why: 'Worked together.',
				createdAt: new Date(start + index * 60_000)
			}))
		);
		const listed = async (path: string) => [...(await (await referrer.client.get(path)).text()).matchAll(/<th scope="row">(Paged candidate \d+)/g)].map((match) => match[1]);
		const newestFirst = Array.from({ length: 25 }, (_, index) => `Paged candidate ${24 - index}`);
		expect(await listed('/jobs/referrals')).toEqual(newestFirst.slice(0, 20));
		expect(await listed('/jobs/referrals?page=2')).toEqual(newestFirst.slice(20));
	});

	it('moves submitted → in process → hired, thanks the referrer by email and audits each step', async () => {
		const { referral: row, referrer } = await freshReferral();
		const hr = await clientFor(app, 'hr');
		expect((await hr.action('/jobs/referrals?/move', { id: row.id, from: 'submitted', to: 'hired' })).status).toBe(409);
		expect((await hr.action('/jobs/referrals?/move', { id: row.id, from: 'submitted', to: 'in_process' })).type).toBe('success');
		expect(await latestEmail(app.db, referrer.email)).toBeNull();
		expect((await hr.action('/jobs/referrals?/move', { id: row.id, from: 'in_process', to: 'hired' })).type).toBe('success');
		const [after] = await app.db.select().from(referral).where(eq(referral.id, row.id));
		expect(after!.status).toBe('hired');
		const email = await latestEmail(app.db, referrer.email);
		expect(email?.purpose).toBe('referral_hired');
		expect(email?.bodyText).toContain(row.candidateName);
		expect(email?.link).toContain('/jobs/referrals');
		// In the order they were written: without an order PostgreSQL may return them either way round.
		const audited = await app.db
			.select({ details: auditEvent.details })
			.from(auditEvent)
			.where(and(eq(auditEvent.targetId, row.id), eq(auditEvent.action, 'vacancies.referral_moved')))
			.orderBy(asc(auditEvent.id));
		expect(audited.map((entry) => entry.details)).toEqual([
			{ from: 'submitted', to: 'in_process' },
			{ from: 'in_process', to: 'hired' }
		]);
		// Final: nothing moves a hire on, and the referrer sees where it stands.
		expect((await hr.action('/jobs/referrals?/move', { id: row.id, from: 'hired', to: 'not_hired' })).status).toBe(409);
		expect(await (await (await clientForPerson(app, referrer.id)).get('/jobs/referrals')).text()).toContain('Hired');
	});

	it('lets only one of two parallel moves win; the other is told the status changed', async () => {
		const { referral: row, referrer } = await freshReferral();
		const hr = await clientFor(app, 'hr');
		const results = await Promise.all([
			hr.action('/jobs/referrals?/move', { id: row.id, from: 'submitted', to: 'in_process' }),
			hr.action('/jobs/referrals?/move', { id: row.id, from: 'submitted', to: 'not_hired' }),
			hr.action('/jobs/referrals?/move', { id: row.id, from: 'submitted', to: 'in_process' })
		]);
		expect(results.filter((result) => result.type === 'success')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(2);
		const moves = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, row.id), eq(auditEvent.action, 'vacancies.referral_moved')));
		expect(moves).toHaveLength(1);
		// And two parallel hires thank the referrer once.
		await app.db.update(referral).set({ status: 'in_process' }).where(eq(referral.id, row.id));
		await Promise.all([0, 1, 2].map(() => hr.action('/jobs/referrals?/move', { id: row.id, from: 'in_process', to: 'hired' })));
		const thanks = await app.db.select().from(outboxEmail).where(and(eq(outboxEmail.toAddress, referrer.email), eq(outboxEmail.purpose, 'referral_hired')));
		expect(thanks).toHaveLength(1);
	});
});

describe('boomerang rehire', () => {
	async function freshAlumnus() {
		const [unit] = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
		const { person: alumnus } = await freshPerson('alumni', { startedOn: '2018-03-01', leftOn: '2024-06-30', unitId: unit!.id });
		await app.db.insert(alumniProfile).values({ personId: alumnus.id, currentEmployer: 'Mollie', consentedAt: new Date(), consentVersion: '2026-11' });
		await app.db.insert(offboarding).values({ personId: alumnus.id, lastDay: '2024-06-30', reason: 'new_job', rehireEligible: true, personalEmail: freshEmail('home'), status: 'completed' });
		return alumnus;
	}

	it("points HR from an alumnus's admin page to their rehire form; not for employees, nor for admins without HR", async () => {
		const alumnus = await freshAlumnus();
		const link = `href="/admin/alumni?q=${encodeURIComponent(alumnus.name).replaceAll('%20', '+')}"`;
		const hr = await clientFor(app, 'hr');
		expect(await (await hr.get(`/admin/people/${alumnus.id}`)).text()).toContain(link);
		// The link's search lists them, with their rehire form.
		expect(await (await hr.get(`/admin/alumni?q=${encodeURIComponent(alumnus.name)}`)).text()).toContain(`Rehire ${alumnus.name}`);
		expect(await (await (await clientFor(app, 'admin')).get(`/admin/people/${alumnus.id}`)).text()).not.toContain('href="/admin/alumni?');
		const { id: employeeId } = await personByEmail(app.db, demo.employee);
		expect(await (await hr.get(`/admin/people/${employeeId}`)).text()).not.toContain('href="/admin/alumni?');
	});

	it('makes the same account an employee again and keeps the history', async () => {
		const alumnus = await freshAlumnus();
		const [unit] = await app.db.select({ id: orgUnit.id, leadId: orgUnit.leadId }).from(orgUnit).where(eq(orgUnit.name, 'Data & AI'));
		const hr = await clientFor(app, 'hr');
		const result = await hr.action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2026-01-05' });
		expect(result.type, JSON.stringify(result.data)).toBe('redirect');
		const [after] = await app.db.select().from(person).where(eq(person.id, alumnus.id));
		expect([after!.id, after!.kind, after!.unitId, after!.managerId, after!.startedOn, after!.leftOn, after!.email]).toEqual([alumnus.id, 'employee', unit!.id, unit!.leadId, '2026-01-05', null, alumnus.email]);
		const [period] = await app.db.select().from(rehire).where(eq(rehire.personId, alumnus.id));
		expect([period!.previousStartedOn, period!.previousLeftOn, period!.rehiredOn, period!.unitId]).toEqual(['2018-03-01', '2024-06-30', '2026-01-05', unit!.id]);
		// Their alumni data and the offboarding that made them one stay.
		expect(await app.db.select({ employer: alumniProfile.currentEmployer }).from(alumniProfile).where(eq(alumniProfile.personId, alumnus.id))).toEqual([{ employer: 'Mollie' }]);
		expect(await app.db.select({ status: offboarding.status }).from(offboarding).where(eq(offboarding.personId, alumnus.id))).toEqual([{ status: 'completed' }]);
		const audited = await app.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.targetId, alumnus.id));
		expect(audited.map((row) => row.action).sort()).toEqual(['alumni.rehired', 'person.kind_changed']);
		// An employee again: colleague pages open, the alumni home closes; and not listed as an alumnus.
		const client = await clientForPerson(app, alumnus.id);
		expect((await client.get('/people')).status).toBe(200);
		expect((await client.get('/alumni')).status).toBe(403);
		// A second rehire of the same person is refused: they are no longer an alumnus.
		const again = await hr.action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2026-01-06' });
		expect(again.status).toBe(400);
		expect(await app.db.select().from(rehire).where(eq(rehire.personId, alumnus.id))).toHaveLength(1);
	});

	it('records one boomerang when two rehires of the same alumnus cross', async () => {
		const alumnus = await freshAlumnus();
		const [unit] = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, 'Service Desk'));
		const hr = await clientFor(app, 'hr');
		const results = await Promise.all([0, 1, 2].map(() => hr.action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2025-09-01' })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(await app.db.select().from(rehire).where(eq(rehire.personId, alumnus.id))).toHaveLength(1);
	});

	it('refuses bad input next to each field, and non-HR, writing nothing', async () => {
		const alumnus = await freshAlumnus();
		const [unit] = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, 'Service Desk'));
		const hr = await clientFor(app, 'hr');
		const before = await count(rehire);
		const bad = await hr.action('/admin/alumni?/rehire', { personId: 'x', unitId: '', rehiredOn: 'soon' });
		expect(Object.keys(bad.data?.errors as object).sort()).toEqual(['personId', 'rehiredOn', 'unitId']);
		const early = await hr.action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2024-06-01' });
		expect(Object.keys(early.data?.errors as object)).toEqual(['rehiredOn']);
		const future = await hr.action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2099-01-01' });
		expect(Object.keys(future.data?.errors as object)).toEqual(['rehiredOn']);
		const employee = await personByEmail(app.db, demo.employee);
		const notAlumnus = await hr.action('/admin/alumni?/rehire', { personId: employee.id, unitId: unit!.id, rehiredOn: '2025-01-01' });
		expect(Object.keys(notAlumnus.data?.errors as object)).toEqual(['personId']);
		for (const role of ['admin', 'manager', 'employee', 'alumni'] as const) {
			expect((await (await clientFor(app, role)).action('/admin/alumni?/rehire', { personId: alumnus.id, unitId: unit!.id, rehiredOn: '2025-01-01' })).status, role).toBe(403);
		}
		expect(await count(rehire)).toBe(before);
		const [still] = await app.db.select({ kind: person.kind }).from(person).where(eq(person.id, alumnus.id));
		expect(still!.kind).toBe('alumni');
	});
});

describe('alumni insights', () => {
	it('counts an alumnus as active after a referral, and their place at a network event', async () => {
		const before = await alumniInsights();
		const { person: alumnus } = await freshPerson('alumni');
		const idle = await alumniInsights();
		expect([idle.members, idle.active]).toEqual([before.members + 1, before.active]);
		await app.db.insert(referral).values({ vacancyId: await postedVacancy(), referrerId: alumnus.id, candidateName: 'Active Candidate', candidateEmail: freshEmail('active'), why: 'Fits' });
		const [gathering] = await app.db
			.insert(event)
			.values({ title: `Insights evening ${++counter}`, startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000), timeZone: 'Europe/Amsterdam', place: 'Office', audience: 'both' })
			.returning({ id: event.id, title: event.title });
		await app.db.insert(eventRsvp).values({ eventId: gathering!.id, personId: alumnus.id, status: 'going' });
		const after = await alumniInsights();
		expect(after.active).toBe(before.active + 1);
		expect(after.events.find((item) => item.id === gathering!.id)).toMatchObject({ title: gathering!.title, alumni: 1, employees: 0 });
	});

	it('counts members, consent, referrals and boomerangs as the tables hold them', async () => {
		const insights = await alumniInsights();
		const [members] = await app.db
			.select({ all: sql<number>`count(*)::int`, consented: sql<number>`count(${alumniProfile.consentedAt})::int` })
			.from(person)
			.leftJoin(alumniProfile, eq(alumniProfile.personId, person.id))
			.where(and(eq(person.kind, 'alumni'), sql`${person.status} <> 'deactivated'`));
		expect([insights.members, insights.consented]).toEqual([members!.all, members!.consented]);
		const [hired] = await app.db.select({ count: sql<number>`count(*)::int` }).from(referral).where(eq(referral.status, 'hired'));
		expect(insights.referrals.hired).toBe(hired!.count);
		expect(insights.boomerangs).toBe(await count(rehire));
		expect(insights.medianGapDays).toBeGreaterThan(0);
		const page = await (await clientFor(app, 'hr')).get('/insights/alumni');
		expect(page.status).toBe(200);
		for (const role of ['admin', 'manager', 'employee', 'alumni', 'partner'] as const) expect((await (await clientFor(app, role)).get('/insights/alumni')).status, role).toBe(403);
	});
});
