import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { outboxEmail, person } from '../../src/lib/server/db/schema';

export const demo = {
	hr: 'hr@noorderlicht.example',
	manager: 'manager@noorderlicht.example',
	employee: 'employee@noorderlicht.example',
	alumni: 'alumni@noorderlicht.example',
	partner: 'partner@partner.example',
	admin: 'admin@noorderlicht.example'
} as const;

export type DemoRole = keyof typeof demo;

export async function personByEmail(db: Database, email: string) {
	const [row] = await db.select().from(person).where(eq(person.email, email));
	if (!row) throw new Error(`No person ${email} in the test database`);
	return row;
}

/** The newest email to an address, and the first Kring link in it. */
export async function latestEmail(db: Database, to: string) {
	const [email] = await db.select().from(outboxEmail).where(eq(outboxEmail.toAddress, to)).orderBy(desc(outboxEmail.createdAt)).limit(1);
	return email ? { ...email, link: email.bodyText.match(/https?:\/\/\S+/)?.[0] ?? null } : null;
}

/** The path of an emailed link, to request it from the in-process server. */
export function pathOf(link: string | null | undefined): string {
	if (!link) throw new Error('The email holds no link');
	const url = new URL(link);
	return url.pathname + url.search;
}

let counter = 0;
/** A unique, valid email address for people a test creates. */
export function freshEmail(prefix = 'person'): string {
	counter += 1;
	return `${prefix}.${Date.now().toString(36)}${counter}@test.example`;
}
