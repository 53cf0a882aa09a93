import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { rawRows } from '../../src/lib/server/db';

describe('setting up a new installation', () => {
	let empty: TestApp;
	beforeAll(async () => {
		empty = await startApp({ empty: true });
	});
	afterAll(() => empty?.close());

	it('sends visitors to /setup, refuses bad input there, then creates the organisation and its first admin once', async () => {
		const visitor = empty.client();
		expect((await visitor.get('/')).headers.get('location')).toBe('/setup');
		expect((await visitor.get('/setup')).status).toBe(200);
		const count = async () => (await rawRows<{ n: number }>(empty.db, sql`select (select count(*) from organisation)::int + (select count(*) from person)::int as n`))[0]!.n;

		const bad = await visitor.action('/setup', { organisation: '', timeZone: 'Nowhere/Else', name: 'Ada', email: 'ada', password: 'short', confirm: 'short' });
		expect(bad.status).toBe(400);
		expect(bad.data?.errors).toEqual({
			organisation: 'Please fill this in.',
			timeZone: 'Choose one of the options.',
			email: 'Enter an email address like name@example.com.',
			password: 'Use at least 12 characters.'
		});
		expect(await count()).toBe(0);

		const fields = { organisation: 'Zuiderzon BV', timeZone: 'Europe/Amsterdam', name: 'Ada Admin', email: 'ada@zuiderzon.example', password: 'a long new password', confirm: 'a long new password' };
		const done = await visitor.action('/setup', fields);
		expect(done).toMatchObject({ type: 'redirect', location: '/admin' });
		// Signed in as the first admin.
		expect((await visitor.get('/admin/settings')).status).toBe(200);
		expect(await (await visitor.get('/admin/settings')).text()).toContain('Zuiderzon BV');

		const second = await empty.client().action('/setup', { ...fields, organisation: 'Takeover', email: 'mallory@example.com' });
		expect(second.status).toBe(409);
		expect(await count()).toBe(2);
	});
});
