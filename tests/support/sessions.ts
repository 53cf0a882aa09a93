import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import type { TestApp, TestClient } from './app';
import { demo, personByEmail, type DemoRole } from './fixtures';

/**
 * A client signed in as a demo person without going through the login form: the permission
 * tests need hundreds of sessions, and the login form (argon2, rate limits) has its own tests.
 */
export async function clientFor(app: TestApp, role: DemoRole | 'anonymous'): Promise<TestClient> {
	if (role === 'anonymous') return app.client({ ip: randomIp() });
	return clientForPerson(app, (await personByEmail(app.db, demo[role])).id);
}

const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

/** A client signed in as any person, by id (people the tests make, or demo people without a login of their own). */
export async function clientForPerson(app: TestApp, personId: string): Promise<TestClient> {
	const client = app.client({ ip: randomIp() });
	const { token } = await createSession(app.db, personId, { userAgent: 'test', ip: null });
	client.cookies.set(sessionCookieName(new URL(app.origin)), token);
	return client;
}
