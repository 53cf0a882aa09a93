import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo } from '../support/fixtures';
import { orgUnit, person } from '../../src/lib/server/db/schema';
import { listUnits } from '../../src/lib/server/org';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

async function unitNamed(name: string) {
	const [unit] = await app.db.select().from(orgUnit).where(eq(orgUnit.name, name));
	if (!unit) throw new Error(`No unit ${name}`);
	return unit;
}

async function createUnit(name: string, parentId: string | null) {
	const hr = await clientFor(app, 'hr');
	const result = await hr.action('/admin/org?/create', { name, parentId: parentId ?? '', leadEmail: '' });
	expect(result.type, JSON.stringify(result.data)).toBe('redirect');
	return unitNamed(name);
}

describe('org tree', () => {
	it('lists the demo tree three levels deep, depth-first, with paths and leads', async () => {
		const units = await listUnits();
		const platform = units.find((unit) => unit.name === 'Platform Team')!;
		expect(platform.path).toBe('Noorderlicht IT Services / Engineering / Platform Team');
		expect(platform.depth).toBe(2);
		expect(platform.leadName).toBe('Maarten de Boer');
		expect(units.every((unit) => unit.leadId)).toBe(true);
		const engineering = units.findIndex((unit) => unit.name === 'Engineering');
		expect(units.findIndex((unit) => unit.name === 'Platform Team')).toBeGreaterThan(engineering);
	});

	it('creates a unit with a lead named by email; the lead counts as a manager', async () => {
		const hr = await clientFor(app, 'hr');
		const engineering = await unitNamed('Engineering');
		const result = await hr.action('/admin/org?/create', { name: 'Quality Guild', parentId: engineering.id, leadEmail: demo.employee });
		expect(result.type).toBe('redirect');
		const unit = await unitNamed('Quality Guild');
		expect(unit.leadId).toBe((await app.db.select().from(person).where(eq(person.email, demo.employee)))[0]!.id);
		const eva = await clientFor(app, 'employee');
		expect(await (await eva.get('/')).text()).toContain('Reporting to you');
	});

	it('refuses a duplicate name among siblings, an unknown lead and an alumnus as lead', async () => {
		const hr = await clientFor(app, 'hr');
		const engineering = await unitNamed('Engineering');
		const duplicate = await hr.action('/admin/org?/create', { name: 'platform team', parentId: engineering.id, leadEmail: '' });
		expect(duplicate.data?.errors).toMatchObject({ name: 'That name is already in use here.' });
		const ghost = await hr.action('/admin/org?/create', { name: 'Ghost Unit', parentId: engineering.id, leadEmail: 'ghost@test.example' });
		expect(ghost.data?.errors).toMatchObject({ leadEmail: 'Nobody has an account with this email address.' });
		const alumni = await hr.action('/admin/org?/create', { name: 'Alumni Unit', parentId: engineering.id, leadEmail: demo.alumni });
		expect(alumni.data?.errors).toMatchObject({ leadEmail: 'Only a current employee can be a manager or lead.' });
		expect((await app.db.select().from(orgUnit).where(eq(orgUnit.name, 'Ghost Unit'))).length).toBe(0);
	});

	it('moves a unit with its branch, and refuses a move under itself or its own sub-unit', async () => {
		const hr = await clientFor(app, 'hr');
		const parent = await createUnit('Move Parent', (await unitNamed('Consulting')).id);
		const child = await createUnit('Move Child', parent.id);
		const intoChild = await hr.action(`/admin/org/${parent.id}?/save`, { name: parent.name, parentId: child.id, leadEmail: '' });
		expect(intoChild.status).toBe(400);
		expect(intoChild.data?.errors).toMatchObject({ parentId: expect.stringMatching(/cannot be placed under itself/) });
		const intoSelf = await hr.action(`/admin/org/${parent.id}?/save`, { name: parent.name, parentId: parent.id, leadEmail: '' });
		expect(intoSelf.status).toBe(400);
		const engineering = await unitNamed('Engineering');
		expect((await hr.action(`/admin/org/${parent.id}?/save`, { name: parent.name, parentId: engineering.id, leadEmail: '' })).type).toBe('redirect');
		expect((await listUnits()).find((unit) => unit.id === child.id)?.path).toBe('Noorderlicht IT Services / Engineering / Move Parent / Move Child');
	});

	it('never ends up with a cycle when two opposite moves race', async () => {
		const root = await unitNamed('Noorderlicht IT Services');
		for (let round = 0; round < 5; round++) {
			const a = await createUnit(`Race A${round}`, root.id);
			const b = await createUnit(`Race B${round}`, root.id);
			const [first, second] = await Promise.all([
				(await clientFor(app, 'hr')).action(`/admin/org/${a.id}?/save`, { name: a.name, parentId: b.id, leadEmail: '' }),
				(await clientFor(app, 'hr')).action(`/admin/org/${b.id}?/save`, { name: b.name, parentId: a.id, leadEmail: '' })
			]);
			expect([first.type, second.type].filter((type) => type === 'redirect')).toHaveLength(1);
			const [afterA] = await app.db.select().from(orgUnit).where(eq(orgUnit.id, a.id));
			const [afterB] = await app.db.select().from(orgUnit).where(eq(orgUnit.id, b.id));
			expect(afterA!.parentId === b.id && afterB!.parentId === a.id).toBe(false);
		}
	});

	it('deletes only an empty unit, and says why otherwise', async () => {
		const hr = await clientFor(app, 'hr');
		const platform = await unitNamed('Platform Team');
		const withMembers = await hr.action(`/admin/org/${platform.id}?/delete`, {});
		expect(withMembers.data?.errors).toMatchObject({ unit: 'Place its employees in another unit first.' });
		const engineering = await unitNamed('Engineering');
		const withChildren = await hr.action(`/admin/org/${engineering.id}?/delete`, {});
		expect(withChildren.data?.errors).toMatchObject({ unit: 'Move or delete its sub-units first.' });
		const empty = await createUnit('Short-lived', engineering.id);
		expect((await hr.action(`/admin/org/${empty.id}?/delete`, {})).type).toBe('redirect');
		expect(await app.db.select().from(orgUnit).where(eq(orgUnit.id, empty.id))).toHaveLength(0);
	});

	it('refuses a unit name that is empty, next to the field', async () => {
		const hr = await clientFor(app, 'hr');
		const result = await hr.action('/admin/org?/create', { name: '  ', parentId: '', leadEmail: '' });
		expect(result.data?.errors).toMatchObject({ name: 'Please fill this in.' });
	});
});

describe('partners', () => {
	it('adds a partner, refuses a duplicate name and a non-web address, and removes it only without members', async () => {
		const hr = await clientFor(app, 'hr');
		const created = await hr.action('/admin/partners?/create', { name: 'Harbour Analytics', website: 'https://harbour.example' });
		expect(created.type).toBe('redirect');
		const duplicate = await hr.action('/admin/partners?/create', { name: 'harbour analytics', website: '' });
		expect(duplicate.data?.errors).toMatchObject({ name: 'That name is already in use here.' });
		const script = await hr.action('/admin/partners?/create', { name: 'Evil', website: 'javascript:alert(1)' });
		expect(script.data?.errors).toMatchObject({ website: 'Enter a web address starting with https:// or http://.' });
		const [withMembers] = await app.db.select().from(person).where(eq(person.email, demo.partner));
		const blocked = await hr.action(`/admin/partners/${withMembers!.partnerOrgId}?/delete`, {});
		expect(blocked.data?.errors).toMatchObject({ partner: expect.stringMatching(/still has members/) });
		const id = created.location!.split('/').at(-1)!;
		expect((await hr.action(`/admin/partners/${id}?/delete`, {})).type).toBe('redirect');
	});
});
