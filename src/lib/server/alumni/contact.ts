import { and, eq, sql } from 'drizzle-orm';
import { db, isId, outer } from '../db';
import { alumniMessage, alumniProfile, person } from '../db/schema';
import { recordAudit } from '../audit';
import { consume, limits } from '../auth/rate-limit';
import { can, listedAlumniFilter, type Actor } from '../authz';
import { queueEmail } from '../mail/outbox';
import { recipientLocale } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { contactEmail } from './mail';

export interface ContactTarget {
	id: string;
	name: string;
	/** The message this answers, when replying. */
	replyTo: string | null;
}

/**
 * Whom the actor may write to at `personId`: a listed alumnus, or (with `replyTo`) the sender of a
 * message the actor received, listed or not. Null when neither: the page says 404.
 */
export async function contactTarget(actor: Actor, personId: string, replyTo?: string | null): Promise<ContactTarget | null> {
	if (!isId(personId) || (replyTo && !isId(replyTo))) return null;
	const [row] = await db
		.select({
			id: person.id,
			name: person.name,
			listed: sql<boolean>`coalesce(${listedAlumniFilter()}, false)`,
			wroteToActor: replyTo
				? sql<boolean>`exists (select 1 from ${alumniMessage} where ${alumniMessage.id} = ${replyTo} and ${alumniMessage.senderId} = ${outer(person.id)} and ${alumniMessage.recipientId} = ${actor.id})`
				: sql<boolean>`false`
		})
		.from(person)
		.leftJoin(alumniProfile, eq(alumniProfile.personId, person.id))
		.where(and(eq(person.id, personId), eq(person.status, 'active')));
	if (!row || !can(actor, 'alumni.contact', row)) return null;
	return { id: row.id, name: row.name, replyTo: row.wroteToActor ? replyTo! : null };
}

export interface ContactInput {
	body: string;
	includeEmail: boolean;
}

export type ContactResult = { ok: true } | { ok: false; reason: 'not_found' | 'limit' };

/**
 * Sends a message by email: the recipient's address is never shown to the sender, the sender's
 * only when they include it. The reply link brings the recipient back to Kring. The body goes out
 * and is kept nowhere else: the audit log and the message row hold who and when only.
 */
export async function sendMessage(actor: Actor, personId: string, replyTo: string | null, input: ContactInput, meta: RequestMeta): Promise<ContactResult> {
	const target = await contactTarget(actor, personId, replyTo);
	if (!target) return { ok: false, reason: 'not_found' };
	// One atomic count per sender, so parallel sends cannot pass the daily limit together.
	if (!(await consume(`contact:${actor.id}`, limits.contactPerSender)).allowed) return { ok: false, reason: 'limit' };
	const organisation = await getOrganisation();
	await db.transaction(async (tx) => {
		const [recipient] = await tx.select({ email: person.email, locale: person.locale }).from(person).where(eq(person.id, target.id));
		const [message] = await tx.insert(alumniMessage).values({ senderId: actor.id, recipientId: target.id, replyToId: target.replyTo }).returning({ id: alumniMessage.id });
		await queueEmail(tx, {
			to: recipient!.email,
			personId: target.id,
			purpose: 'alumni_message',
			...contactEmail(recipientLocale(recipient!.locale, organisation.defaultLocale), {
				organisation: organisation.name,
				sender: actor.name,
				body: input.body,
				replyLink: `${meta.origin}/alumni/contact/${actor.id}?reply=${message!.id}`,
				senderEmail: input.includeEmail ? actor.email : null
			})
		});
		await recordAudit(tx, { actorId: actor.id, action: 'alumni.message_sent', target: { type: 'person', id: target.id, label: target.name }, ip: meta.ip, details: { reply: !!target.replyTo } });
	});
	return { ok: true };
}
