import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { authToken, person, type AuthTokenPurpose } from '../db/schema';
import { issueToken, parseToken, secretMatches } from './tokens';

export const tokenLifetimeMs: Record<AuthTokenPurpose, number> = {
	invite: 7 * 24 * 60 * 60_000,
	reset: 60 * 60_000
};

/** Issues a fresh emailed token; earlier unused ones of the same purpose stop working. */
export async function issueAuthToken(
	executor: Executor,
	purpose: AuthTokenPurpose,
	personId: string,
	createdBy: string | null,
	now = new Date()
): Promise<string> {
	await revokeUnusedTokens(executor, personId, purpose);
	const issued = issueToken();
	await executor.insert(authToken).values({
		id: issued.id,
		purpose,
		secretHash: issued.secretHash,
		personId,
		createdBy,
		expiresAt: new Date(now.getTime() + tokenLifetimeMs[purpose])
	});
	return issued.token;
}

/** Unused emailed links stop working: all of them, or those of one purpose. Used ones stay on record. */
export async function revokeUnusedTokens(executor: Executor, personId: string, purpose?: AuthTokenPurpose): Promise<void> {
	await executor
		.delete(authToken)
		.where(and(eq(authToken.personId, personId), purpose ? eq(authToken.purpose, purpose) : undefined, isNull(authToken.usedAt)));
}

export interface TokenHolder {
	tokenId: string;
	personId: string;
	email: string;
	name: string;
	status: 'invited' | 'active' | 'deactivated';
	locale: string | null;
}

/**
 * The person a live token belongs to, or null: unknown, used, expired or not matching are all
 * the same "no". Inside a transaction, `lock` holds the token row so it is used only once.
 */
export async function findLiveToken(
	executor: Executor,
	purpose: AuthTokenPurpose,
	token: string,
	options: { lock?: boolean; now?: Date } = {}
): Promise<TokenHolder | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const query = executor
		.select({
			tokenId: authToken.id,
			secretHash: authToken.secretHash,
			personId: person.id,
			email: person.email,
			name: person.name,
			status: person.status,
			locale: person.locale
		})
		.from(authToken)
		.innerJoin(person, eq(person.id, authToken.personId))
		.where(
			and(
				eq(authToken.id, parsed.id),
				eq(authToken.purpose, purpose),
				isNull(authToken.usedAt),
				gt(authToken.expiresAt, options.now ?? new Date())
			)
		);
	const [row] = options.lock ? await query.for('update', { of: authToken }) : await query;
	if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
	const { secretHash: _hash, ...holder } = row;
	return holder;
}

export async function markTokenUsed(executor: Executor, tokenId: string): Promise<void> {
	await executor.update(authToken).set({ usedAt: new Date() }).where(eq(authToken.id, tokenId));
}

export async function deleteDeadTokens(now = new Date()): Promise<void> {
	// Used and expired tokens are worthless; keep them a day for support questions, then drop them.
	const cutoff = new Date(now.getTime() - 24 * 60 * 60_000);
	await db.delete(authToken).where(or(lt(authToken.expiresAt, cutoff), lt(authToken.usedAt, cutoff)));
}
