import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id parameters: 19 MiB, 2 passes, 1 lane (about 9 ms here).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash it still spends the same work on a dummy one, so an
 * unknown email answers as slowly as a wrong password (no user enumeration through timing).
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
	if (!storedHash) {
		dummyHash ??= hashPassword('kring-timing-equaliser');
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	return verify(storedHash, password).catch(() => false);
}
