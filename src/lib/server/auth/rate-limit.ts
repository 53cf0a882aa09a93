import { eq, lt, sql } from 'drizzle-orm';
import { db } from '../db';
import { rateLimit } from '../db/schema';
import { contactsPerDay } from '$lib/alumni';

export interface Limit {
	/** Most attempts allowed in one window. */
	max: number;
	windowMs: number;
}

export const limits = {
	loginPerAccount: { max: 10, windowMs: 15 * 60_000 },
	loginPerIp: { max: 300, windowMs: 15 * 60_000 },
	resetPerAccount: { max: 3, windowMs: 60 * 60_000 },
	resetPerIp: { max: 20, windowMs: 60 * 60_000 },
	// Messages through the alumni directory, per sender (kept here so housekeeping keeps the window).
	contactPerSender: { max: contactsPerDay, windowMs: 24 * 60 * 60_000 }
} satisfies Record<string, Limit>;

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts one attempt against `key` and says whether it is allowed. One atomic upsert in
 * PostgreSQL, so the limit holds across instances and under parallel attempts.
 */
export async function consume(key: string, limit: Limit, now = new Date()): Promise<Verdict> {
	// Raw SQL parameters are sent as text: postgres.js does not serialise a Date given to sql``.
	const cutoff = new Date(now.getTime() - limit.windowMs).toISOString();
	const start = now.toISOString();
	const [row] = await db
		.insert(rateLimit)
		.values({ key, windowStart: now, hits: 1 })
		.onConflictDoUpdate({
			target: rateLimit.key,
			set: {
				hits: sql`case when ${rateLimit.windowStart} <= ${cutoff}::timestamptz then 1 else ${rateLimit.hits} + 1 end`,
				windowStart: sql`case when ${rateLimit.windowStart} <= ${cutoff}::timestamptz then ${start}::timestamptz else ${rateLimit.windowStart} end`
			}
		})
		.returning({ hits: rateLimit.hits, windowStart: rateLimit.windowStart });
	if (row!.hits <= limit.max) return { allowed: true };
	return { allowed: false, retryAfterMs: row!.windowStart.getTime() + limit.windowMs - now.getTime() };
}

/** Forget the attempts against a key (after a successful sign-in). */
export async function reset(key: string): Promise<void> {
	await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

export async function deleteStaleRateLimits(now = new Date()): Promise<void> {
	const longest = Math.max(...Object.values(limits).map((limit) => limit.windowMs));
	await db.delete(rateLimit).where(lt(rateLimit.windowStart, new Date(now.getTime() - longest)));
}

/** Whole minutes, rounded up, for "try again in N minutes". */
export function minutesUntil(ms: number): number {
	return Math.max(1, Math.ceil(ms / 60_000));
}
