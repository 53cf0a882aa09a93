import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, latestEmail, personByEmail } from '../support/fixtures';
import { growthPlan, mentorOffer, mentorOfferSkill, mentorship, person, personSkill, planShare, skill } from '../../src/lib/server/db/schema';

// Its own database: these tests ask mentors and change capacities.
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

async function newEmployee(name: string) {
	const [created] = await app.db.insert(person).values({ email: freshEmail('mentoring'), name, kind: 'employee', status: 'active' }).returning({ id: person.id });
	return created!.id;
}

async function skillId(name: string) {
	const [row] = await app.db.select({ id: skill.id }).from(skill).where(eq(skill.name, name));
	return row!.id;
}

/** Someone who offers a skill at a level, for `capacity` mentees at once. */
async function mentorOffering(name: string, skillName: string, level: number, capacity: number) {
	const id = await newEmployee(name);
	await app.db.insert(mentorOffer).values({ personId: id, capacity, note: 'Ask me' });
	await app.db.insert(mentorOfferSkill).values({ personId: id, skillId: await skillId(skillName), proficiency: level });
	return id;
}

describe('mentoring', () => {
	it('suggests mentors for the largest gaps of my track target, with the reason', async () => {
		const html = await (await (await clientFor(app, 'employee')).get('/growth/mentors')).text();
		// The demo employee aims at Senior engineer (architecture 3) and rates herself 1: a gap of 2.
		expect(html).toContain('offers Software architecture at 5; your gap is 2');
	});

	it('leaves out mentors at or below my level, full mentors, paused offers and myself', async () => {
		const eva = await personByEmail(app.db, demo.employee);
		await mentorOffering('Low Level', 'Software architecture', 1, 2);
		await mentorOffering('Good Mentor', 'Software architecture', 4, 1);
		const full = await mentorOffering('Full Mentor', 'Software architecture', 5, 1);
		await app.db.insert(mentorship).values({ mentorId: full, menteeId: await newEmployee('Taken Place'), status: 'accepted' });
		const paused = await mentorOffering('Paused Mentor', 'Software architecture', 5, 2);
		await app.db.update(mentorOffer).set({ active: false }).where(eq(mentorOffer.personId, paused));
		await app.db.insert(mentorOffer).values({ personId: eva.id, capacity: 1 });
		await app.db.insert(mentorOfferSkill).values({ personId: eva.id, skillId: await skillId('Software architecture'), proficiency: 5 });
		const html = await (await (await clientFor(app, 'employee')).get('/growth/mentors')).text();
		for (const name of ['Low Level', 'Full Mentor', 'Paused Mentor']) expect(html).not.toContain(name);
		expect(html).toContain('Good Mentor');
		expect(html).not.toMatch(new RegExp(`<h3 id="mentor-${eva.id}"`));
	});

	it('request, email, accept; then the plan can be shared with the mentor; a second request is refused', async () => {
		const mentorId = await mentorOffering('Mentor Accepting', 'Observability', 5, 2);
		const mentor = await clientForPerson(app, mentorId);
		const employee = await clientFor(app, 'employee');
		const asked = await employee.action('/growth/mentors?/request', { mentorId, skillId: await skillId('Observability'), message: 'Could you help me?' });
		expect(asked.type).toBe('redirect');
		const [mentorRow] = await app.db.select().from(person).where(eq(person.id, mentorId));
		expect((await latestEmail(app.db, mentorRow!.email))?.subject).toContain('asks you to be their mentor');
		const again = await employee.action('/growth/mentors?/request', { mentorId, skillId: '', message: '' });
		expect(again.status).toBe(409);
		const [request] = await app.db.select().from(mentorship).where(eq(mentorship.mentorId, mentorId));
		// Only the mentor answers.
		expect((await employee.action('/growth/mentors?/accept', { mentorshipId: request!.id })).status).toBe(404);
		expect((await mentor.action('/growth/mentors?/accept', { mentorshipId: request!.id })).type).toBe('redirect');
		const eva = await personByEmail(app.db, demo.employee);
		const [plan] = await app.db.select().from(growthPlan).where(eq(growthPlan.ownerId, eva.id)).limit(1);
		expect((await employee.action(`/growth/plans/${plan!.id}?/share`, { personId: mentorId })).type).toBe('redirect');
		expect((await mentor.get(`/growth/plans/${plan!.id}`)).status).toBe(200);
		// Shared notes: the two of them, nobody else.
		expect((await mentor.action(`/growth/mentors/${request!.id}?/note`, { body: 'Welcome!' })).type).toBe('redirect');
		expect(await (await employee.get(`/growth/mentors/${request!.id}`)).text()).toContain('Welcome!');
		for (const role of ['manager', 'hr'] as const) expect((await (await clientFor(app, role)).get(`/growth/mentors/${request!.id}`)).status).toBe(404);
		await app.db.delete(planShare).where(and(eq(planShare.planId, plan!.id), eq(planShare.personId, mentorId)));
	});

	it('offers only skills assessed at 3 or more, at that level', async () => {
		const eva = await personByEmail(app.db, demo.employee);
		const [strong] = await app.db.select().from(personSkill).where(and(eq(personSkill.personId, eva.id), sql`${personSkill.proficiency} >= 3`)).limit(1);
		const [weak] = await app.db.select().from(personSkill).where(and(eq(personSkill.personId, eva.id), sql`${personSkill.proficiency} < 3`)).limit(1);
		const employee = await clientFor(app, 'employee');
		const refused = await employee.action('/growth/mentors?/offer', { _form: 'offer', skillIds: weak!.skillId, capacity: '2', note: '', active: 'on' });
		expect(refused.type).toBe('failure');
		const badCapacity = await employee.action('/growth/mentors?/offer', { _form: 'offer', skillIds: strong!.skillId, capacity: '0', note: '', active: 'on' });
		expect(badCapacity.type).toBe('failure');
		expect((await employee.action('/growth/mentors?/offer', { _form: 'offer', skillIds: [strong!.skillId, weak!.skillId], capacity: '2', note: 'Hi', active: 'on' })).type).toBe('redirect');
		const offered = await app.db.select().from(mentorOfferSkill).where(eq(mentorOfferSkill.personId, eva.id));
		expect(offered.map((row) => [row.skillId, row.proficiency])).toEqual([[strong!.skillId, strong!.proficiency]]);
	});

	it('capacity holds when a mentor accepts several requests at once', async () => {
		const mentorId = await mentorOffering('Busy Mentor', 'Kubernetes', 5, 2);
		const requests = [];
		for (let index = 0; index < 5; index++) {
			const [row] = await app.db
				.insert(mentorship)
				.values({ mentorId, menteeId: await newEmployee(`Mentee ${index}`) })
				.returning({ id: mentorship.id });
			requests.push(row!.id);
		}
		const clients = await Promise.all(requests.map(() => clientForPerson(app, mentorId)));
		const results = await Promise.all(requests.map((id, index) => clients[index]!.action('/growth/mentors?/accept', { mentorshipId: id })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(2);
		expect(results.filter((result) => result.status === 409)).toHaveLength(3);
		const [accepted] = await app.db.select({ count: sql<number>`count(*)::int` }).from(mentorship).where(and(eq(mentorship.mentorId, mentorId), eq(mentorship.status, 'accepted')));
		expect(accepted!.count).toBe(2);
	});
});
