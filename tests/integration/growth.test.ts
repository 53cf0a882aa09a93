import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { careerTrack, growthPlan, levelSkill, person, personSkill, planComment, planGoal, planShare, skill, skillProposal, trackLevel } from '../../src/lib/server/db/schema';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const count = async (table: typeof skill | typeof growthPlan | typeof planGoal | typeof planComment | typeof trackLevel) =>
	(await app.db.select({ count: sql<number>`count(*)::int` }).from(table))[0]!.count;

async function seniorLevel() {
	const [level] = await app.db
		.select({ id: trackLevel.id })
		.from(trackLevel)
		.innerJoin(careerTrack, eq(careerTrack.id, trackLevel.trackId))
		.where(and(eq(careerTrack.name, 'Engineering craft'), eq(trackLevel.rank, 3)));
	return level!.id;
}

/** A fresh plan of the demo employee's, through the form; shared with their manager when asked. */
async function employeePlan(title: string, { shared = false } = {}) {
	const employee = await clientFor(app, 'employee');
	const created = await employee.action('/growth/plans/new', { title, ambition: 'Grow', targetLevelId: await seniorLevel(), targetText: '', horizon: '2027-12-31' });
	expect(created.type).toBe('redirect');
	const id = created.location!.split('/').at(-1)!;
	if (shared) {
		const manager = await personByEmail(app.db, demo.manager);
		expect((await employee.action(`/growth/plans/${id}?/share`, { personId: manager.id })).type).toBe('redirect');
	}
	return { id, employee };
}

describe('demo framework', () => {
	it('has three tracks, about sixty skills, and plans for about 40% of employees', async () => {
		expect(await app.db.select().from(careerTrack)).toHaveLength(3);
		expect(await count(skill)).toBeGreaterThanOrEqual(55);
		const [owners] = await app.db.select({ count: sql<number>`count(distinct ${growthPlan.ownerId})::int` }).from(growthPlan);
		const [employees] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person).where(and(eq(person.kind, 'employee'), eq(person.status, 'active')));
		const share = owners!.count / employees!.count;
		expect(share).toBeGreaterThan(0.3);
		expect(share).toBeLessThan(0.5);
		const eva = await personByEmail(app.db, demo.employee);
		const manager = await personByEmail(app.db, demo.manager);
		const shared = await app.db
			.select({ id: growthPlan.id })
			.from(growthPlan)
			.innerJoin(planShare, eq(planShare.planId, growthPlan.id))
			.where(and(eq(growthPlan.ownerId, eva.id), eq(planShare.personId, manager.id)));
		expect(shared).toHaveLength(1);
	});
});

describe('self-assessment on the profile', () => {
	it('shows my own assessment on my profile, and nobody else sees it there', async () => {
		const eva = await personByEmail(app.db, demo.employee);
		const own = await (await (await clientFor(app, 'employee')).get(`/people/${eva.id}`)).text();
		expect(own).toContain('Kubernetes: 4');
		const colleague = await (await (await clientFor(app, 'manager')).get(`/people/${eva.id}`)).text();
		expect(colleague).not.toContain('Kubernetes: 4');
	});
});

describe('skills framework (HR)', () => {
	it('adds a skill, refuses a duplicate name (any case) without writing', async () => {
		const hr = await clientFor(app, 'hr');
		const added = await hr.action('/admin/growth?/createSkill', { name: 'Rust', category: 'Software development', description: 'Systems programming.' });
		expect(added.type).toBe('redirect');
		const before = await count(skill);
		const duplicate = await hr.action('/admin/growth?/createSkill', { name: 'rust', category: 'Other', description: '' });
		expect(duplicate.type).toBe('failure');
		expect((duplicate.data as { errors: Record<string, string> }).errors.name).toMatch(/already in use/);
		expect(await count(skill)).toBe(before);
	});

	it('builds a track: levels in order, expectations set and changed', async () => {
		const hr = await clientFor(app, 'hr');
		const created = await hr.action('/admin/growth?/createTrack', { name: 'Data craft', kind: 'craft', description: '' });
		const trackId = created.location!.split('/').at(-1)!;
		for (const title of ['Data engineer', 'Senior data engineer']) expect((await hr.action(`/admin/growth/tracks/${trackId}?/addLevel`, { title, summary: '' })).type).toBe('redirect');
		const levels = await app.db.select().from(trackLevel).where(eq(trackLevel.trackId, trackId)).orderBy(trackLevel.rank);
		expect(levels.map((level) => [level.rank, level.title])).toEqual([
			[1, 'Data engineer'],
			[2, 'Senior data engineer']
		]);
		const [sqlSkill] = await app.db.select().from(skill).where(eq(skill.name, 'SQL'));
		for (const proficiency of ['3', '4'])
			expect((await hr.action(`/admin/growth/tracks/${trackId}?/expect`, { levelId: levels[1]!.id, skillId: sqlSkill!.id, proficiency })).type).toBe('redirect');
		const expectations = await app.db.select().from(levelSkill).where(eq(levelSkill.levelId, levels[1]!.id));
		expect(expectations.map((row) => row.proficiency)).toEqual([4]);
		const outOfScale = await hr.action(`/admin/growth/tracks/${trackId}?/expect`, { levelId: levels[1]!.id, skillId: sqlSkill!.id, proficiency: '6' });
		expect(outOfScale.type).toBe('failure');
		// A level of another track is not this track's.
		const foreign = await hr.action(`/admin/growth/tracks/${trackId}?/expect`, { levelId: await seniorLevel(), skillId: sqlSkill!.id, proficiency: '2' });
		expect(foreign.status).toBe(404);
	});

	it('exports the framework as JSON and imports it elsewhere: known skills reused, existing tracks skipped', async () => {
		const hr = await clientFor(app, 'hr');
		const response = await hr.get('/admin/growth/framework.json');
		expect(response.headers.get('content-disposition')).toContain('kring-framework.json');
		const file = (await response.json()) as { skills: { name: string }[]; tracks: { name: string; levels: { title: string; expects: { skill: string; proficiency: number }[] }[] }[] };
		const craft = file.tracks.find((track) => track.name === 'Engineering craft')!;
		expect(craft.levels[2]!.expects).toContainEqual({ skill: 'Software architecture', proficiency: 3 });
		const upload = (content: string) => {
			const form = new FormData();
			form.set('file', new File([content], 'framework.json', { type: 'application/json' }));
			return hr.action('/admin/growth?/import', form);
		};
		const renamed = { ...file, skills: [...file.skills, { name: 'Gardening', category: 'Other', description: '' }], tracks: [{ ...craft, name: 'Imported craft' }, ...file.tracks] };
		expect((await upload(JSON.stringify(renamed))).type).toBe('redirect');
		expect(await app.db.select().from(skill).where(eq(skill.name, 'Gardening'))).toHaveLength(1);
		const [imported] = await app.db.select().from(careerTrack).where(eq(careerTrack.name, 'Imported craft'));
		const levels = await app.db.select().from(trackLevel).where(eq(trackLevel.trackId, imported!.id)).orderBy(trackLevel.rank);
		expect(levels.map((level) => level.title)).toEqual(craft.levels.map((level) => level.title));
		const expected = await app.db.select().from(levelSkill).where(eq(levelSkill.levelId, levels[2]!.id));
		expect(expected).toHaveLength(craft.levels[2]!.expects.length);
		// Nothing is written for a file that is not one, or that expects a skill it does not list.
		const tracksBefore = (await app.db.select().from(careerTrack)).length;
		const skillsBefore = await count(skill);
		expect((await upload('{not json')).type).toBe('failure');
		const broken = { ...file, skills: [{ name: 'Brand new', category: 'Other', description: '' }], tracks: [{ name: 'Broken', kind: 'craft', description: '', levels: [{ title: 'One', summary: '', expects: [{ skill: 'No such skill', proficiency: 2 }] }] }] };
		const refused = await upload(JSON.stringify(broken));
		expect((refused.data as { errors: Record<string, string> }).errors.file).toContain('No such skill');
		expect((await app.db.select().from(careerTrack)).length).toBe(tracksBefore);
		expect(await count(skill)).toBe(skillsBefore);
	});

	it('an employee proposes a skill; HR accepts, merges or declines, and the first decision wins', async () => {
		const employee = await clientFor(app, 'employee');
		expect((await employee.action('/growth/skills?/propose', { name: 'kubernetes', category: 'Cloud', description: '' })).type).toBe('failure');
		for (const name of ['Go', 'Golang', 'Cobol']) expect((await employee.action('/growth/skills?/propose', { name, category: 'Software development', description: '' })).type).toBe('redirect');
		const proposals = await app.db.select().from(skillProposal);
		const id = (name: string) => proposals.find((row) => row.name === name)!.id;
		const hr = await clientFor(app, 'hr');
		// Two HR people decide the same proposal at once: one wins, the other is told it is decided.
		const [a, b] = await Promise.all([hr.action('/admin/growth?/acceptProposal', { proposalId: id('Go') }), (await clientFor(app, 'admin')).action('/admin/growth?/declineProposal', { proposalId: id('Go') })]);
		expect([a.type, b.type].sort()).toEqual(['failure', 'redirect']);
		expect([a.status, b.status]).toContain(409);
		const [go] = await app.db.select().from(skillProposal).where(eq(skillProposal.id, id('Go')));
		if (go!.status === 'accepted') expect(await app.db.select().from(skill).where(eq(skill.name, 'Go'))).toHaveLength(1);
		else expect(go!.status).toBe('declined');
		const [goSkill] = await app.db.select().from(skill).where(eq(skill.name, 'SQL'));
		expect((await hr.action('/admin/growth?/mergeProposal', { proposalId: id('Golang'), skillId: goSkill!.id })).type).toBe('redirect');
		expect((await hr.action('/admin/growth?/declineProposal', { proposalId: id('Cobol') })).type).toBe('redirect');
		const html = await (await employee.get('/growth/skills')).text();
		expect(html).toContain('merged into');
		expect(html).toContain('declined');
	});

	it('compares two levels side by side', async () => {
		const [a, b] = await app.db
			.select({ id: trackLevel.id })
			.from(trackLevel)
			.innerJoin(careerTrack, eq(careerTrack.id, trackLevel.trackId))
			.where(eq(careerTrack.name, 'Engineering craft'))
			.orderBy(trackLevel.rank)
			.limit(2);
		const html = await (await (await clientFor(app, 'employee')).get(`/growth/tracks?a=${a!.id}&b=${b!.id}`)).text();
		expect(html).toContain('What Engineering craft · Engineer and Engineering craft · Medior engineer expect');
		expect(html).toContain('Kubernetes');
	});
});

describe('growth plans are private', () => {
	it('creates a plan with a track target and shows the gap analysis from the self-assessment', async () => {
		const { id, employee } = await employeePlan('Gap check');
		const [architecture] = await app.db.select().from(skill).where(eq(skill.name, 'Software architecture'));
		const eva = await personByEmail(app.db, demo.employee);
		const saved = await employee.action('/growth/skills?/save', { [`level.${architecture!.id}`]: '2', [`grow.${architecture!.id}`]: 'on' });
		expect(saved.type).toBe('redirect');
		const [row] = await app.db.select().from(personSkill).where(and(eq(personSkill.personId, eva.id), eq(personSkill.skillId, architecture!.id)));
		expect(row).toMatchObject({ proficiency: 2, wantToGrow: true });
		// Saving replaces the assessment: skills left out are no longer assessed.
		expect(await app.db.select().from(personSkill).where(eq(personSkill.personId, eva.id))).toHaveLength(1);
		const html = await (await employee.get(`/growth/plans/${id}`)).text();
		expect(html).toContain('Gap analysis');
		expect(html).toMatch(/<th scope="row">Software architecture<\/th><td>2<\/td><td>3<\/td><td>1<\/td>/);
	});

	it('refuses a plan without any target, writing nothing', async () => {
		const before = await count(growthPlan);
		const employee = await clientFor(app, 'employee');
		const refused = await employee.action('/growth/plans/new', { title: 'Vague', ambition: '', targetLevelId: '', targetText: '', horizon: '' });
		expect(refused.type).toBe('failure');
		expect((refused.data as { errors: Record<string, string> }).errors.targetText).toBeTruthy();
		const badDate = await employee.action('/growth/plans/new', { title: 'Dated', ambition: '', targetLevelId: '', targetText: 'Lead', horizon: '31-12-2027' });
		expect((badDate.data as { errors: Record<string, string> }).errors.horizon).toBeTruthy();
		expect(await count(growthPlan)).toBe(before);
	});

	it('an unshared plan is 404 for HR, admins, the manager, colleagues, alumni and partners, and counts nowhere', async () => {
		const { id } = await employeePlan('Secret ambition');
		for (const role of ['hr', 'admin', 'manager', 'alumni'] as const) {
			const client = await clientFor(app, role);
			expect((await client.get(`/growth/plans/${id}`)).status, role).toBe(404);
			expect((await client.action(`/growth/plans/${id}?/comment`, { body: 'Peek' })).status, role).toBe(404);
			expect(await (await client.get('/growth')).text(), role).not.toContain('Secret ambition');
		}
		expect((await (await clientFor(app, 'partner')).get(`/growth/plans/${id}`)).status).toBe(403);
		const hrPage = await (await (await clientFor(app, 'hr')).get('/admin/growth')).text();
		expect(hrPage).not.toContain('Secret ambition');
		// HR's totals count the plan without naming it.
		const [totals] = await app.db.select({ count: sql<number>`count(*)::int` }).from(growthPlan);
		expect(hrPage).toContain(`<dd>${totals!.count}</dd>`);
	});

	it('another employee gets 404 too', async () => {
		const { id } = await employeePlan('Not for colleagues');
		const [colleague] = await app.db.select().from(person).where(and(eq(person.kind, 'employee'), eq(person.status, 'active'), sql`${person.email} like '%.%@noorderlicht.example'`)).limit(1);
		const client = await clientForPerson(app, colleague!.id);
		expect((await client.get(`/growth/plans/${id}`)).status).toBe(404);
	});

	it('pages the plans shared with someone, 25 at a time by owner, while their own stay on every page', async () => {
		const [lead] = await app.db.insert(person).values({ email: freshEmail('lead'), name: 'Paging Lead', kind: 'employee', status: 'active' }).returning({ id: person.id });
		const [ownPlan] = await app.db.insert(growthPlan).values({ ownerId: lead!.id, title: 'My own ambition' }).returning({ id: growthPlan.id });
		const shared: string[] = [];
		for (let index = 1; index <= 30; index++) {
			const [owner] = await app.db.insert(person).values({ email: freshEmail('owner'), name: `Paging Owner ${String(index).padStart(2, '0')}`, kind: 'employee', status: 'active' }).returning({ id: person.id });
			const [plan] = await app.db.insert(growthPlan).values({ ownerId: owner!.id, title: `Shared plan ${index}` }).returning({ id: growthPlan.id });
			await app.db.insert(planShare).values({ planId: plan!.id, personId: lead!.id });
			shared.push(plan!.id);
		}
		const client = await clientForPerson(app, lead!.id);
		const first = await (await client.get('/growth')).text();
		const second = await (await client.get('/growth?page=2')).text();
		for (const page of [first, second]) expect(page).toContain(`/growth/plans/${ownPlan!.id}`);
		expect(shared.filter((id) => first.includes(`/growth/plans/${id}`))).toEqual(shared.slice(0, 25));
		expect(shared.filter((id) => second.includes(`/growth/plans/${id}`))).toEqual(shared.slice(25));
		expect(first).toContain('href="/growth?page=2"');
	});

	it('shared with the manager: they read and comment, never edit; withdrawn, it is gone for them', async () => {
		const { id, employee } = await employeePlan('Shared ambition', { shared: true });
		const manager = await clientFor(app, 'manager');
		const page = await manager.get(`/growth/plans/${id}`);
		expect(page.status).toBe(200);
		expect(await (await manager.get('/growth')).text()).toContain('Shared ambition');
		expect((await manager.action(`/growth/plans/${id}?/comment`, { body: 'Proud of you' })).type).toBe('redirect');
		for (const [action, body] of [
			['save', { title: 'Hijacked', ambition: '', targetLevelId: '', targetText: 'x', horizon: '' }],
			['goal', { title: 'Do my bidding', dueOn: '', parentId: '' }],
			['checkIn', { on: '2026-11-01', progress: '90', note: '' }],
			['delete', {}],
			['unshare', { personId: (await personByEmail(app.db, demo.manager)).id }]
		] as const)
			expect((await manager.action(`/growth/plans/${id}?/${action}`, body)).status, action).toBe(403);
		const [plan] = await app.db.select().from(growthPlan).where(eq(growthPlan.id, id));
		expect(plan!.title).toBe('Shared ambition');
		// HR still sees nothing.
		expect((await (await clientFor(app, 'hr')).get(`/growth/plans/${id}`)).status).toBe(404);
		const managerId = (await personByEmail(app.db, demo.manager)).id;
		expect((await employee.action(`/growth/plans/${id}?/unshare`, { personId: managerId })).type).toBe('redirect');
		expect((await manager.get(`/growth/plans/${id}`)).status).toBe(404);
		expect(await (await manager.get('/growth')).text()).not.toContain('Shared ambition');
		expect((await manager.action(`/growth/plans/${id}?/comment`, { body: 'Still here?' })).status).toBe(404);
	});

	it('shares only with the manager or a mentor', async () => {
		const { id, employee } = await employeePlan('Share check');
		const hr = await personByEmail(app.db, demo.hr);
		const refused = await employee.action(`/growth/plans/${id}?/share`, { personId: hr.id });
		expect(refused.type).toBe('failure');
		expect(await app.db.select().from(planShare).where(eq(planShare.planId, id))).toHaveLength(0);
	});

	it('the owner keeps goals, milestones, check-ins and activities', async () => {
		const { id, employee } = await employeePlan('Busy plan');
		expect((await employee.action(`/growth/plans/${id}?/goal`, { title: 'Lead a design review', dueOn: '2027-03-01', parentId: '' })).type).toBe('redirect');
		const [goal] = await app.db.select().from(planGoal).where(eq(planGoal.planId, id));
		expect((await employee.action(`/growth/plans/${id}?/goal`, { title: 'Pick a system', dueOn: '', parentId: goal!.id })).type).toBe('redirect');
		expect((await employee.action(`/growth/plans/${id}?/goalDone`, { goalId: goal!.id, done: 'true' })).type).toBe('redirect');
		expect((await employee.action(`/growth/plans/${id}?/checkIn`, { on: '2026-11-20', progress: '40', note: 'Going well' })).type).toBe('redirect');
		const refused = await employee.action(`/growth/plans/${id}?/checkIn`, { on: '2026-11-20', progress: '140', note: '' });
		expect(refused.type).toBe('failure');
		expect((await employee.action(`/growth/plans/${id}?/activity`, { kind: 'book', title: 'Team Topologies', plannedHours: '12' })).type).toBe('redirect');
		const html = await (await employee.get(`/growth/plans/${id}`)).text();
		for (const text of ['Lead a design review', 'Pick a system', '40%', 'Team Topologies', '12 hours']) expect(html).toContain(text);
		const goals = await app.db.select().from(planGoal).where(eq(planGoal.planId, id));
		expect(goals.find((row) => row.id === goal!.id)!.doneAt).not.toBeNull();
		// A goal id of another plan is not this plan's.
		const other = await employeePlan('Other plan');
		expect((await employee.action(`/growth/plans/${other.id}?/goalDone`, { goalId: goal!.id, done: 'false' })).type).toBe('failure');
	});
});
