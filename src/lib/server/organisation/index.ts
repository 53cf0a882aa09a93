import { eq } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { organisation, person } from '../db/schema';
import { recordAudit } from '../audit';
import { shortLived } from '../cache';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import type { RequestMeta } from '../request-meta';

export interface Organisation {
	name: string;
	defaultLocale: string;
	timeZone: string;
	isDemo: boolean;
}

// Read on every page (the header shows the name); a short cache keeps that off the database.
const current = shortLived(30_000, async (): Promise<Organisation> => {
	const [row] = await db
		.select({ name: organisation.name, defaultLocale: organisation.defaultLocale, timeZone: organisation.timeZone, isDemo: organisation.isDemo })
		.from(organisation);
	return row ?? { name: 'Kring', defaultLocale: 'en', timeZone: 'Europe/Amsterdam', isDemo: false };
});

export function getOrganisation(): Promise<Organisation> {
	return current.get();
}

/** True while nobody has set Kring up: no organisation yet (the setup page and the demo seed look). */
export async function isSetUp(executor: Executor = db): Promise<boolean> {
	return (await executor.select({ id: organisation.id }).from(organisation)).length > 0;
}

/** Creates the one organisation; false when one exists already (two setups racing). */
export async function createOrganisation(executor: Executor, value: Organisation): Promise<boolean> {
	const created = await executor.insert(organisation).values({ id: 1, ...value }).onConflictDoNothing().returning({ id: organisation.id });
	current.clear();
	return created.length > 0;
}

export async function updateOrganisation(actorId: string, value: Omit<Organisation, 'isDemo'>, meta: RequestMeta): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.update(organisation).set(value).where(eq(organisation.id, 1));
		await recordAudit(tx, { actorId, action: 'settings.updated', target: { type: 'organisation', id: '1', label: value.name }, ip: meta.ip, details: { ...value } });
	});
	current.clear();
}

/**
 * First run without demo data: creates the organisation and its first admin, and signs them in.
 * Null when someone else finished setting up first.
 */
export async function setUpOrganisation(
	input: { organisation: string; name: string; email: string; password: string; locale: string; timeZone: string },
	meta: RequestMeta
): Promise<{ token: string; expiresAt: Date } | null> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const created = await createOrganisation(tx, { name: input.organisation, defaultLocale: input.locale, timeZone: input.timeZone, isDemo: false });
		if (!created) return null;
		const [admin] = await tx
			.insert(person)
			.values({ email: input.email, name: input.name, kind: 'employee', roles: ['admin'], status: 'active', passwordHash, locale: input.locale })
			.returning({ id: person.id });
		await recordAudit(tx, { actorId: admin!.id, action: 'settings.updated', target: { type: 'organisation', id: '1', label: input.organisation }, ip: meta.ip, details: { setup: true } });
		const { token, session } = await createSession(tx, admin!.id, meta);
		return { token, expiresAt: session.expiresAt };
	});
}
