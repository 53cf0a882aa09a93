import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { auditEvent, authToken, outboxEmail, rateLimit, session } from '../../src/lib/server/db/schema';
import { installedDatabase, rawRows } from '../../src/lib/server/db';
import { deliverPending, queueEmail } from '../../src/lib/server/mail/outbox';
import { housekeeping, startJobs, stopJobs } from '../../src/lib/server/jobs';
import { readConfig } from '../../src/lib/server/config';
import { createSession } from '../../src/lib/server/auth/session';
import { shortLived } from '../../src/lib/server/cache';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('database statements', () => {
	it('are prepared once per connection on PostgreSQL (parsed and planned once), and inside transactions too', async () => {
		const { driver } = installedDatabase()!;
		await app.db.transaction(async (tx) => {
			for (const n of [1, 2, 3]) await tx.execute(sql`select ${n}::int as n /* kring prepared check */`);
			// Spelled in two halves, so that this statement does not count itself.
			const [row] = await rawRows<{ count: number }>(tx, sql`select count(*)::int as count from pg_prepared_statements where statement like '%kring prepared' || ' check%'`);
			// The embedded driver sends unnamed statements: there is no pool of connections to keep them on.
			expect(row?.count).toBe(driver === 'postgres' ? 1 : 0);
		});
	});

	it('refuse the database itself, or a cached read, inside a transaction (each would wait on the pool while holding a connection)', async () => {
		const cached = shortLived(60_000, async () => 1);
		await cached.get();
		await app.db.transaction(async (tx) => {
			// What the driver threw, thrown at once or rejected, and wrapped by drizzle or not.
			const refusal = (attempt: () => Promise<unknown>) => attempt().then(() => 'no refusal', (error: Error) => String(error.cause ?? error));
			expect(await refusal(async () => app.db.execute(sql`select 1`))).toMatch(/inside a transaction/);
			// A second transaction would take a second connection just the same.
			expect(await refusal(async () => app.db.transaction(async () => {}))).toMatch(/inside a transaction/);
			// Fresh now, the same read would reach the pool once it expires.
			expect(() => cached.get()).toThrow(/inside a transaction/);
			expect(await rawRows<{ n: number }>(tx, sql`select 1 as n`)).toEqual([{ n: 1 }]);
		});
		expect(await rawRows<{ n: number }>(app.db, sql`select 1 as n`)).toEqual([{ n: 1 }]);
	});
});

describe('audit log', () => {
	it('cannot be changed or deleted, not even by the application', async () => {
		const [event] = await app.db.select().from(auditEvent).limit(1);
		const existing = event ?? (await app.db.insert(auditEvent).values({ action: 'settings.updated' }).returning())[0]!;
		await expect(app.db.update(auditEvent).set({ action: 'forged' }).where(eq(auditEvent.id, existing.id))).rejects.toThrow();
		await expect(app.db.delete(auditEvent).where(eq(auditEvent.id, existing.id))).rejects.toThrow();
		await expect(app.db.execute(sql`truncate audit_event`)).rejects.toThrow();
	});

	it('filters by event, by person and by date on /admin/audit', async () => {
		const hr = await clientFor(app, 'hr');
		await app.client().action('/login', { email: demo.partner, password: 'wrong password!' });
		await app.client().signIn(demo.employee);
		expect(await (await hr.get('/admin/audit')).text()).toContain('<td>Signed in</td>');
		// The filter leaves the sign-in out.
		const failed = await (await hr.get('/admin/audit?action=auth.sign_in_failed')).text();
		expect(failed).toContain('<td>Sign-in failed</td>');
		expect(failed).not.toContain('<td>Signed in</td>');
		const partner = await personByEmail(app.db, demo.partner);
		const about = await (await hr.get(`/admin/audit?target=${partner.id}`)).text();
		expect(about).toContain('Pieter Bakker');
		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		expect(await (await hr.get(`/admin/audit?from=${tomorrow}`)).text()).toContain('Nothing recorded for this filter.');
		expect(await (await hr.get('/admin/audit?to=2000-01-01')).text()).toContain('Nothing recorded for this filter.');
		// The form sends its empty fields too: they filter nothing.
		expect(await (await hr.get('/admin/audit?action=&actor=&target=&from=&to=')).text()).toContain('<td>Signed in</td>');
		expect(await (await hr.get(`/admin/audit?to=${tomorrow}&action=auth.sign_in_failed`)).text()).toContain('<td>Sign-in failed</td>');
	});
});

describe('outbox', () => {
	it('keeps mail for /admin/outbox when no SMTP server is configured, readable by admins only', async () => {
		const email = freshEmail('kept');
		await app.client().action('/reset', { email: demo.employee });
		await app.db.transaction((tx) => queueEmail(tx, { to: email, purpose: 'test', subject: 'Kept subject', text: 'Kept body' }));
		const [row] = await app.db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, email));
		expect(row?.status).toBe('kept');
		const admin = await clientFor(app, 'admin');
		expect(await (await admin.get('/admin/outbox')).text()).toContain('Kept subject');
		expect((await (await clientFor(app, 'hr')).get('/admin/outbox')).status).toBe(403);
	});

	it('is written with the change that causes it, or not at all', async () => {
		const email = freshEmail('rolled-back');
		await expect(
			app.db.transaction(async (tx) => {
				await queueEmail(tx, { to: email, purpose: 'test', subject: 'Never', text: 'Never' });
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await app.db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, email))).toHaveLength(0);
	});

	it('delivers each pending email once, even with two senders at the same moment', async () => {
		const addresses = Array.from({ length: 6 }, () => freshEmail('pending'));
		for (const to of addresses) await app.db.insert(outboxEmail).values({ toAddress: to, purpose: 'test', subject: 'Hi', bodyText: 'Hi', status: 'pending' });
		const sent: string[] = [];
		const transport = { send: async (message: { to: string }) => void sent.push(message.to) };
		await Promise.all([deliverPending(transport, 'kring@test.example'), deliverPending(transport, 'kring@test.example')]);
		expect(sent.filter((to) => addresses.includes(to)).sort()).toEqual([...addresses].sort());
		const rows = await app.db.select().from(outboxEmail).where(sql`${outboxEmail.toAddress} in ${addresses}`);
		expect(rows.every((row) => row.status === 'sent' && row.sentAt)).toBe(true);
	});

	it('retries a failing email and gives up after five attempts', async () => {
		const to = freshEmail('bounce');
		await app.db.insert(outboxEmail).values({ toAddress: to, purpose: 'test', subject: 'Hi', bodyText: 'Hi', status: 'pending' });
		const transport = { send: async (message: { to: string }) => { if (message.to === to) throw new Error('550 mailbox unavailable'); } };
		for (let attempt = 0; attempt < 6; attempt++) await deliverPending(transport, 'kring@test.example');
		const [row] = await app.db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, to));
		expect(row).toMatchObject({ status: 'failed', attempts: 5, lastError: expect.stringContaining('550') });
	});
});

describe('background jobs (pg-boss on this database)', () => {
	it('delivers the outbox through a real SMTP server', async () => {
		const received: string[] = [];
		const smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, session, callback) {
				let data = '';
				stream.on('data', (chunk) => (data += chunk));
				stream.on('end', () => {
					received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address), data);
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const port = (smtp.server.address() as AddressInfo).port;
		const previous = process.env.SMTP_URL;
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		try {
			const to = freshEmail('smtp');
			await app.db.transaction((tx) => queueEmail(tx, { to, purpose: 'test', subject: 'Through SMTP', text: 'Delivered by pg-boss' }));
			await startJobs(installedDatabase()!, readConfig());
			const deadline = Date.now() + 30_000;
			while (!received.includes(to) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
			expect(received).toContain(to);
			expect(received.join('\n')).toContain('Through SMTP');
			const [row] = await app.db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, to));
			expect(row?.status).toBe('sent');
		} finally {
			await stopJobs();
			process.env.SMTP_URL = previous ?? '';
			if (!previous) delete process.env.SMTP_URL;
			await new Promise<void>((resolve) => smtp.close(() => resolve()));
		}
	}, 60_000);

	it('housekeeping removes expired sessions, dead tokens and old rate-limit windows, and keeps live ones', async () => {
		const person = await personByEmail(app.db, demo.manager);
		const live = await createSession(app.db, person.id, {});
		const old = await createSession(app.db, person.id, {});
		await app.db.update(session).set({ lastVerifiedAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(session.id, old.session.id));
		await app.db.insert(authToken).values({ id: 'deadtokenaaaaaaaaaaaaaaa', purpose: 'reset', secretHash: new Uint8Array(32), personId: person.id, expiresAt: new Date(Date.now() - 3 * 86_400_000) });
		await app.db.insert(rateLimit).values({ key: 'login:account:stale@test.example', windowStart: new Date(Date.now() - 3 * 86_400_000), hits: 3 });
		await housekeeping();
		expect(await app.db.select().from(session).where(eq(session.id, live.session.id))).toHaveLength(1);
		expect(await app.db.select().from(session).where(eq(session.id, old.session.id))).toHaveLength(0);
		expect(await app.db.select().from(authToken).where(eq(authToken.id, 'deadtokenaaaaaaaaaaaaaaa'))).toHaveLength(0);
		expect(await app.db.select().from(rateLimit).where(eq(rateLimit.key, 'login:account:stale@test.example'))).toHaveLength(0);
	});
});

describe('security headers', () => {
	it('sends a nonce-based Content-Security-Policy and the usual hardening headers', async () => {
		const response = await (await clientFor(app, 'employee')).get('/');
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
		// Styles from our own files only, and the one hashed style attribute of Kit's route announcer.
		expect(csp).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-[\w+/=]+';/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});
});

describe('languages', () => {
	it('follows the browser for visitors, and the person\'s own choice once signed in', async () => {
		const visitor = app.client();
		const dutch = await visitor.request('/login', { headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' } });
		const html = await dutch.text();
		expect(html).toContain('<html lang="nl"');
		expect(html).toContain('Inloggen bij Kring');
		const employee = await clientFor(app, 'employee');
		await employee.action('/preferences?/language', { locale: 'nl', redirectTo: '/' });
		expect(await (await employee.request('/', { headers: { 'accept-language': 'en' } })).text()).toContain('Hallo, Eva');
		const elsewhere = await clientFor(app, 'employee');
		expect(await (await elsewhere.request('/', { headers: { 'accept-language': 'en' } })).text()).toContain('Hallo, Eva');
		await employee.action('/preferences?/language', { locale: 'en', redirectTo: '/' });
	});

	it('never redirects a language switch to another site', async () => {
		const result = await app.client().action('/preferences?/language', { locale: 'nl', redirectTo: 'https://evil.example/' });
		expect(result).toMatchObject({ type: 'redirect', location: '/' });
	});
});
