import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { outboxEmail, type OutboxStatus } from '../db/schema';
import { readConfig } from '../config';
import type { RenderedEmail } from './templates';
import { queues, requestSoon } from '../jobs/queue';

export interface OutgoingEmail extends RenderedEmail {
	to: string;
	personId?: string | null;
	purpose: string;
}

/**
 * Queue an email in the caller's transaction: it exists exactly when the change that caused it
 * commits. Without SMTP it is kept for admins to read at /admin/outbox.
 */
export async function queueEmail(executor: Executor, email: OutgoingEmail): Promise<void> {
	await queueEmails(executor, [email]);
}

/** Many at once (a pulse invites everyone): in multi-row inserts, far below PostgreSQL's parameter limit. */
export async function queueEmails(executor: Executor, emails: readonly OutgoingEmail[]): Promise<void> {
	const status: OutboxStatus = readConfig().smtpUrl ? 'pending' : 'kept';
	for (let start = 0; start < emails.length; start += 1000) {
		await executor.insert(outboxEmail).values(
			emails.slice(start, start + 1000).map((email) => ({
				toAddress: email.to,
				personId: email.personId ?? null,
				purpose: email.purpose,
				subject: email.subject,
				bodyText: email.text,
				status
			}))
		);
	}
	// Nudge the sender; should this run before the transaction commits, the schedule catches it.
	if (emails.length && readConfig().smtpUrl) void requestSoon(queues.deliverMail);
}

export async function listOutbox(options: { limit: number; offset: number; status?: OutboxStatus }) {
	const where = options.status ? eq(outboxEmail.status, options.status) : undefined;
	const [rows, [total]] = await Promise.all([
		db.select().from(outboxEmail).where(where).orderBy(desc(outboxEmail.createdAt)).limit(options.limit).offset(options.offset),
		db.select({ count: sql<number>`count(*)::int` }).from(outboxEmail).where(where)
	]);
	return { emails: rows, total: total?.count ?? 0 };
}

export interface MailTransport {
	send(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

const maxAttempts = 5;

/**
 * Sends what is pending. Rows are claimed with SKIP LOCKED so several instances can run this at
 * once without sending anything twice.
 */
export async function deliverPending(transport: MailTransport, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	await db.transaction(async (tx) => {
		const pending = await tx
			.select()
			.from(outboxEmail)
			.where(and(eq(outboxEmail.status, 'pending'), lt(outboxEmail.attempts, maxAttempts)))
			.orderBy(outboxEmail.createdAt)
			.limit(batch)
			.for('update', { skipLocked: true });
		for (const email of pending) {
			try {
				await transport.send({ from, to: email.toAddress, subject: email.subject, text: email.bodyText });
				await tx.update(outboxEmail).set({ status: 'sent', sentAt: new Date(), attempts: email.attempts + 1, lastError: null }).where(eq(outboxEmail.id, email.id));
				sent++;
			} catch (error) {
				const attempts = email.attempts + 1;
				await tx
					.update(outboxEmail)
					.set({ attempts, lastError: String(error).slice(0, 500), status: attempts >= maxAttempts ? 'failed' : 'pending' })
					.where(eq(outboxEmail.id, email.id));
				failed++;
			}
		}
	});
	return { sent, failed };
}

/** Delivered and kept mail holds links and personal data: keep it for a month, not forever. */
export async function deleteOldEmails(olderThan: Date): Promise<void> {
	await db.delete(outboxEmail).where(and(inArray(outboxEmail.status, ['sent', 'kept', 'failed']), lt(outboxEmail.createdAt, olderThan)));
}
