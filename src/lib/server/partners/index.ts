import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { db, isId, outer } from '../db';
import { partnerOrg, person } from '../db/schema';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../request-meta';

export async function listPartners() {
	return db
		.select({
			id: partnerOrg.id,
			name: partnerOrg.name,
			website: partnerOrg.website,
			memberCount: sql<number>`(select count(*)::int from ${person} where ${person.partnerOrgId} = ${outer(partnerOrg.id)} and ${person.status} <> 'deactivated')`
		})
		.from(partnerOrg)
		.orderBy(asc(partnerOrg.name));
}

export async function getPartner(id: string) {
	if (!isId(id)) return null;
	const [partner] = await db.select().from(partnerOrg).where(eq(partnerOrg.id, id));
	if (!partner) return null;
	const members = await db
		.select({ id: person.id, name: person.name, email: person.email, jobTitle: person.jobTitle, status: person.status })
		.from(person)
		.where(eq(person.partnerOrgId, id))
		.orderBy(asc(person.name));
	return { ...partner, members };
}

export type PartnerInput = { name: string; website: string | null };
export type PartnerResult = { ok: true; id: string } | { ok: false; field: 'name' | 'partner'; reason: 'duplicate' | 'not_found' | 'partner_has_members' };
/** Unknown, and ids that cannot be ids (a malformed one would be a query error): the route answers 404. */
const partnerNotFound = { ok: false, field: 'partner', reason: 'not_found' } as const satisfies PartnerResult;

async function nameTaken(name: string, exceptId?: string): Promise<boolean> {
	const rows = await db
		.select({ id: partnerOrg.id })
		.from(partnerOrg)
		.where(and(sql`lower(${partnerOrg.name}) = lower(${name})`, exceptId ? ne(partnerOrg.id, exceptId) : undefined));
	return rows.length > 0;
}

export async function createPartner(actorId: string, input: PartnerInput, meta: RequestMeta): Promise<PartnerResult> {
	if (await nameTaken(input.name)) return { ok: false, field: 'name', reason: 'duplicate' };
	return db.transaction(async (tx) => {
		const [created] = await tx.insert(partnerOrg).values(input).returning({ id: partnerOrg.id });
		await recordAudit(tx, { actorId, action: 'partner.created', target: { type: 'partner_org', id: created!.id, label: input.name }, ip: meta.ip });
		return { ok: true, id: created!.id } as const;
	});
}

export async function updatePartner(actorId: string, id: string, input: PartnerInput, meta: RequestMeta): Promise<PartnerResult> {
	if (!isId(id)) return partnerNotFound;
	if (await nameTaken(input.name, id)) return { ok: false, field: 'name', reason: 'duplicate' };
	return db.transaction(async (tx) => {
		const updated = await tx.update(partnerOrg).set(input).where(eq(partnerOrg.id, id)).returning({ id: partnerOrg.id });
		if (!updated.length) return partnerNotFound;
		await recordAudit(tx, { actorId, action: 'partner.updated', target: { type: 'partner_org', id, label: input.name }, ip: meta.ip, details: { ...input } });
		return { ok: true, id } as const;
	});
}

/** A partner organisation with members stays: its members would lose their account's anchor. */
export async function deletePartner(actorId: string, id: string, meta: RequestMeta): Promise<PartnerResult> {
	if (!isId(id)) return partnerNotFound;
	return db.transaction(async (tx) => {
		const [partner] = await tx.select().from(partnerOrg).where(eq(partnerOrg.id, id));
		if (!partner) return partnerNotFound;
		if ((await tx.select({ id: person.id }).from(person).where(eq(person.partnerOrgId, id)).limit(1)).length)
			return { ok: false, field: 'partner', reason: 'partner_has_members' } as const;
		await tx.delete(partnerOrg).where(eq(partnerOrg.id, id));
		await recordAudit(tx, { actorId, action: 'partner.deleted', target: { type: 'partner_org', id, label: partner.name }, ip: meta.ip });
		return { ok: true, id } as const;
	});
}
