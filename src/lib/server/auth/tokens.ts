import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Secrets handed to a browser or an inbox: `id.secret`, each part 120 random bits in base32.
 * The id finds the row; only SHA-256 of the secret is stored and compared in constant time,
 * so a leaked database yields no usable tokens.
 */
export interface IssuedToken {
	id: string;
	secretHash: Uint8Array;
	token: string;
}

function randomPart(): string {
	const bytes = new Uint8Array(15); // 120 bits
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function issueToken(): IssuedToken {
	const id = randomPart();
	const secret = randomPart();
	return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/** Splits a presented token; null when it cannot be one of ours. */
export function parseToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	const shape = /^[a-z2-7]{24}$/;
	if (!shape.test(id) || !shape.test(secret)) return null;
	return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}
