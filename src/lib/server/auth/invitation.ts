import { eq } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { person } from '../db/schema';
import { recordAudit } from '../audit';
import { queueEmail } from '../mail/outbox';
import { invitationEmail, recipientLocale } from '../mail/templates';
import type { Organisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { hashPassword } from './password';
import { createSession } from './session';
import { findLiveToken, issueAuthToken, markTokenUsed, tokenLifetimeMs, type TokenHolder } from './tokens-store';

export interface Invitee {
	id: string;
	email: string;
	name: string;
	locale: string | null;
}

/** Issues the invitation token and queues its email, in the caller's transaction. */
export async function sendInvitation(
	executor: Executor,
	invitee: Invitee,
	inviter: { id: string; name: string },
	organisation: Organisation,
	origin: string
): Promise<void> {
	const token = await issueAuthToken(executor, 'invite', invitee.id, inviter.id);
	await queueEmail(executor, {
		to: invitee.email,
		personId: invitee.id,
		purpose: 'invitation',
		...invitationEmail(recipientLocale(invitee.locale, organisation.defaultLocale), {
			organisation: organisation.name,
			inviter: inviter.name,
			name: invitee.name,
			link: `${origin}/invite/${token}`,
			days: tokenLifetimeMs.invite / (24 * 60 * 60_000)
		})
	});
}

/** The invitation behind a link, if it can still be accepted. */
export async function findInvitation(token: string): Promise<TokenHolder | null> {
	const holder = await findLiveToken(db, 'invite', token);
	return holder?.status === 'invited' ? holder : null;
}

/** Accepting sets name and password, activates the account and signs the person in. */
export async function acceptInvitation(
	token: string,
	input: { name: string; password: string },
	meta: RequestMeta
): Promise<{ token: string; personId: string; expiresAt: Date } | null> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const holder = await findLiveToken(tx, 'invite', token, { lock: true });
		if (!holder || holder.status !== 'invited') return null;
		await markTokenUsed(tx, holder.tokenId);
		await tx.update(person).set({ name: input.name, passwordHash, status: 'active', updatedAt: new Date() }).where(eq(person.id, holder.personId));
		await recordAudit(tx, { actorId: holder.personId, action: 'person.invitation_accepted', target: { type: 'person', id: holder.personId, label: input.name }, ip: meta.ip });
		const session = await createSession(tx, holder.personId, meta);
		return { token: session.token, personId: holder.personId, expiresAt: session.session.expiresAt };
	});
}
