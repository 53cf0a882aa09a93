import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { db, prepared, type Executor } from '../db';
import { orgUnit, person, session } from '../db/schema';
import { actorColumns, type Actor } from '../authz/actor';
import { issueToken, parseToken, secretMatches } from './tokens';

const hour = 60 * 60 * 1000;
const day = 24 * hour;

export const sessionPolicy = {
	/** Sliding: a session unused for this long ends. */
	idleMs: 30 * day,
	/** Absolute: every session ends this long after sign-in, however active (ASVS). */
	absoluteMs: 90 * day,
	/** Extend the sliding expiry at most this often: a write per request would halve throughput. */
	renewAfterMs: hour
} as const;

export interface SessionInfo {
	id: string;
	createdAt: Date;
	lastVerifiedAt: Date;
	expiresAt: Date;
}

export interface ValidSession {
	session: SessionInfo;
	actor: Actor;
	/** The expiry moved: send the cookie again with the new lifetime. */
	renewed: boolean;
}

function expiresAt(createdAt: Date, lastVerifiedAt: Date): Date {
	return new Date(Math.min(lastVerifiedAt.getTime() + sessionPolicy.idleMs, createdAt.getTime() + sessionPolicy.absoluteMs));
}

export async function createSession(
	executor: Executor,
	personId: string,
	meta: { userAgent?: string | null; ip?: string | null }
): Promise<{ token: string; session: SessionInfo }> {
	const issued = issueToken();
	const [row] = await executor
		.insert(session)
		.values({
			id: issued.id,
			secretHash: issued.secretHash,
			personId,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
			ip: meta.ip ?? null
		})
		.returning({ createdAt: session.createdAt, lastVerifiedAt: session.lastVerifiedAt });
	const { createdAt, lastVerifiedAt } = row!;
	return {
		token: issued.token,
		session: { id: issued.id, createdAt, lastVerifiedAt, expiresAt: expiresAt(createdAt, lastVerifiedAt) }
	};
}

/** One query per request: the session, its person, and whether they manage anyone. */
const sessionWithPerson = prepared((database) =>
	database
		.select({
			secretHash: session.secretHash,
			createdAt: session.createdAt,
			lastVerifiedAt: session.lastVerifiedAt,
			...actorColumns,
			// The same reports as the people module's directReports (and its index: person_reports_idx).
			isManager: sql<boolean>`(exists (select 1 from ${person} as report where report.manager_id = ${person.id} and report.status <> 'deactivated' and report.kind = 'employee') or exists (select 1 from ${orgUnit} where ${orgUnit.leadId} = ${person.id}))`
		})
		.from(session)
		.innerJoin(person, eq(person.id, session.personId))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare('session_with_person')
);

export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const [row] = await sessionWithPerson().execute({ id: parsed.id });
	if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
	const expiry = expiresAt(row.createdAt, row.lastVerifiedAt);
	if (row.status !== 'active' || now >= expiry) {
		await invalidateSession(parsed.id);
		return null;
	}
	let lastVerifiedAt = row.lastVerifiedAt;
	let renewed = false;
	if (now.getTime() - lastVerifiedAt.getTime() >= sessionPolicy.renewAfterMs) {
		lastVerifiedAt = now;
		renewed = true;
		await db.update(session).set({ lastVerifiedAt: now }).where(eq(session.id, parsed.id));
	}
	return {
		session: {
			id: parsed.id,
			createdAt: row.createdAt,
			lastVerifiedAt,
			expiresAt: expiresAt(row.createdAt, lastVerifiedAt)
		},
		actor: {
			id: row.id,
			name: row.name,
			email: row.email,
			kind: row.kind,
			roles: row.roles,
			isManager: Boolean(row.isManager),
			unitId: row.unitId,
			managerId: row.managerId,
			partnerOrgId: row.partnerOrgId,
			locale: row.locale
		},
		renewed
	};
}

export async function invalidateSession(sessionId: string, executor: Executor = db): Promise<void> {
	await executor.delete(session).where(eq(session.id, sessionId));
}

/** Signs out one of a person's own sessions (another device); someone else's is left alone. */
export async function invalidateOwnSession(personId: string, sessionId: string): Promise<void> {
	await db.delete(session).where(and(eq(session.id, sessionId), eq(session.personId, personId)));
}

/** Ends every session of a person (sign out everywhere, deactivation, lost rights), optionally but one. */
export async function invalidatePersonSessions(executor: Executor, personId: string, exceptSessionId?: string): Promise<void> {
	await executor
		.delete(session)
		.where(exceptSessionId ? and(eq(session.personId, personId), ne(session.id, exceptSessionId)) : eq(session.personId, personId));
}

export async function listSessions(personId: string): Promise<(SessionInfo & { userAgent: string | null; ip: string | null })[]> {
	const rows = await db
		.select({
			id: session.id,
			createdAt: session.createdAt,
			lastVerifiedAt: session.lastVerifiedAt,
			userAgent: session.userAgent,
			ip: session.ip
		})
		.from(session)
		.where(eq(session.personId, personId))
		.orderBy(desc(session.lastVerifiedAt));
	return rows.map((row) => ({ ...row, expiresAt: expiresAt(row.createdAt, row.lastVerifiedAt) }));
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
	const removed = await db
		.delete(session)
		.where(
			or(
				lt(session.lastVerifiedAt, new Date(now.getTime() - sessionPolicy.idleMs)),
				lt(session.createdAt, new Date(now.getTime() - sessionPolicy.absoluteMs))
			)
		)
		.returning({ id: session.id });
	return removed.length;
}
