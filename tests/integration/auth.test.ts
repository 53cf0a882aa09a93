import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, latestEmail, pathOf, personByEmail } from '../support/fixtures';
import { auditEvent, authToken, outboxEmail, person, session } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** A person of our own with a known password, so tests don't disturb each other's accounts. */
async function newAccount(password = 'correct horse battery') {
	const email = freshEmail('account');
	const [created] = await app.db
		.insert(person)
		.values({ email, name: 'Test Account', kind: 'employee', status: 'active', passwordHash: await hashPassword(password) })
		.returning();
	return { ...created!, password };
}

const sessionCookie = () => sessionCookieName(new URL(app.origin));

describe('sign-in', () => {
	it('signs in with a plain form post (matching Origin) and lands where it was going', async () => {
		const client = app.client();
		const response = await client.post('/login', { email: demo.employee, password: 'kring-demo', next: '/people' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/people');
		const home = await client.get('/');
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Hello, Eva');
	});

	it('refuses a cross-site form post (CSRF origin check)', async () => {
		const response = await app.client().post('/login', { email: demo.employee, password: 'kring-demo' }, { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
	});

	it('never sends a visitor elsewhere after sign-in, only to paths on this site', async () => {
		const response = await app.client().post('/login', { email: demo.employee, password: 'kring-demo', next: '//evil.example/x' });
		expect(response.headers.get('location')).toBe('/');
	});

	it('answers an unknown email and a wrong password with the same message and status', async () => {
		const account = await newAccount();
		const unknown = await app.client().action('/login', { email: freshEmail('nobody'), password: 'whatever password' });
		const wrong = await app.client().action('/login', { email: account.email, password: 'not the password' });
		expect(unknown.status).toBe(400);
		expect(wrong.status).toBe(400);
		expect(unknown.data?.message).toBe(wrong.data?.message);
		expect(String(wrong.data?.message)).toMatch(/do not match an account/);
		// Refilled with the email, never with the password.
		expect(wrong.data?.values).toEqual({ email: account.email });
	});

	it('takes about as long for an unknown email as for a wrong password (no enumeration by timing)', async () => {
		const account = await newAccount();
		const time = async (email: string) => {
			const started = performance.now();
			await app.client({ ip: `203.0.113.${Math.floor(Math.random() * 200)}` }).action('/login', { email, password: 'not the password' });
			return performance.now() - started;
		};
		const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
		const unknown: number[] = [];
		const wrong: number[] = [];
		for (let round = 0; round < 5; round++) {
			unknown.push(await time(freshEmail('ghost')));
			wrong.push(await time(account.email));
		}
		// Both pay for one argon2id verification; without the dummy hash the unknown email is ~10× faster.
		expect(median(unknown) / median(wrong)).toBeGreaterThan(0.4);
	});

	it('does not sign in an invited or a deactivated account, and says nothing more about it', async () => {
		for (const status of ['invited', 'deactivated'] as const) {
			const account = await newAccount();
			await app.db.update(person).set({ status }).where(eq(person.id, account.id));
			const result = await app.client().action('/login', { email: account.email, password: account.password });
			expect(result.status).toBe(400);
			expect(String(result.data?.message)).toMatch(/do not match an account/);
		}
	});

	it('shows a validation message next to an empty field and signs nobody in', async () => {
		const result = await app.client().action('/login', { email: '', password: '' });
		expect(result.status).toBe(400);
		expect(result.data?.errors).toMatchObject({ email: 'Please fill this in.', password: 'Please fill this in.' });
	});

	it('stores only a hash of the session secret, and the cookie is HttpOnly, SameSite=Lax, path /', async () => {
		const account = await newAccount();
		const response = await app.client().post('/login', { email: account.email, password: account.password });
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${sessionCookie()}=`))!;
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		const token = cookie.split(';')[0]!.split('=')[1]!;
		const [id, secret] = token.split('.') as [string, string];
		// Two parts of 24 base32 characters: 120 bits each.
		expect(id).toMatch(/^[a-z2-7]{24}$/);
		expect(secret).toMatch(/^[a-z2-7]{24}$/);
		const [stored] = await app.db.select().from(session).where(eq(session.id, id));
		expect(Buffer.from(stored!.secretHash)).toEqual(Buffer.from(hashSecret(secret)));
		expect(Buffer.from(stored!.secretHash).toString()).not.toContain(secret);
	});

	it('marks the cookie Secure with the __Host- prefix when served over https', async () => {
		const account = await newAccount();
		const body = new URLSearchParams({ email: account.email, password: account.password });
		const response = await app.respond(
			new Request('https://kring.example/login', { method: 'POST', body, headers: { origin: 'https://kring.example', accept: 'text/html' } })
		);
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith('__Host-kring_session='));
		expect(cookie).toMatch(/Secure/);
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
	});

	it('rejects a forged token whose id exists but whose secret is wrong', async () => {
		const client = await clientFor(app, 'employee');
		const [id] = client.cookies.get(sessionCookie())!.split('.');
		client.cookies.set(sessionCookie(), `${id}.${'a'.repeat(24)}`);
		const response = await client.get('/account');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login/);
	});

	it('records sign-ins and failed sign-ins in the audit log', async () => {
		const account = await newAccount();
		await app.client().action('/login', { email: account.email, password: 'wrong password!' });
		await app.client().action('/login', { email: account.email, password: account.password });
		const events = await app.db.select().from(auditEvent).where(eq(auditEvent.targetId, account.id));
		expect(events.map((event) => event.action).sort()).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
	});
});

describe('rate limits', () => {
	it('stops guessing one account after 10 attempts, for parallel attempts too, with "try again in N minutes"', async () => {
		const account = await newAccount();
		const attempts = await Promise.all(
			Array.from({ length: 14 }, (_, index) =>
				app.client({ ip: `203.0.113.${index + 1}` }).action('/login', { email: account.email, password: `wrong guess ${index}` })
			)
		);
		expect(attempts.filter((attempt) => attempt.status === 400)).toHaveLength(10);
		const limited = attempts.filter((attempt) => attempt.status === 429);
		expect(limited).toHaveLength(4);
		expect(String(limited[0]!.data?.message)).toMatch(/Try again in \d+ minutes/);
		// Even the right password waits now.
		const right = await app.client({ ip: '203.0.113.99' }).action('/login', { email: account.email, password: account.password });
		expect(right.status).toBe(429);
	});

	it('forgets the failures of an account once its owner signs in', async () => {
		const account = await newAccount();
		for (let attempt = 0; attempt < 8; attempt++) await app.client().action('/login', { email: account.email, password: 'wrong password!' });
		expect((await app.client().action('/login', { email: account.email, password: account.password })).type).toBe('redirect');
		for (let attempt = 0; attempt < 8; attempt++) await app.client().action('/login', { email: account.email, password: 'wrong password!' });
		expect((await app.client().action('/login', { email: account.email, password: account.password })).type).toBe('redirect');
	});

	it('limits one address across accounts', async () => {
		const client = app.client({ ip: '198.18.0.7' });
		const statuses: number[] = [];
		for (let attempt = 0; attempt < 302; attempt++) {
			// Spread over accounts so that only the per-address limit can bite.
			statuses.push((await client.action('/login', { email: `spray${attempt % 40}@test.example`, password: 'Winter2026!' })).status);
		}
		expect(statuses.slice(0, 300).every((status) => status === 400)).toBe(true);
		expect(statuses.slice(300)).toEqual([429, 429]);
	});

	it('holds in the database, so every instance sees the same count', async () => {
		const account = await newAccount();
		await app.client().action('/login', { email: account.email, password: 'wrong password!' });
		const rows = await app.db.execute(sql`select hits from rate_limit where key = ${`login:account:${account.email}`}`);
		const hits = (Array.isArray(rows) ? rows : (rows as { rows: { hits: number }[] }).rows)[0] as { hits: number };
		expect(hits.hits).toBe(1);
	});
});

describe('sessions', () => {
	it('signs out: the old cookie no longer opens anything', async () => {
		const client = await clientFor(app, 'employee');
		const token = client.cookies.get(sessionCookie())!;
		const response = await client.post('/logout', {});
		expect(response.status).toBe(303);
		const stale = app.client();
		stale.cookies.set(sessionCookie(), token);
		expect((await stale.get('/account')).status).toBe(303);
	});

	it('slides: after an hour of use the expiry moves and the cookie is sent again', async () => {
		const client = await clientFor(app, 'employee');
		const [id] = client.cookies.get(sessionCookie())!.split('.') as [string];
		await app.db.update(session).set({ lastVerifiedAt: new Date(Date.now() - 2 * 60 * 60_000) }).where(eq(session.id, id));
		const response = await client.get('/');
		expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookie()}=`))).toBe(true);
		const [renewed] = await app.db.select().from(session).where(eq(session.id, id));
		expect(Date.now() - renewed!.lastVerifiedAt.getTime()).toBeLessThan(60_000);
	});

	it('does not write on every request', async () => {
		const client = await clientFor(app, 'employee');
		const [id] = client.cookies.get(sessionCookie())!.split('.') as [string];
		const before = new Date(Date.now() - 10 * 60_000);
		await app.db.update(session).set({ lastVerifiedAt: before }).where(eq(session.id, id));
		const response = await client.get('/');
		expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${sessionCookie()}=`))).toBe(false);
		const [row] = await app.db.select().from(session).where(eq(session.id, id));
		expect(row!.lastVerifiedAt.getTime()).toBe(before.getTime());
	});

	it('ends after 30 days without use', async () => {
		const client = await clientFor(app, 'employee');
		const [id] = client.cookies.get(sessionCookie())!.split('.') as [string];
		await app.db.update(session).set({ lastVerifiedAt: new Date(Date.now() - 31 * 24 * 60 * 60_000) }).where(eq(session.id, id));
		expect((await client.get('/account')).status).toBe(303);
		expect(await app.db.select().from(session).where(eq(session.id, id))).toHaveLength(0);
	});

	it('ends 90 days after sign-in however active (absolute lifetime)', async () => {
		const client = await clientFor(app, 'employee');
		const [id] = client.cookies.get(sessionCookie())!.split('.') as [string];
		await app.db.update(session).set({ createdAt: new Date(Date.now() - 91 * 24 * 60 * 60_000), lastVerifiedAt: new Date() }).where(eq(session.id, id));
		expect((await client.get('/account')).status).toBe(303);
	});

	it('signs out everywhere from the account page', async () => {
		const account = await newAccount();
		const phone = app.client();
		const laptop = app.client();
		await phone.signIn(account.email, account.password);
		await laptop.signIn(account.email, account.password);
		const result = await laptop.action('/account?/everywhere', {});
		expect(result.type).toBe('redirect');
		expect((await phone.get('/account')).status).toBe(303);
		expect(await app.db.select().from(session).where(eq(session.personId, account.id))).toHaveLength(0);
	});

	it('signs out one other device, and cannot touch another person\'s session', async () => {
		const account = await newAccount();
		const phone = app.client();
		const laptop = app.client();
		await phone.signIn(account.email, account.password);
		await laptop.signIn(account.email, account.password);
		const phoneSession = phone.cookies.get(sessionCookie())!.split('.')[0]!;
		const stranger = await clientFor(app, 'employee');
		await stranger.action('/account?/revoke', { session: phoneSession });
		expect((await phone.get('/account')).status).toBe(200);
		await laptop.action('/account?/revoke', { session: phoneSession });
		expect((await phone.get('/account')).status).toBe(303);
		expect((await laptop.get('/account')).status).toBe(200);
	});

	it('ends every session of a person HR deactivates, at once', async () => {
		const account = await newAccount();
		const client = app.client();
		await client.signIn(account.email, account.password);
		const hr = await clientFor(app, 'hr');
		expect((await hr.action(`/admin/people/${account.id}?/deactivate`, {})).type).toBe('redirect');
		expect((await client.get('/account')).status).toBe(303);
	});

	it('ends every session when an employee becomes alumni (lost rights)', async () => {
		const account = await newAccount();
		const client = app.client();
		await client.signIn(account.email, account.password);
		const hr = await clientFor(app, 'hr');
		const result = await hr.action(`/admin/people/${account.id}?/save`, {
			name: account.name,
			email: account.email,
			kind: 'alumni',
			jobTitle: '',
			unitId: '',
			managerEmail: '',
			partnerOrgId: '',
			locale: ''
		});
		expect(result.type).toBe('redirect');
		expect((await client.get('/account')).status).toBe(303);
	});
});

describe('password change', () => {
	it('refuses a wrong current password next to the field, and changes nothing', async () => {
		const account = await newAccount();
		const client = app.client();
		await client.signIn(account.email, account.password);
		const result = await client.action('/account?/password', { current: 'not my password', password: 'brand new password', confirm: 'brand new password' });
		expect(result.status).toBe(400);
		expect(result.data?.errors).toMatchObject({ current: 'This is not your current password.' });
		const [row] = await app.db.select().from(person).where(eq(person.id, account.id));
		expect(row!.passwordHash).toBe(account.passwordHash);
	});

	it('refuses a short new password and a confirmation that differs', async () => {
		const account = await newAccount();
		const client = app.client();
		await client.signIn(account.email, account.password);
		const result = await client.action('/account?/password', { current: account.password, password: 'short', confirm: 'other' });
		expect(result.data?.errors).toMatchObject({ password: 'Use at least 12 characters.' });
	});

	it('changes it, ends the other sessions, keeps this one, and emails the person', async () => {
		const account = await newAccount();
		const other = app.client();
		const client = app.client();
		await other.signIn(account.email, account.password);
		await client.signIn(account.email, account.password);
		const result = await client.action('/account?/password', { current: account.password, password: 'brand new password', confirm: 'brand new password' });
		expect(result.type).toBe('redirect');
		expect((await other.get('/account')).status).toBe(303);
		expect((await client.get('/account')).status).toBe(200);
		expect((await latestEmail(app.db, account.email))?.purpose).toBe('password_changed');
		expect((await app.client().action('/login', { email: account.email, password: 'brand new password' })).type).toBe('redirect');
	});
});

describe('password reset', () => {
	it('emails a single-use link that sets a new password and ends every session', async () => {
		const account = await newAccount();
		const signedIn = app.client();
		await signedIn.signIn(account.email, account.password);
		const request = await app.client().action('/reset', { email: account.email.toUpperCase() });
		expect(request.data).toMatchObject({ sent: true });
		const email = await latestEmail(app.db, account.email);
		expect(email?.purpose).toBe('password_reset');
		const path = pathOf(email?.link);
		expect(await (await app.client().get(path)).text()).toContain('Choose a new password');
		const done = await app.client().action(path, { password: 'reset new password', confirm: 'reset new password' });
		expect(done).toMatchObject({ type: 'redirect', location: '/login' });
		expect((await signedIn.get('/account')).status).toBe(303);
		expect((await app.client().action('/login', { email: account.email, password: account.password })).status).toBe(400);
		expect((await app.client().action('/login', { email: account.email, password: 'reset new password' })).type).toBe('redirect');
		const again = await app.client().action(path, { password: 'another new password', confirm: 'another new password' });
		expect(again.status).toBe(410);
	});

	it('answers the same for an unknown address, and sends nothing', async () => {
		const email = freshEmail('unknown');
		const result = await app.client().action('/reset', { email });
		expect(result.data).toMatchObject({ sent: true });
		expect(await latestEmail(app.db, email)).toBeNull();
	});

	it('uses a link once, even when it is submitted twice at the same moment', async () => {
		const account = await newAccount();
		await app.client().action('/reset', { email: account.email });
		const path = pathOf((await latestEmail(app.db, account.email))?.link);
		const results = await Promise.all(
			['first parallel password', 'second parallel password', 'third parallel password'].map((password) =>
				app.client().action(path, { password, confirm: password })
			)
		);
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 410)).toHaveLength(2);
	});

	it('stops working after an hour', async () => {
		const account = await newAccount();
		await app.client().action('/reset', { email: account.email });
		const path = pathOf((await latestEmail(app.db, account.email))?.link);
		await app.db.update(authToken).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authToken.personId, account.id));
		expect(await (await app.client().get(path)).text()).toContain('This link no longer works');
		expect((await app.client().action(path, { password: 'too late password', confirm: 'too late password' })).status).toBe(410);
	});

	it('stores only a hash of the emailed token', async () => {
		const account = await newAccount();
		await app.client().action('/reset', { email: account.email });
		const link = (await latestEmail(app.db, account.email))!.link!;
		const secret = link.split('.').at(-1)!;
		const [token] = await app.db.select().from(authToken).where(and(eq(authToken.personId, account.id), eq(authToken.purpose, 'reset')));
		expect(Buffer.from(token!.secretHash)).toEqual(Buffer.from(hashSecret(secret)));
	});

	it('limits reset requests per account with a clear message', async () => {
		const account = await newAccount();
		const results = [];
		for (let attempt = 0; attempt < 4; attempt++) results.push(await app.client({ ip: `203.0.113.${attempt + 50}` }).action('/reset', { email: account.email }));
		expect(results.slice(0, 3).every((result) => result.type === 'success')).toBe(true);
		expect(results[3]!.status).toBe(429);
		expect(String(results[3]!.data?.message)).toMatch(/Try again in \d+ minutes/);
		expect(await app.db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, account.email))).toHaveLength(3);
	});
});

describe('invitations', () => {
	async function invite(email = freshEmail('invitee')) {
		const hr = await clientFor(app, 'hr');
		const result = await hr.action('/admin/people/new', {
			name: 'Invited Person',
			email,
			kind: 'employee',
			jobTitle: 'Analyst',
			unitId: '',
			managerEmail: demo.manager,
			partnerOrgId: '',
			locale: 'nl'
		});
		expect(result.type).toBe('redirect');
		return { email, link: (await latestEmail(app.db, email))!.link! };
	}

	it('emails a 7-day link in the invitee\'s language; accepting sets name and password and signs in', async () => {
		const { email, link } = await invite();
		const message = await latestEmail(app.db, email);
		expect(message?.subject).toMatch(/uitgenodigd/);
		const client = app.client();
		expect(await (await client.get(pathOf(link))).text()).toContain(email);
		const result = await client.action(pathOf(link), { name: 'Invited Person Renamed', password: 'my own password', confirm: 'my own password' });
		expect(result).toMatchObject({ type: 'redirect', location: '/' });
		expect((await client.get('/account')).status).toBe(200);
		const row = await personByEmail(app.db, email);
		expect(row).toMatchObject({ status: 'active', name: 'Invited Person Renamed' });
		expect((await app.client().action('/login', { email, password: 'my own password' })).type).toBe('redirect');
		const [token] = await app.db.select().from(authToken).where(eq(authToken.personId, row.id));
		expect(Math.abs(token!.expiresAt.getTime() - token!.createdAt.getTime() - 7 * 24 * 60 * 60_000)).toBeLessThan(5_000);
	});

	it('accepts once, even when submitted twice at the same moment', async () => {
		const { link } = await invite();
		const results = await Promise.all(
			['first accepted password', 'second accepted password'].map((password) => app.client().action(pathOf(link), { name: 'Racer', password, confirm: password }))
		);
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 410)).toHaveLength(1);
	});

	it('refuses an expired invitation and bad input (errors next to the fields, nothing written)', async () => {
		const { email, link } = await invite();
		const bad = await app.client().action(pathOf(link), { name: '', password: 'short', confirm: 'different' });
		expect(bad.data?.errors).toMatchObject({ name: 'Please fill this in.', password: 'Use at least 12 characters.' });
		expect((await personByEmail(app.db, email)).status).toBe('invited');
		await app.db.update(authToken).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authToken.personId, (await personByEmail(app.db, email)).id));
		expect((await app.client().action(pathOf(link), { name: 'Late', password: 'late password 123', confirm: 'late password 123' })).status).toBe(410);
	});

	it('a new invitation makes the earlier link stop working', async () => {
		const { email, link } = await invite();
		const hr = await clientFor(app, 'hr');
		const id = (await personByEmail(app.db, email)).id;
		expect((await hr.action(`/admin/people/${id}?/resend`, {})).type).toBe('redirect');
		const fresh = (await latestEmail(app.db, email))!.link!;
		expect(fresh).not.toBe(link);
		expect((await app.client().action(pathOf(link), { name: 'Old', password: 'old link password', confirm: 'old link password' })).status).toBe(410);
		expect((await app.client().action(pathOf(fresh), { name: 'New', password: 'new link password', confirm: 'new link password' })).type).toBe('redirect');
	});
});
