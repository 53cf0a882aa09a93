import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, personByEmail } from '../support/fixtures';
import { managerSkillView, person, skill } from '../../src/lib/server/db/schema';

// Its own database: these tests share the demo employee's self-assessment.
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe("the manager's view beside a shared self-assessment", () => {
	it('is added by the manager once shared, shown beside the own view, and hidden again when the share is withdrawn', async () => {
		const eva = await personByEmail(app.db, demo.employee);
		const [kubernetes] = await app.db.select({ id: skill.id }).from(skill).where(eq(skill.name, 'Kubernetes'));
		const employee = await clientFor(app, 'employee');
		const manager = await clientFor(app, 'manager');
		const managerPage = `/growth/skills/${eva.id}`;

		// Not shared: it does not exist for the manager.
		expect((await manager.get(managerPage)).status).toBe(404);
		expect((await manager.action(managerPage, { [`level.${kubernetes!.id}`]: '3' })).status).toBe(404);

		expect((await employee.action('/growth/skills?/share', {})).type).toBe('redirect');
		expect(await (await manager.get('/growth')).text()).toContain(`href="${managerPage}"`);
		const page = await (await manager.get(managerPage)).text();
		expect(page).toContain('Skills of Eva Jansen');
		expect((await manager.action(managerPage, { [`level.${kubernetes!.id}`]: '3' })).type).toBe('redirect');
		const [view] = await app.db.select().from(managerSkillView).where(and(eq(managerSkillView.personId, eva.id), eq(managerSkillView.skillId, kubernetes!.id)));
		expect(view).toMatchObject({ proficiency: 3, managerId: (await personByEmail(app.db, demo.manager)).id });

		// Beside her own (4): the manager's 3 in its own column.
		const own = await (await employee.get('/growth/skills')).text();
		expect(own).toContain('View of Maarten de Boer');
		const row = own.slice(own.indexOf(`id="level-${kubernetes!.id}"`));
		expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/<td>3<\/td>/);

		// Withdrawn: gone for both, and the manager can no longer change it.
		expect((await employee.action('/growth/skills?/unshare', {})).type).toBe('redirect');
		expect(await (await employee.get('/growth/skills')).text()).not.toContain('View of Maarten de Boer');
		expect((await manager.get(managerPage)).status).toBe(404);
		expect((await manager.action(managerPage, { [`level.${kubernetes!.id}`]: '5' })).status).toBe(404);
		expect(await (await manager.get('/growth')).text()).not.toContain(`href="${managerPage}"`);
	});

	it('is for the current manager only: another manager, HR and colleagues are refused', async () => {
		const eva = await personByEmail(app.db, demo.employee);
		expect((await (await clientFor(app, 'employee')).action('/growth/skills?/share', {})).type).toBe('redirect');
		for (const role of ['hr', 'admin', 'alumni'] as const) expect((await (await clientFor(app, role)).get(`/growth/skills/${eva.id}`)).status, role).toBe(404);
		// A new manager does not inherit the share: it was given to the one before.
		const hr = await personByEmail(app.db, demo.hr);
		const [before] = await app.db.select({ managerId: person.managerId }).from(person).where(eq(person.id, eva.id));
		await app.db.update(person).set({ managerId: hr.id }).where(eq(person.id, eva.id));
		expect((await (await clientFor(app, 'hr')).get(`/growth/skills/${eva.id}`)).status).toBe(404);
		expect((await (await clientFor(app, 'manager')).get(`/growth/skills/${eva.id}`)).status).toBe(404);
		await app.db.update(person).set({ managerId: before!.managerId }).where(eq(person.id, eva.id));
	});
});
