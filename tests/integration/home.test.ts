import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, ne } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, personByEmail } from '../support/fixtures';
import { person } from '../../src/lib/server/db/schema';

// Its own database: other files edit the demo people these tests read.
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('home page', () => {
	// Svelte escapes & and < in text.
	const link = (name: string) => `>${name.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</a>`;
	const occurrences = (html: string, text: string) => html.split(text).length - 1;

	it('lists a lead’s reports once, and as their team the peers who share their own manager', async () => {
		const manager = await personByEmail(app.db, demo.manager);
		const [boss] = await app.db.select({ id: person.id, name: person.name }).from(person).where(eq(person.id, manager.managerId!));
		const peers = await app.db
			.select({ name: person.name })
			.from(person)
			.where(and(eq(person.managerId, boss!.id), ne(person.id, manager.id), eq(person.status, 'active')))
			.orderBy(asc(person.name), asc(person.id));
		expect(peers.length).toBeGreaterThan(0);
		const reports = await app.db.select({ name: person.name }).from(person).where(eq(person.managerId, manager.id));
		expect(reports.length).toBeGreaterThanOrEqual(6);
		const html = await (await (await clientFor(app, 'manager')).get('/')).text();
		expect(html).toContain(`Reporting to you (${reports.length})`);
		// The card shows the first eight by name and links to the rest; nobody appears twice.
		const shown = reports.filter((report) => occurrences(html, link(report.name)) > 0);
		expect(shown).toHaveLength(Math.min(8, reports.length));
		for (const report of shown) expect(occurrences(html, link(report.name))).toBe(1);
		if (reports.length > 8) expect(html).toContain(`And ${reports.length - 8} more`);
		expect(html).toContain(`Your team with ${boss!.name}`);
		for (const peer of peers.slice(0, 8)) expect(html).toContain(link(peer.name));
	});

	it('shows an employee their manager and team, and no reports', async () => {
		const employee = await personByEmail(app.db, demo.employee);
		const manager = await personByEmail(app.db, demo.manager);
		const html = await (await (await clientFor(app, 'employee')).get('/')).text();
		expect(html).toContain(link(manager.name));
		expect(html).toContain('Your team');
		expect(html).not.toContain('Reporting to you');
		expect(employee.managerId).toBe(manager.id);
	});
	it('counts a very large team up to 100, and links to all of it', async () => {
		const lead = await personByEmail(app.db, demo.hr);
		await app.db.insert(person).values(
			Array.from({ length: 105 }, (_, index) => ({
				email: `big-team-${index}@test.example`,
				name: `Teamlid ${String(index).padStart(3, '0')}`,
				kind: 'employee' as const,
				status: 'active' as const,
				managerId: lead.id
			}))
		);
		const html = await (await (await clientFor(app, 'hr')).get('/')).text();
		expect(html).toContain('Reporting to you (100+)');
		expect(html).toContain(`<a href="/people/${lead.id}">See all</a>`);
		expect(occurrences(html, '>Teamlid ')).toBe(8);
	});
});
