import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { render } from 'svelte/server';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail, type DemoRole } from '../support/fixtures';
import { auditEvent, authToken, orgUnit, person, session } from '../../src/lib/server/db/schema';
import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import { issueAuthToken } from '../../src/lib/server/auth/tokens-store';
import { parseToken } from '../../src/lib/server/auth/tokens';
import { can } from '../../src/lib/server/authz';
import { directReports, homeCards, searchPeople, toPrefixQuery } from '../../src/lib/server/people';
import type { Actor } from '../../src/lib/server/authz/actor';
import type { FormResult } from '../../src/lib/forms';
import PersonForm from '../../src/routes/admin/people/PersonForm.svelte';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const fields = (overrides: Record<string, string | string[]> = {}) => ({
	name: 'Someone New',
	email: freshEmail(),
	kind: 'employee',
	jobTitle: 'Engineer',
	unitId: '',
	managerEmail: '',
	partnerOrgId: '',
	locale: '',
	...overrides
});

async function count() {
	const [row] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person);
	return row!.count;
}

async function actorFor(role: DemoRole): Promise<Actor> {
	const row = await personByEmail(app.db, demo[role]);
	const [manages] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person).where(eq(person.managerId, row.id));
	return { id: row.id, name: row.name, email: row.email, kind: row.kind, roles: row.roles, isManager: manages!.count > 0, unitId: row.unitId, managerId: row.managerId, partnerOrgId: row.partnerOrgId, locale: row.locale };
}

describe('inviting people', () => {
	it('refuses bad input with a message next to each field, and writes nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const before = await count();
		const result = await hr.action('/admin/people/new', fields({ name: '', email: 'not-an-email', kind: 'boss', unitId: 'nope' }));
		expect(result.status).toBe(400);
		expect(result.data?.errors).toMatchObject({
			name: 'Please fill this in.',
			email: 'Enter an email address like name@example.com.',
			kind: 'Choose one of the options.',
			unitId: 'Choose one of the options.'
		});
		expect(await count()).toBe(before);
	});

	it('refuses an email address that already has an account, a manager nobody has, and a partner without organisation', async () => {
		const hr = await clientFor(app, 'hr');
		const before = await count();
		const taken = await hr.action('/admin/people/new', fields({ email: demo.employee.toUpperCase() }));
		expect(taken.data?.errors).toMatchObject({ email: 'Someone already has an account with this email address.' });
		const noManager = await hr.action('/admin/people/new', fields({ managerEmail: freshEmail('ghost') }));
		expect(noManager.data?.errors).toMatchObject({ managerEmail: 'Nobody has an account with this email address.' });
		const alumniManager = await hr.action('/admin/people/new', fields({ managerEmail: demo.alumni }));
		expect(alumniManager.data?.errors).toMatchObject({ managerEmail: 'Only a current employee can be a manager or lead.' });
		const partner = await hr.action('/admin/people/new', fields({ kind: 'partner' }));
		expect(partner.data?.errors).toMatchObject({ partnerOrgId: 'Choose the partner organisation this person belongs to.' });
		expect(await count()).toBe(before);
	});

	it('invites with the stored email lower-cased, audits it, and lists the person as invited', async () => {
		const hr = await clientFor(app, 'hr');
		const email = freshEmail('Mixed.Case');
		const result = await hr.action('/admin/people/new', fields({ email: `  ${email.toUpperCase()} `, managerEmail: demo.manager }));
		expect(result.type).toBe('redirect');
		const row = await personByEmail(app.db, email.toLowerCase());
		expect(row.status).toBe('invited');
		expect(row.managerId).toBe((await personByEmail(app.db, demo.manager)).id);
		const events = await app.db.select().from(auditEvent).where(eq(auditEvent.targetId, row.id));
		expect(events.map((event) => event.action)).toContain('person.invited');
	});

	it('lets only an admin hand out roles', async () => {
		const hr = await clientFor(app, 'hr');
		const admin = await clientFor(app, 'admin');
		const byHr = freshEmail('by-hr');
		await hr.action('/admin/people/new', fields({ email: byHr, roles: ['admin'] }));
		expect((await personByEmail(app.db, byHr)).roles).toEqual([]);
		const byAdmin = freshEmail('by-admin');
		await admin.action('/admin/people/new', fields({ email: byAdmin, roles: ['hr'] }));
		expect((await personByEmail(app.db, byAdmin)).roles).toEqual(['hr']);
	});
});

describe('editing people', () => {
	it('HR edits details; a role change by HR is ignored, not applied', async () => {
		const hr = await clientFor(app, 'hr');
		const target = await personByEmail(app.db, demo.employee);
		const result = await hr.action(`/admin/people/${target.id}?/save`, fields({ name: target.name, email: target.email, jobTitle: 'Staff Engineer', managerEmail: demo.manager, roles: ['admin'] }));
		expect(result.type).toBe('redirect');
		const after = await personByEmail(app.db, demo.employee);
		expect(after.jobTitle).toBe('Staff Engineer');
		expect(after.roles).toEqual([]);
	});

	it('refuses a manager that would make a reporting circle', async () => {
		const hr = await clientFor(app, 'hr');
		const manager = await personByEmail(app.db, demo.manager);
		// Eva reports to Maarten; Maarten reporting to Eva would close the circle.
		const result = await hr.action(`/admin/people/${manager.id}?/save`, fields({ name: manager.name, email: manager.email, managerEmail: demo.employee }));
		expect(result.status).toBe(400);
		expect(result.data?.errors).toMatchObject({ managerEmail: 'That would make a circle: this person would end up reporting to themselves.' });
		const self = await hr.action(`/admin/people/${manager.id}?/save`, fields({ name: manager.name, email: manager.email, managerEmail: demo.manager }));
		expect(self.status).toBe(400);
		expect((await personByEmail(app.db, demo.manager)).managerId).toBe(manager.managerId);
	});

	it('audits role and kind changes as their own events', async () => {
		const admin = await clientFor(app, 'admin');
		const email = freshEmail('promoted');
		await admin.action('/admin/people/new', fields({ email }));
		const created = await personByEmail(app.db, email);
		await admin.action(`/admin/people/${created.id}?/save`, fields({ name: created.name, email, roles: ['hr'] }));
		// Becoming alumni drops the role with it: roles belong to employees.
		await admin.action(`/admin/people/${created.id}?/save`, fields({ name: created.name, email, roles: ['hr'], kind: 'alumni' }));
		const events = await app.db.select().from(auditEvent).where(eq(auditEvent.targetId, created.id)).orderBy(auditEvent.id);
		const roles = events.filter((event) => event.action === 'person.roles_changed').map((event) => event.details);
		expect(roles).toEqual([
			{ from: [], to: ['hr'] },
			{ from: ['hr'], to: [] }
		]);
		expect(events.find((event) => event.action === 'person.kind_changed')?.details).toEqual({ from: 'employee', to: 'alumni' });
		expect((await personByEmail(app.db, email)).roles).toEqual([]);
	});

	it('gives no powers to a role on an account that is not an employee’s', async () => {
		// As an account left before this rule, or edited in the database by hand.
		const email = freshEmail('former-hr');
		await app.db.insert(person).values({ email, name: 'Former HR', kind: 'alumni', status: 'active', roles: ['hr', 'admin'] });
		const former = await personByEmail(app.db, email);
		const { token } = await createSession(app.db, former.id, {});
		const client = app.client();
		client.cookies.set(sessionCookieName(new URL(app.origin)), token);
		for (const page of ['/admin/people', '/admin/settings', '/admin/outbox', '/admin/audit']) expect((await client.get(page)).status, page).toBe(403);
	});

	it('keeps at least one active admin', async () => {
		const admin = await clientFor(app, 'admin');
		const self = await personByEmail(app.db, demo.admin);
		const demote = await admin.action(`/admin/people/${self.id}?/save`, fields({ name: self.name, email: self.email, roles: [] }));
		expect(demote.data?.errors).toMatchObject({ roles: 'Kring needs at least one active admin.' });
		const leave = await admin.action(`/admin/people/${self.id}?/save`, fields({ name: self.name, email: self.email, roles: ['admin'], kind: 'alumni' }));
		expect(leave.data?.errors).toMatchObject({ roles: 'Kring needs at least one active admin.' });
		const deactivate = await admin.action(`/admin/people/${self.id}?/deactivate`, {});
		expect(deactivate.status).toBe(400);
		const after = await personByEmail(app.db, demo.admin);
		expect({ roles: after.roles, kind: after.kind, status: after.status }).toEqual({ roles: ['admin'], kind: 'employee', status: 'active' });
	});

	it('deactivates and reactivates, keeping the account and its history', async () => {
		const hr = await clientFor(app, 'hr');
		const email = freshEmail('leaver');
		await hr.action('/admin/people/new', fields({ email }));
		const { id } = await personByEmail(app.db, email);
		expect((await hr.action(`/admin/people/${id}?/deactivate`, {})).type).toBe('redirect');
		expect((await personByEmail(app.db, email)).status).toBe('deactivated');
		expect((await hr.action(`/admin/people/${id}?/reactivate`, {})).type).toBe('redirect');
		// Never set a password: back to invited, not active.
		expect((await personByEmail(app.db, email)).status).toBe('invited');
	});

	it('shows a refusal about the person as a whole above the edit form', async () => {
		// The enhanced form keeps the page on a refusal, so the form itself must show what went wrong.
		const hr = await clientFor(app, 'hr');
		const result = await hr.action('/admin/people/00000000-0000-4000-8000-000000000000?/save', fields());
		expect(result.status).toBe(404);
		const stored = await personByEmail(app.db, demo.employee);
		const { body } = render(PersonForm, {
			props: { form: result.data as FormResult, person: { ...stored, managerEmail: null }, units: [], partners: [], canManageRoles: false, submitLabel: 'Save' }
		});
		expect(body).toMatch(/role="alert"[^>]*><p>This no longer exists\./);
	});

	it('answers 404 for a person that does not exist', async () => {
		const hr = await clientFor(app, 'hr');
		expect((await hr.get('/admin/people/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await hr.get('/admin/people/not-an-id')).status).toBe(404);
	});
});

describe('who may change whom', () => {
	async function someone(roles: ('hr' | 'admin')[], status: 'invited' | 'active' = 'active') {
		const [created] = await app.db
			.insert(person)
			.values({ email: freshEmail('target'), name: 'Role Holder', kind: 'employee', status, roles })
			.returning();
		return created!;
	}

	it('HR cannot take over an admin: email, kind, roles and access stay as they were', async () => {
		const hr = await clientFor(app, 'hr');
		const admin = await someone(['admin']);
		expect((await hr.get(`/admin/people/${admin.id}`)).status).toBe(403);
		// The profile offers HR no way into that page either; it does offer it to an admin.
		const editLink = `href="/admin/people/${admin.id}"`;
		expect(await (await hr.get(`/people/${admin.id}`)).text()).not.toContain(editLink);
		expect(await (await (await clientFor(app, 'admin')).get(`/people/${admin.id}`)).text()).toContain(editLink);
		const save = await hr.action(`/admin/people/${admin.id}?/save`, fields({ name: admin.name, email: freshEmail('mallory'), kind: 'alumni', roles: ['admin'] }));
		expect(save.status).toBe(403);
		expect(save.data?.errors).toMatchObject({ person: 'Only an admin can change someone who holds the HR or admin role.' });
		expect((await hr.action(`/admin/people/${admin.id}?/deactivate`, {})).status).toBe(403);
		const after = await personByEmail(app.db, admin.email);
		expect({ email: after.email, kind: after.kind, roles: after.roles, status: after.status }).toEqual({ email: admin.email, kind: 'employee', roles: ['admin'], status: 'active' });
		// Nor can HR have an invitation sent for an account that would come with admin rights.
		const invitedAdmin = await someone(['admin'], 'invited');
		expect((await hr.action(`/admin/people/${invitedAdmin.id}?/resend`, {})).status).toBe(403);
		expect(await app.db.select().from(authToken).where(eq(authToken.personId, invitedAdmin.id))).toEqual([]);
	});

	it('the HR list leads to the edit page only for people HR may change', async () => {
		const roleHolder = await someone(['admin']);
		const list = async (role: 'hr' | 'admin') => (await (await clientFor(app, role)).get(`/admin/people?q=${encodeURIComponent(roleHolder.email)}`)).text();
		const hrList = await list('hr');
		expect(hrList).toContain(`href="/people/${roleHolder.id}"`);
		expect(hrList).not.toContain(`href="/admin/people/${roleHolder.id}"`);
		expect(await list('admin')).toContain(`href="/admin/people/${roleHolder.id}"`);
		const employee = await personByEmail(app.db, demo.employee);
		expect(await (await (await clientFor(app, 'hr')).get(`/admin/people?q=${encodeURIComponent(demo.employee)}`)).text()).toContain(`href="/admin/people/${employee.id}"`);
	});

	it('HR cannot change another HR person, nor themselves here; an admin can change HR', async () => {
		const hr = await clientFor(app, 'hr');
		const colleague = await someone(['hr']);
		const change = fields({ name: colleague.name, email: colleague.email, jobTitle: 'People Partner', roles: ['hr'] });
		expect((await hr.action(`/admin/people/${colleague.id}?/save`, change)).status).toBe(403);
		expect((await hr.action(`/admin/people/${colleague.id}?/deactivate`, {})).status).toBe(403);
		const self = await personByEmail(app.db, demo.hr);
		expect((await hr.action(`/admin/people/${self.id}?/deactivate`, {})).status).toBe(403);
		expect((await personByEmail(app.db, colleague.email)).jobTitle).toBeNull();
		const admin = await clientFor(app, 'admin');
		expect((await admin.action(`/admin/people/${colleague.id}?/save`, change)).type).toBe('redirect');
		expect((await personByEmail(app.db, colleague.email)).jobTitle).toBe('People Partner');
		expect((await admin.action(`/admin/people/${colleague.id}?/deactivate`, {})).type).toBe('redirect');
		expect((await personByEmail(app.db, colleague.email)).status).toBe('deactivated');
	});

	it('an admin cannot deactivate themselves', async () => {
		const admin = await clientFor(app, 'admin');
		const self = await personByEmail(app.db, demo.admin);
		const result = await admin.action(`/admin/people/${self.id}?/deactivate`, {});
		expect(result.status).toBe(400);
		expect(result.data?.accessError).toBe('You cannot deactivate your own account.');
		expect((await personByEmail(app.db, demo.admin)).status).toBe('active');
	});

	it('a new email address ends the sessions, drops unused emailed links, and is audited', async () => {
		const hr = await clientFor(app, 'hr');
		const target = await someone([]);
		await createSession(app.db, target.id, { userAgent: 'test', ip: null });
		const usedId = parseToken(await issueAuthToken(app.db, 'reset', target.id, null))!.id;
		await app.db.update(authToken).set({ usedAt: new Date() }).where(eq(authToken.id, usedId));
		await issueAuthToken(app.db, 'reset', target.id, null);
		await issueAuthToken(app.db, 'invite', target.id, null);
		// Other details leave sessions and links alone.
		await hr.action(`/admin/people/${target.id}?/save`, fields({ name: target.name, email: target.email, jobTitle: 'Analyst' }));
		expect(await app.db.select().from(session).where(eq(session.personId, target.id))).toHaveLength(1);
		expect(await app.db.select().from(authToken).where(eq(authToken.personId, target.id))).toHaveLength(3);
		const email = freshEmail('moved');
		expect((await hr.action(`/admin/people/${target.id}?/save`, fields({ name: target.name, email, jobTitle: 'Analyst' }))).type).toBe('redirect');
		expect(await app.db.select().from(session).where(eq(session.personId, target.id))).toEqual([]);
		// The used one stays for the record; the ones that still worked went to the old address.
		expect((await app.db.select({ id: authToken.id }).from(authToken).where(eq(authToken.personId, target.id))).map((row) => row.id)).toEqual([usedId]);
		const events = await app.db.select().from(auditEvent).where(and(eq(auditEvent.targetId, target.id), eq(auditEvent.action, 'person.email_changed')));
		expect(events.map((event) => event.details)).toEqual([{ from: target.email, to: email }]);
	});
});

describe('finding people', () => {
	it('turns what people type into a safe prefix query', () => {
		expect(toPrefixQuery('Jan  de Vries')).toBe('jan:* & de:* & vries:*');
		expect(toPrefixQuery("o'brien & | !x")).toBe('o:* & brien:* & x:*');
		expect(toPrefixQuery('   ')).toBeNull();
	});

	it('finds by name prefix, by two words, by a part of the email address and by job title', async () => {
		const hr = await actorFor('hr');
		const search = async (q: string) => (await searchPeople(hr, { q, page: 1, pageSize: 50 })).people.map((row) => row.email);
		expect(await search('Maar')).toContain(demo.manager);
		expect(await search('maarten boer')).toContain(demo.manager);
		expect(await search('employee@noorderl')).toEqual([demo.employee]);
		expect(await search('partner')).toContain(demo.partner);
		expect(await search('Platform Team Lead')).toContain(demo.manager);
		expect(await search('zzzznobody')).toEqual([]);
	});

	it('pages search matches by name, with the same fields and total as the unfiltered list', async () => {
		const hr = await actorFor('hr');
		const everyone = await searchPeople(hr, { page: 1, pageSize: 10_000 });
		const matches = everyone.people.filter((row) => row.email.endsWith('@noorderlicht.example'));
		const first = await searchPeople(hr, { q: 'noorderlicht', page: 1, pageSize: 10 });
		const second = await searchPeople(hr, { q: 'noorderlicht', page: 2, pageSize: 10 });
		expect(first.total).toBe(matches.length);
		expect(second.total).toBe(matches.length);
		expect([...first.people, ...second.people]).toEqual(matches.slice(0, 20));
		expect(first.people.every((row) => Array.isArray(row.roles))).toBe(true);
		// Past the last page: no rows, and still the total to page back with.
		const beyond = await searchPeople(hr, { q: 'noorderlicht', page: 1000, pageSize: 10 });
		expect(beyond).toEqual({ people: [], total: matches.length });
		expect(first.people.every((row) => !('total' in row))).toBe(true);
	});

	it('filters by unit, kind, role and status, and pages with a total', async () => {
		const hr = await actorFor('hr');
		const alumni = await searchPeople(hr, { kind: 'alumni', page: 1, pageSize: 10 });
		expect(alumni.people.every((row) => row.kind === 'alumni')).toBe(true);
		expect(alumni.total).toBeGreaterThanOrEqual(40);
		expect(alumni.people).toHaveLength(10);
		const second = await searchPeople(hr, { kind: 'alumni', page: 2, pageSize: 10 });
		expect(second.people.map((row) => row.id)).not.toContain(alumni.people[0]!.id);
		const admins = await searchPeople(hr, { role: 'admin', page: 1, pageSize: 10 });
		expect(admins.people.map((row) => row.email)).toContain(demo.admin);
		const invited = await searchPeople(hr, { status: 'invited', page: 1, pageSize: 50 });
		expect(invited.people.every((row) => row.status === 'invited')).toBe(true);
	});

	it('filters by a unit together with everything below it', async () => {
		const hr = await actorFor('hr');
		const units = await app.db.select({ id: orgUnit.id, name: orgUnit.name, parentId: orgUnit.parentId }).from(orgUnit);
		const engineering = units.find((unit) => unit.name === 'Engineering')!;
		const platform = units.find((unit) => unit.name === 'Platform Team')!;
		// The tree as the test knows it, walked in JavaScript: Engineering and every unit below it.
		const below = (id: string): string[] => [id, ...units.filter((unit) => unit.parentId === id).flatMap((unit) => below(unit.id))];
		const within = below(engineering.id);
		expect(within).toContain(platform.id);
		const expected = await app.db.select({ id: person.id }).from(person).where(inArray(person.unitId, within));
		const filtered = await searchPeople(hr, { unitId: engineering.id, page: 1, pageSize: 10_000 });
		expect(new Set(filtered.people.map((row) => row.id))).toEqual(new Set(expected.map((row) => row.id)));
		expect(filtered.people.map((row) => row.email)).toContain(demo.manager);
		// A leaf unit is just its own people.
		const leaf = await searchPeople(hr, { unitId: platform.id, page: 1, pageSize: 10_000 });
		const placed = await app.db.select({ id: person.id }).from(person).where(eq(person.unitId, platform.id));
		expect(new Set(leaf.people.map((row) => row.id))).toEqual(new Set(placed.map((row) => row.id)));
	});

	it('shows each person exactly the profiles it may open: the list filter agrees with the check', async () => {
		// Someone invited into the manager's team: HR sees them, colleagues do not until they join.
		const manager = await personByEmail(app.db, demo.manager);
		const [invited] = await app.db
			.insert(person)
			.values({ email: freshEmail('invited-report'), name: 'Quirine Uitgenodigd', kind: 'employee', status: 'invited', managerId: manager.id, unitId: manager.unitId })
			.returning({ id: person.id });
		const everyone = await app.db.select({ id: person.id, kind: person.kind, status: person.status, managerId: person.managerId, unitId: person.unitId }).from(person);
		const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
		for (const role of ['employee', 'manager', 'hr', 'admin', 'alumni', 'partner'] as const) {
			const actor = await actorFor(role);
			const allowed = everyone.filter((target) => can(actor, 'person.view', target));
			expect(ids((await searchPeople(actor, { page: 1, pageSize: 10_000 })).people), role).toEqual(ids(allowed));
			const team = allowed.filter((target) => target.managerId === manager.id && target.kind === 'employee' && target.status !== 'deactivated');
			expect(ids((await directReports(actor, manager.id, 1, 10_000)).people), `${role}: reports`).toEqual(ids(team));
			// The team card: the others who report to the viewer's manager.
			if (actor.managerId) {
				const mates = allowed.filter(
					(target) => target.managerId === actor.managerId && target.kind === 'employee' && target.status !== 'deactivated' && target.id !== actor.id
				);
				expect(ids((await homeCards(actor, { teamOf: actor.managerId, reports: false, limit: 10_000 })).teamMates!.people), `${role}: team-mates`).toEqual(ids(mates));
			}
		}
		expect(ids((await directReports(await actorFor('hr'), manager.id, 1, 10_000)).people)).toContain(invited!.id);
		// The same on the profile page: the team list names only people whose profile opens.
		const profile = async (role: DemoRole) => (await (await clientFor(app, role)).get(`/people/${manager.id}`)).text();
		expect(await profile('employee')).not.toContain('Quirine Uitgenodigd');
		expect(await profile('hr')).toContain('Quirine Uitgenodigd');
	});

	it("pages a large team on its manager's profile, counting all of it", async () => {
		const manager = await personByEmail(app.db, demo.manager);
		const [lead] = await app.db
			.insert(person)
			.values({ email: freshEmail('big-team-lead'), name: 'Large Team Lead', kind: 'employee', status: 'active', managerId: manager.id, unitId: manager.unitId })
			.returning({ id: person.id });
		const team = Array.from({ length: 30 }, (_, index) => ({
			email: freshEmail('big-team'),
			name: `Big Team Member ${String(index).padStart(2, '0')}`,
			kind: 'employee' as const,
			status: 'active' as const,
			managerId: lead!.id,
			unitId: manager.unitId
		}));
		await app.db.insert(person).values(team);
		const hr = await clientFor(app, 'hr');
		const named = (page: string) => [...new Set([...page.matchAll(/Big Team Member (\d\d)/g)].map((match) => match[1]))];
		const first = await (await hr.get(`/people/${lead!.id}`)).text();
		expect(first).toContain('Team (30)');
		expect(named(first)).toEqual(Array.from({ length: 20 }, (_, index) => String(index).padStart(2, '0')));
		expect(first).toContain(`href="/people/${lead!.id}?page=2"`);
		const second = await (await hr.get(`/people/${lead!.id}?page=2`)).text();
		expect(second).toContain('Team (30)');
		expect(named(second)).toEqual(['20', '21', '22', '23', '24', '25', '26', '27', '28', '29']);
		// A page number that cannot be one shows the first page.
		for (const unreadable of ['abc', '0', '-2', '1.5']) expect(named(await (await hr.get(`/people/${lead!.id}?page=${unreadable}`)).text()), unreadable).toEqual(named(first));
	});

	it('gives 404, not 403, for a profile that is not for you: existence stays private', async () => {
		const alumnus = await clientFor(app, 'alumni');
		const employee = await clientFor(app, 'employee');
		const manager = await personByEmail(app.db, demo.manager);
		const alumni = await personByEmail(app.db, demo.alumni);
		expect((await alumnus.get(`/people/${manager.id}`)).status).toBe(404);
		expect((await alumnus.get('/people/00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await employee.get(`/people/${alumni.id}`)).status).toBe(404);
		expect((await alumnus.get(`/people/${alumni.id}`)).status).toBe(200);
	});
});
