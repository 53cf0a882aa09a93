import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, isId } from '../db';
import { orgUnit, person, rehire } from '../db/schema';
import { recordAudit } from '../audit';
import { can, type Actor } from '../authz';
import { dateIn } from '../alumni';
import { getOrganisation } from '../organisation';
import { personMatches } from '../people';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';

const formerUnit = alias(orgUnit, 'former_unit');

/** Who can be rehired: an alumnus whose account is not closed (`rehireCandidates` lists the same). */
export const isRehireable = (candidate: { kind: string; status: string }) => candidate.kind === 'alumni' && candidate.status !== 'deactivated';

/** HR's list of alumni to rehire from: by name, a page at a time, with when they left and from where. */
export async function rehireCandidates(query: { q?: string; page: number; pageSize: number }) {
	const conditions: (SQL | undefined)[] = [eq(person.kind, 'alumni'), sql`${person.status} <> 'deactivated'`, personMatches(query.q)];
	const where = and(...conditions);
	const [rows, [counted]] = await Promise.all([
		db
			.select({ id: person.id, name: person.name, email: person.email, leftOn: person.leftOn, formerUnit: formerUnit.name })
			.from(person)
			.leftJoin(formerUnit, eq(formerUnit.id, person.unitId))
			.where(where)
			.orderBy(desc(person.leftOn), asc(person.name), asc(person.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(person).where(where)
	]);
	return { alumni: rows, total: counted?.total ?? 0 };
}

/** The latest boomerangs, with the gap between leaving and coming back. */
export async function recentRehires(limit = 20) {
	return db
		.select({
			id: rehire.id,
			personId: person.id,
			name: person.name,
			unit: orgUnit.name,
			previousStartedOn: rehire.previousStartedOn,
			previousLeftOn: rehire.previousLeftOn,
			rehiredOn: rehire.rehiredOn,
			gapDays: sql<number | null>`${rehire.rehiredOn} - ${rehire.previousLeftOn}`
		})
		.from(rehire)
		.innerJoin(person, eq(person.id, rehire.personId))
		.leftJoin(orgUnit, eq(orgUnit.id, rehire.unitId))
		.orderBy(desc(rehire.rehiredOn), desc(rehire.createdAt))
		.limit(limit);
}

export interface RehireInput {
	personId: string;
	unitId: string;
	rehiredOn: string;
}

export type RehireResult = { ok: true } | { ok: false; errors: Partial<Record<keyof RehireInput, Reason>> };

/**
 * A boomerang: the same account becomes an employee's again, in the unit HR chose (reporting to
 * its lead). The employment period that ended is kept in `rehire`, with the gap; offboardings,
 * the alumni profile and everything the person made stay as they were.
 */
export async function rehireAlumnus(actor: Actor, input: RehireInput, meta: RequestMeta, now = new Date()): Promise<RehireResult> {
	if (!isId(input.personId)) return { ok: false, errors: { personId: 'not_found' } };
	if (!isId(input.unitId)) return { ok: false, errors: { unitId: 'unit_not_found' } };
	const organisation = await getOrganisation();
	if (input.rehiredOn > dateIn(organisation.timeZone, now)) return { ok: false, errors: { rehiredOn: 'vacancies_rehire_in_future' } };
	return db.transaction(async (tx): Promise<RehireResult> => {
		// Locked, so that two HR people rehiring the same alumnus at once record one boomerang.
		const [alumnus] = await tx.select().from(person).where(eq(person.id, input.personId)).for('update');
		if (!alumnus || !can(actor, 'person.manage', alumnus)) return { ok: false, errors: { personId: 'not_found' } };
		if (!isRehireable(alumnus)) return { ok: false, errors: { personId: 'vacancies_not_alumni' } };
		if (alumnus.leftOn && input.rehiredOn < alumnus.leftOn) return { ok: false, errors: { rehiredOn: 'vacancies_rehire_before_leaving' } };
		const [unit] = await tx.select({ id: orgUnit.id, name: orgUnit.name, leadId: orgUnit.leadId }).from(orgUnit).where(eq(orgUnit.id, input.unitId));
		if (!unit) return { ok: false, errors: { unitId: 'unit_not_found' } };
		await tx.insert(rehire).values({
			personId: alumnus.id,
			unitId: unit.id,
			previousStartedOn: alumnus.startedOn,
			previousLeftOn: alumnus.leftOn,
			rehiredOn: input.rehiredOn,
			rehiredBy: actor.id
		});
		await tx
			.update(person)
			.set({ kind: 'employee', unitId: unit.id, managerId: unit.leadId === alumnus.id ? null : unit.leadId, startedOn: input.rehiredOn, leftOn: null, updatedAt: now })
			.where(eq(person.id, alumnus.id));
		const target = { type: 'person' as const, id: alumnus.id, label: alumnus.name };
		await recordAudit(tx, { actorId: actor.id, action: 'person.kind_changed', target, ip: meta.ip, details: { from: 'alumni', to: 'employee' } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'alumni.rehired',
			target,
			ip: meta.ip,
			details: { unit: unit.name, rehiredOn: input.rehiredOn, previousLeftOn: alumnus.leftOn }
		});
		return { ok: true };
	});
}
