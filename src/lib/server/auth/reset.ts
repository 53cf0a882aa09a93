import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { person } from '../db/schema';
import { recordAudit } from '../audit';
import { queueEmail } from '../mail/outbox';
import { passwordResetEmail, recipientLocale } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { normalizeEmail } from './index';
import { hashPassword } from './password';
import { consume, limits, minutesUntil } from './rate-limit';
import { invalidatePersonSessions } from './session';
import { findLiveToken, issueAuthToken, markTokenUsed, tokenLifetimeMs } from './tokens-store';

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

/** Always "if the address is known, a link is on its way": the answer never says whether it is. */
export async function requestPasswordReset(emailInput: string, meta: RequestMeta): Promise<ResetRequestResult> {
	const email = normalizeEmail(emailInput);
	for (const [key, limit] of [
		[`reset:ip:${meta.ip ?? 'unknown'}`, limits.resetPerIp],
		[`reset:account:${email}`, limits.resetPerAccount]
	] as const) {
		const verdict = await consume(key, limit);
		if (!verdict.allowed) return { ok: false, reason: 'rate_limited', retryAfterMinutes: minutesUntil(verdict.retryAfterMs) };
	}
	const [account] = await db
		.select({ id: person.id, name: person.name, locale: person.locale })
		.from(person)
		.where(and(eq(person.email, email), eq(person.status, 'active')));
	if (!account) {
		// Written all the same: HR sees the probing, and the answer takes about as long as for a known address.
		await db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'auth.password_reset_requested', ip: meta.ip, details: { email, known: false } }));
		return { ok: true };
	}
	const organisation = await getOrganisation();
	await db.transaction(async (tx) => {
		const token = await issueAuthToken(tx, 'reset', account.id, null);
		await queueEmail(tx, {
			to: email,
			personId: account.id,
			purpose: 'password_reset',
			...passwordResetEmail(recipientLocale(account.locale, organisation.defaultLocale), {
				organisation: organisation.name,
				link: `${meta.origin}/reset/${token}`,
				minutes: tokenLifetimeMs.reset / 60_000
			})
		});
		await recordAudit(tx, { actorId: null, action: 'auth.password_reset_requested', target: { type: 'person', id: account.id, label: account.name }, ip: meta.ip });
	});
	return { ok: true };
}

export async function isResetTokenLive(token: string): Promise<boolean> {
	const holder = await findLiveToken(db, 'reset', token);
	return holder?.status === 'active';
}

/** Sets the new password and ends every session: whoever had the old one is out. */
export async function resetPassword(token: string, password: string, meta: RequestMeta): Promise<boolean> {
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const holder = await findLiveToken(tx, 'reset', token, { lock: true });
		if (!holder || holder.status !== 'active') return false;
		await markTokenUsed(tx, holder.tokenId);
		await tx.update(person).set({ passwordHash, updatedAt: new Date() }).where(eq(person.id, holder.personId));
		await invalidatePersonSessions(tx, holder.personId);
		await recordAudit(tx, { actorId: holder.personId, action: 'auth.password_reset', target: { type: 'person', id: holder.personId, label: holder.name }, ip: meta.ip });
		return true;
	});
}
