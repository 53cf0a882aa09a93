import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { auditEvent, person, session } from '../../src/lib/server/db/schema';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('sign-in', () => {
	it('signs in with a plain form post and lands on the home page', async () => {
		const client = app.client();
		const response = await client.post('/login', { email: 'employee@noorderlicht.example', password: 'kring-demo', next: '/' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const home = await client.get('/');
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Eva');
	});
});
