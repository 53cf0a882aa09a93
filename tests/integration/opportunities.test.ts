import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, personByEmail, type DemoRole } from '../support/fixtures';
import { auditEvent, opportunity, opportunityApplication, outboxEmail, person, personSkill, skill } from '../../src/lib/server/db/schema';

// Its own database: these tests post opportunities and apply to them.
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

let counter = 0;
/** A skill of its own, so that what a test posts is the only thing that asks it. */
async function freshSkill(): Promise<string> {
	const [row] = await app.db.insert(skill).values({ name: `Opportunity skill ${Date.now()}-${++counter}`, category: 'Test' }).returning({ id: skill.id });
	return row!.id;
}

function opportunityFields(title: string, audience: string, skillId: string, level = '3') {
	return { kind: 'gig', title, description: '', audience, hoursPerWeek: '4', startsOn: '2027-01-04', endsOn: '', [`level.${skillId}`]: level };
}

/** Posted through the form by `as`; returns its id. */
async function post(as: DemoRole, title: string, audience: string, skillId: string): Promise<string> {
	const result = await (await clientFor(app, as)).action('/opportunities/new', opportunityFields(title, audience, skillId));
	expect(result.type, JSON.stringify(result.data)).toBe('redirect');
	return result.location!.split('/').pop()!;
}

async function assess(email: string, skillId: string, proficiency: number, wantToGrow = false) {
	const { id } = await personByEmail(app.db, email);
	await app.db.insert(personSkill).values({ personId: id, skillId, proficiency, wantToGrow }).onConflictDoNothing();
}

/** Emails queued to an address since a moment, by purpose. */
async function mailSince(to: string, since: Date) {
	const rows = await app.db.select({ purpose: outboxEmail.purpose }).from(outboxEmail).where(and(eq(outboxEmail.toAddress, to), gt(outboxEmail.createdAt, since)));
	return rows.map((row) => row.purpose);
}

describe('the open list', () => {
	it('pages newest first: the second page holds the twenty after the first', async () => {
		const { id: posterId } = await personByEmail(app.db, demo.hr);
		// Newer than anything else here, a minute apart.
		const start = Date.parse('2030-01-01T09:00:00Z');
		await app.db.insert(opportunity).values(
			Array.from({ length: 25 }, (_, index) => ({
				posterId,
				kind: 'gig' as const,
				title: `Paged gig ${index}`,
				audience: 'employees' as const,
				hoursPerWeek: 4,
				startsOn: '2030-02-01',
				createdAt: new Date(start + index * 60_000)
			}))
		);
		const client = await clientFor(app, 'employee');
		const listed = async (path: string) => [...(await (await client.get(path)).text()).matchAll(/<h3 id="opportunity-[\w-]+"><a href="\/opportunities\/[\w-]+">(Paged gig \d+)<\/a>/g)].map((match) => match[1]);
		const newestFirst = Array.from({ length: 25 }, (_, index) => `Paged gig ${24 - index}`);
		expect(await listed('/opportunities')).toEqual(newestFirst.slice(0, 20));
		expect(await listed('/opportunities?page=2')).toEqual(newestFirst.slice(20));
	});
});

describe('audience', () => {
	it('employees, alumni and partners each see only what is posted for them: in the list, its count, the page and the recommendations', async () => {
		const skillId = await freshSkill();
		const marker = `Audience ${Date.now()}`;
		const ids = {
			employees: await post('hr', `${marker} employees`, 'employees', skillId),
			employees_alumni: await post('hr', `${marker} employees and alumni`, 'employees_alumni', skillId),
			partners: await post('hr', `${marker} partners`, 'partners', skillId)
		};
		const sees: Record<'employee' | 'alumni' | 'partner', (keyof typeof ids)[]> = {
			employee: ['employees', 'employees_alumni'],
			alumni: ['employees_alumni'],
			partner: ['partners']
		};
		for (const [role, audiences] of Object.entries(sees) as [keyof typeof sees, (keyof typeof ids)[]][]) {
			await assess(demo[role], skillId, 3);
			const client = await clientFor(app, role);
			const html = await (await client.get('/opportunities?kind=gig')).text();
			const [open] = await app.db
				.select({ count: sql<number>`count(*)::int` })
				.from(opportunity)
				.where(and(eq(opportunity.status, 'open'), eq(opportunity.kind, 'gig'), sql`${opportunity.audience} in (${sql.join(audiences.map((audience) => sql`${audience}`), sql`, `)})`));
			expect(html, role).toMatch(new RegExp(`of ${open!.count}<`));
			const recommended = html.slice(html.indexOf('id="recommended-title"'), html.indexOf('id="open-title"'));
			for (const audience of Object.keys(ids) as (keyof typeof ids)[]) {
				const visible = audiences.includes(audience);
				expect((await client.get(`/opportunities/${ids[audience]}`)).status, `${role} ${audience}`).toBe(visible ? 200 : 404);
				expect(recommended.includes(`/opportunities/${ids[audience]}"`), `${role} recommended ${audience}`).toBe(visible);
			}
		}
		// HR posts for every audience, so sees them all; applying is for the audience alone.
		for (const id of Object.values(ids)) expect((await (await clientFor(app, 'hr')).get(`/opportunities/${id}`)).status).toBe(200);
		expect((await (await clientFor(app, 'alumni')).action(`/opportunities/${ids.employees}?/apply`, { note: '' })).status).toBe(404);
		// Its poster always sees it, counted in the list too, whoever it is for.
		const own = await post('employee', `${marker} mine, for partners`, 'partners', skillId);
		const [employee] = await app.db.select({ id: person.id }).from(person).where(eq(person.email, demo.employee));
		const [theirs] = await app.db
			.select({ count: sql<number>`count(*)::int` })
			.from(opportunity)
			.where(and(eq(opportunity.status, 'open'), eq(opportunity.kind, 'gig'), sql`(${opportunity.audience} in ('employees', 'employees_alumni') or ${opportunity.posterId} = ${employee!.id})`));
		expect(await (await (await clientFor(app, 'employee')).get('/opportunities?kind=gig')).text()).toMatch(new RegExp(`of ${theirs!.count}<`));
		expect((await (await clientFor(app, 'employee')).get(`/opportunities/${own}`)).status).toBe(200);
	});
});

describe('recommendations', () => {
	it('rank by my match and the skills I want to grow, with the reason shown', async () => {
		const [known, wanted] = [await freshSkill(), await freshSkill()];
		await assess(demo.employee, known, 4);
		await assess(demo.employee, wanted, 3, true);
		const [wantedName] = await app.db.select({ name: skill.name }).from(skill).where(eq(skill.id, wanted));
		// Titles early in the alphabet: among the demo's full matches, the name decides.
		const matches = await post('hr', `A match ${Date.now()}`, 'employees', known);
		const grows = await post('hr', `A growth ${Date.now()}`, 'employees', wanted);
		const html = await (await (await clientFor(app, 'employee')).get('/opportunities')).text();
		const recommended = html.slice(html.indexOf('id="recommended-title"'), html.indexOf('id="open-title"'));
		// Both match fully (100); the one growing a skill I want to grow comes first (100 + 10).
		expect(recommended.indexOf(grows)).toBeGreaterThan(-1);
		expect(recommended.indexOf(grows)).toBeLessThan(recommended.indexOf(matches));
		expect(recommended).toContain(`Grows skills you want to grow: ${wantedName!.name}`);
		expect(recommended).toContain('You match 100 %');
	});
});

describe('applying', () => {
	it('is confidential: no email to my manager unless I ask, or I am selected; the poster sees the match explained', async () => {
		const skillId = await freshSkill();
		await assess(demo.employee, skillId, 2);
		const id = await post('hr', `Confidential ${Date.now()}`, 'employees', skillId);
		const since = new Date();
		const employee = await clientFor(app, 'employee');
		expect((await employee.action(`/opportunities/${id}?/apply`, { note: 'I would like this' })).type).toBe('redirect');
		expect(await mailSince(demo.manager, since)).toEqual([]);
		expect(await mailSince(demo.hr, since)).toEqual(['opportunities.applied']);

		// The poster sees the applicant and why: asks 3, at 2.
		const hr = await clientFor(app, 'hr');
		const page = await (await hr.get(`/opportunities/${id}`)).text();
		expect(page).toContain('Eva Jansen matches 67 %');
		expect(page).toContain(': asks 3, at 2: 1 below');
		// The manager cannot find it either.
		expect(await (await (await clientFor(app, 'manager')).get(`/opportunities/${id}`)).text()).not.toContain('I would like this');

		const [application] = await app.db.select().from(opportunityApplication).where(eq(opportunityApplication.opportunityId, id));
		expect((await hr.action(`/opportunities/${id}?/select`, { applicationId: application!.id })).type).toBe('redirect');
		expect(await mailSince(demo.manager, since)).toEqual(['opportunities.selected_manager']);
		expect(await mailSince(demo.employee, since)).toEqual(['opportunities.selected']);
		const [audited] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), eq(auditEvent.action, 'opportunity.applicant_selected')));
		expect(audited?.details).toEqual({ applicantId: (await personByEmail(app.db, demo.employee)).id });
	});

	it('tells my manager when I tick "tell my manager"', async () => {
		const id = await post('hr', `Told ${Date.now()}`, 'employees', await freshSkill());
		const since = new Date();
		expect((await (await clientFor(app, 'employee')).action(`/opportunities/${id}?/apply`, { note: '', tellManager: 'on' })).type).toBe('redirect');
		expect(await mailSince(demo.manager, since)).toEqual(['opportunities.applied_manager']);
	});

	it("an employee's post is told to their manager; HR's is not told to anyone", async () => {
		const since = new Date();
		await post('employee', `Posted by Eva ${Date.now()}`, 'employees', await freshSkill());
		expect(await mailSince(demo.manager, since)).toEqual(['opportunities.posted']);
		const before = await app.db.select({ count: sql<number>`count(*)::int` }).from(outboxEmail).where(gt(outboxEmail.createdAt, since));
		await post('hr', `Posted by HR ${Date.now()}`, 'employees', await freshSkill());
		const after = await app.db.select({ count: sql<number>`count(*)::int` }).from(outboxEmail).where(gt(outboxEmail.createdAt, since));
		expect(after[0]!.count).toBe(before[0]!.count);
	});

	it('once per person, also when the same application is sent several times at once', async () => {
		const id = await post('hr', `Parallel apply ${Date.now()}`, 'employees', await freshSkill());
		const clients = await Promise.all(Array.from({ length: 5 }, () => clientFor(app, 'employee')));
		const results = await Promise.all(clients.map((client) => client.action(`/opportunities/${id}?/apply`, { note: 'Me!' })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(4);
		const rows = await app.db.select().from(opportunityApplication).where(eq(opportunityApplication.opportunityId, id));
		expect(rows).toHaveLength(1);
	});

	it('the first decision wins when select and decline arrive at once; a closed opportunity takes none', async () => {
		const id = await post('manager', `Parallel decide ${Date.now()}`, 'employees', await freshSkill());
		const applicants = await Promise.all(
			[1, 2].map(async (index) => {
				const [row] = await app.db.insert(person).values({ email: freshEmail('applicant'), name: `Applicant ${index}`, kind: 'employee', status: 'active' }).returning({ id: person.id });
				const [application] = await app.db.insert(opportunityApplication).values({ opportunityId: id, applicantId: row!.id }).returning({ id: opportunityApplication.id });
				return application!.id;
			})
		);
		const managerId = (await personByEmail(app.db, demo.manager)).id;
		const clients = await Promise.all(Array.from({ length: 6 }, () => clientForPerson(app, managerId)));
		const results = await Promise.all(clients.map((client, index) => client.action(`/opportunities/${id}?/${index % 2 ? 'decline' : 'select'}`, { applicationId: applicants[0]! })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(5);
		const decisions = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, id), sql`${auditEvent.action} like 'opportunity.applicant_%'`));
		expect(decisions).toHaveLength(1);

		const manager = clients[0]!;
		expect((await manager.action(`/opportunities/${id}?/close`, {})).type).toBe('redirect');
		const refused = await manager.action(`/opportunities/${id}?/select`, { applicationId: applicants[1]! });
		expect(refused.status).toBe(409);
		expect((await (await clientFor(app, 'employee')).action(`/opportunities/${id}?/apply`, { note: '' })).status).toBe(409);
		const [still] = await app.db.select({ status: opportunityApplication.status }).from(opportunityApplication).where(eq(opportunityApplication.id, applicants[1]!));
		expect(still!.status).toBe('applied');
		// Reopened, decisions are possible again.
		expect((await manager.action(`/opportunities/${id}?/reopen`, {})).type).toBe('redirect');
		expect((await manager.action(`/opportunities/${id}?/decline`, { applicationId: applicants[1]! })).type).toBe('redirect');
	});
});
