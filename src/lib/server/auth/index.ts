import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { person } from '../db/schema';
import { recordAudit } from '../audit';
import { queueEmail } from '../mail/outbox';
import { passwordChangedEmail, recipientLocale } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { hashPassword, verifyPassword } from './password';
import { consume, limits, minutesUntil, reset, type Verdict } from './rate-limit';
import { createSession, invalidatePersonSessions, type SessionInfo } from './session';

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export type SignInResult =
	| { ok: true; token: string; session: SessionInfo; personId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

function worst(...verdicts: Verdict[]): Verdict {
	const refused = verdicts.filter((verdict) => !verdict.allowed);
	if (refused.length === 0) return { allowed: true };
	return { allowed: false, retryAfterMs: Math.max(...refused.map((verdict) => verdict.retryAfterMs)) };
}

/**
 * Email + password. Unknown email, wrong password, an invitation not yet accepted and a
 * deactivated account all answer the same, in about the same time.
 */
export async function signIn(input: { email: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
	const email = normalizeEmail(input.email);
	const accountKey = `login:account:${email}`;
	const verdict = worst(
		await consume(`login:ip:${meta.ip ?? 'unknown'}`, limits.loginPerIp),
		await consume(accountKey, limits.loginPerAccount)
	);
	if (!verdict.allowed) {
		await recordAudit(db, { actorId: null, action: 'auth.sign_in_failed', ip: meta.ip, details: { email, reason: 'rate_limited' } });
		return { ok: false, reason: 'rate_limited', retryAfterMinutes: minutesUntil(verdict.retryAfterMs) };
	}
	const [account] = await db
		.select({ id: person.id, name: person.name, passwordHash: person.passwordHash })
		.from(person)
		.where(and(eq(person.email, email), eq(person.status, 'active')));
	const valid = await verifyPassword(account?.passwordHash, input.password);
	if (!account || !valid) {
		await recordAudit(db, {
			actorId: null,
			action: 'auth.sign_in_failed',
			target: account ? { type: 'person', id: account.id, label: account.name } : undefined,
			ip: meta.ip,
			details: { email, reason: 'invalid' }
		});
		return { ok: false, reason: 'invalid' };
	}
	await reset(accountKey);
	const created = await db.transaction(async (tx) => {
		const result = await createSession(tx, account.id, meta);
		await recordAudit(tx, { actorId: account.id, action: 'auth.sign_in', target: { type: 'person', id: account.id, label: account.name }, ip: meta.ip });
		return result;
	});
	return { ok: true, token: created.token, session: created.session, personId: account.id };
}

export type PasswordChangeResult = { ok: true } | { ok: false; reason: 'wrong_password' } | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

/** Changing the password ends every other session and tells the person by email. */
export async function changePassword(
	personId: string,
	currentSessionId: string,
	input: { current: string; next: string },
	meta: RequestMeta
): Promise<PasswordChangeResult> {
	const [account] = await db
		.select({ email: person.email, name: person.name, locale: person.locale, passwordHash: person.passwordHash })
		.from(person)
		.where(eq(person.id, personId));
	if (!account) return { ok: false, reason: 'wrong_password' };
	const verdict = await consume(`login:account:${account.email}`, limits.loginPerAccount);
	if (!verdict.allowed) return { ok: false, reason: 'rate_limited', retryAfterMinutes: minutesUntil(verdict.retryAfterMs) };
	if (!(await verifyPassword(account.passwordHash, input.current))) return { ok: false, reason: 'wrong_password' };
	const passwordHash = await hashPassword(input.next);
	const organisation = await getOrganisation();
	await db.transaction(async (tx) => {
		await tx.update(person).set({ passwordHash, updatedAt: new Date() }).where(eq(person.id, personId));
		await invalidatePersonSessions(tx, personId, currentSessionId);
		await recordAudit(tx, { actorId: personId, action: 'auth.password_changed', target: { type: 'person', id: personId, label: account.name }, ip: meta.ip });
		const locale = recipientLocale(account.locale, organisation.defaultLocale);
		await queueEmail(tx, {
			to: account.email,
			personId,
			purpose: 'password_changed',
			...passwordChangedEmail(locale, { organisation: organisation.name, resetLink: `${meta.origin}/reset` })
		});
	});
	return { ok: true };
}

export async function signOutEverywhere(personId: string, meta: RequestMeta): Promise<void> {
	await db.transaction(async (tx) => {
		await invalidatePersonSessions(tx, personId);
		await recordAudit(tx, { actorId: personId, action: 'auth.sign_out_everywhere', target: { type: 'person', id: personId }, ip: meta.ip });
	});
}
