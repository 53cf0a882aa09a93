import { createSession } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import type { TestApp, TestClient } from './app';
import { demo, personByEmail, type DemoRole } from './fixtures';

/**
 * A client signed in as a demo person without going through the login form: the permission
 * tests need hundreds of sessions, and the login form (argon2, rate limits) has its own tests.
 */
export async function clientFor(app: TestApp, role: DemoRole | 'anonymous'): Promise<TestClient> {
	const client = app.client({ ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}` });
	if (role === 'anonymous') return client;
	const person = await personByEmail(app.db, demo[role]);
	return signedIn(app, client, person.id);
}

/** The same for anyone a test created. */
export async function clientForPerson(app: TestApp, personId: string): Promise<TestClient> {
	return signedIn(app, app.client({ ip: `198.51.100.${Math.floor(Math.random() * 250) + 1}` }), personId);
}

async function signedIn(app: TestApp, client: TestClient, personId: string): Promise<TestClient> {
	const { token } = await createSession(app.db, personId, { userAgent: 'test', ip: null });
	client.cookies.set(sessionCookieName(new URL(app.origin)), token);
	return client;
}
