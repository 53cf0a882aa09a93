import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { db, isId, outer, prepared, rawRows, type Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { recordAudit } from '../audit';
import { sharedCache, shortLived } from '../cache';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';

export interface OrgUnitNode {
	id: string;
	name: string;
	parentId: string | null;
	leadId: string | null;
	leadName: string | null;
	depth: number;
	/** "Engineering / Platform": unique, used in CSV files and pickers. */
	path: string;
}

export interface OrgUnitWithMembers extends OrgUnitNode {
	/** Active employees placed directly in this unit. */
	memberCount: number;
}

const unitColumns = { id: orgUnit.id, name: orgUnit.name, parentId: orgUnit.parentId, leadId: orgUnit.leadId, leadName: person.name };

/** Rows in name order as a tree: depth-first, with depth and path. */
function asTree<T extends { id: string; name: string; parentId: string | null }>(rows: T[]): (T & { depth: number; path: string })[] {
	const children = new Map<string | null, T[]>();
	for (const row of rows) {
		const siblings = children.get(row.parentId) ?? [];
		siblings.push(row);
		children.set(row.parentId, siblings);
	}
	const ordered: (T & { depth: number; path: string })[] = [];
	const visit = (parentId: string | null, depth: number, prefix: string) => {
		for (const row of children.get(parentId) ?? []) {
			const path = prefix ? `${prefix} / ${row.name}` : row.name;
			ordered.push({ ...row, depth, path });
			visit(row.id, depth + 1, path);
		}
	};
	visit(null, 0, '');
	return ordered;
}

/** All units, depth-first in name order, with their depth and path (pickers, CSV import). */
const unitsQuery = (executor: Executor) => executor.select(unitColumns).from(orgUnit).leftJoin(person, eq(person.id, orgUnit.leadId)).orderBy(asc(orgUnit.name));
// Every filter, picker and results page lists the units, which change a few times a year: outside a
// transaction they are read once per lifetime. Other instances see a change (or a lead's new name)
// within it, this one at once.
const allUnits = prepared((database) => unitsQuery(database).prepare('all_units'));
const everyUnit = sharedCache('units', () => shortLived(10_000, async () => asTree(await allUnits().execute())));

export async function listUnits(executor?: Executor): Promise<readonly OrgUnitNode[]> {
	return executor ? asTree(await unitsQuery(executor)) : everyUnit().get();
}

/** Forgets the units read: after a change to them here, or after a test wrote some directly. */
export function unitsChanged(): void {
	everyUnit().clear();
}

/** A change to the units, in a transaction; the units read are forgotten once it is over. */
async function changingUnits<T>(change: (tx: Executor) => Promise<T>): Promise<T> {
	try {
		return await db.transaction(change);
	} finally {
		unitsChanged();
	}
}

/** The same with each unit's members counted: only the org pages show the counts, and counting costs a pass over everyone. */
export async function listUnitsWithMembers(): Promise<OrgUnitWithMembers[]> {
	return asTree(
		await db
			.select({
				...unitColumns,
				memberCount: sql<number>`(select count(*)::int from ${person} as member where member.unit_id = ${outer(orgUnit.id)} and member.kind = 'employee' and member.status <> 'deactivated')`
			})
			.from(orgUnit)
			.leftJoin(person, eq(person.id, orgUnit.leadId))
			.orderBy(asc(orgUnit.name))
	);
}

export async function getUnit(id: string) {
	if (!isId(id)) return null;
	const [unit] = await db
		.select({
			id: orgUnit.id,
			name: orgUnit.name,
			parentId: orgUnit.parentId,
			leadId: orgUnit.leadId,
			leadName: person.name,
			leadEmail: person.email
		})
		.from(orgUnit)
		.leftJoin(person, eq(person.id, orgUnit.leadId))
		.where(eq(orgUnit.id, id));
	return unit ?? null;
}

/** The lead is named by email, as managers are: unambiguous, and the same in forms and files. */
export type UnitInput = { name: string; parentId: string | null; leadEmail: string | null };
export type UnitError = {
	ok: false;
	field: 'name' | 'parentId' | 'leadEmail' | 'unit';
	reason: Extract<Reason, 'cycle' | 'not_found' | 'not_employee' | 'has_children' | 'has_members' | 'duplicate' | 'manager_not_found'>;
};
export type UnitResult = { ok: true; id: string } | UnitError;
/** Unknown, and ids that cannot be ids (a malformed one would be a query error): the route answers 404. */
const unitNotFound = { ok: false, field: 'unit', reason: 'not_found' } as const satisfies UnitError;

/** Tree changes take one lock so that two moves at once cannot make a cycle between them. */
async function lockTree(tx: Executor): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kring:org_tree'))`);
}

async function resolveLead(tx: Executor, leadEmail: string | null): Promise<UnitError | { leadId: string | null }> {
	if (!leadEmail) return { leadId: null };
	const [lead] = await tx.select({ id: person.id, kind: person.kind, status: person.status }).from(person).where(eq(person.email, leadEmail));
	if (!lead) return { ok: false, field: 'leadEmail', reason: 'manager_not_found' };
	if (lead.kind !== 'employee' || lead.status === 'deactivated') return { ok: false, field: 'leadEmail', reason: 'not_employee' };
	return { leadId: lead.id };
}

async function checkSiblingName(tx: Executor, name: string, parentId: string | null, exceptId?: string): Promise<UnitError | null> {
	const [clash] = await tx
		.select({ id: orgUnit.id })
		.from(orgUnit)
		.where(
			and(
				sql`lower(${orgUnit.name}) = lower(${name})`,
				parentId ? eq(orgUnit.parentId, parentId) : sql`${orgUnit.parentId} is null`,
				exceptId ? ne(orgUnit.id, exceptId) : undefined
			)
		);
	return clash ? { ok: false, field: 'name', reason: 'duplicate' } : null;
}

/** A tree kept as links to a parent: the org chart (unit → parent unit), reporting lines (person → manager). */
export interface Tree {
	table: PgTable;
	id: PgColumn;
	parent: PgColumn;
}

export const unitTree: Tree = { table: orgUnit, id: orgUnit.id, parent: orgUnit.parentId };

/** The ids of `rootId` and of everything below it in `tree`, as a subquery. `union` stops at a cycle. */
export function subtreeIds(tree: Tree, rootId: string): SQL {
	return sql`with recursive below(id) as (
		select ${rootId}::uuid
		union
		select ${tree.id} from ${tree.table} join below on ${tree.parent} = below.id
	) select id from below`;
}

/** True when `candidate` is `rootId` itself or lies below it in `tree`. */
export async function isWithin(executor: Executor, tree: Tree, rootId: string, candidate: string): Promise<boolean> {
	const rows = await rawRows<{ found: boolean }>(executor, sql`select ${candidate}::uuid in (${subtreeIds(tree, rootId)}) as found`);
	return rows[0]?.found === true;
}

export async function createUnit(actorId: string, input: UnitInput, meta: RequestMeta): Promise<UnitResult> {
	return changingUnits(async (tx) => {
		await lockTree(tx);
		if (input.parentId && !(await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.parentId))).length)
			return { ok: false, field: 'parentId', reason: 'not_found' } as const;
		const clash = await checkSiblingName(tx, input.name, input.parentId);
		if (clash) return clash;
		const lead = await resolveLead(tx, input.leadEmail);
		if ('ok' in lead) return lead;
		const values = { name: input.name, parentId: input.parentId, leadId: lead.leadId };
		const [created] = await tx.insert(orgUnit).values(values).returning({ id: orgUnit.id });
		await recordAudit(tx, { actorId, action: 'org.unit_created', target: { type: 'org_unit', id: created!.id, label: input.name }, ip: meta.ip, details: values });
		return { ok: true, id: created!.id } as const;
	});
}

/** Rename, set the lead, or move under another parent; a move below itself is refused. */
export async function updateUnit(actorId: string, id: string, input: UnitInput, meta: RequestMeta): Promise<UnitResult> {
	if (!isId(id)) return unitNotFound;
	return changingUnits(async (tx) => {
		await lockTree(tx);
		const [unit] = await tx.select().from(orgUnit).where(eq(orgUnit.id, id));
		if (!unit) return unitNotFound;
		if (input.parentId && input.parentId !== unit.parentId) {
			const [parent] = await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.parentId));
			if (!parent) return { ok: false, field: 'parentId', reason: 'not_found' } as const;
			if (await isWithin(tx, unitTree, id, input.parentId)) return { ok: false, field: 'parentId', reason: 'cycle' } as const;
		}
		const clash = await checkSiblingName(tx, input.name, input.parentId, id);
		if (clash) return clash;
		const lead = await resolveLead(tx, input.leadEmail);
		if ('ok' in lead) return lead;
		const values = { name: input.name, parentId: input.parentId, leadId: lead.leadId };
		await tx.update(orgUnit).set(values).where(eq(orgUnit.id, id));
		const moved = input.parentId !== unit.parentId;
		await recordAudit(tx, {
			actorId,
			action: moved ? 'org.unit_moved' : 'org.unit_updated',
			target: { type: 'org_unit', id, label: input.name },
			ip: meta.ip,
			details: { before: { name: unit.name, parentId: unit.parentId, leadId: unit.leadId }, after: values }
		});
		return { ok: true, id } as const;
	});
}

/** Only an empty unit goes: its employees and sub-units must be placed elsewhere first. */
export async function deleteUnit(actorId: string, id: string, meta: RequestMeta): Promise<UnitResult> {
	if (!isId(id)) return unitNotFound;
	return changingUnits(async (tx) => {
		await lockTree(tx);
		const [unit] = await tx.select().from(orgUnit).where(eq(orgUnit.id, id));
		if (!unit) return unitNotFound;
		if ((await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.parentId, id)).limit(1)).length)
			return { ok: false, field: 'unit', reason: 'has_children' } as const;
		// Current employees block it; former ones (alumni) just lose the reference.
		const members = await tx
			.select({ id: person.id })
			.from(person)
			.where(and(eq(person.unitId, id), eq(person.kind, 'employee'), ne(person.status, 'deactivated')))
			.limit(1);
		if (members.length)
			return { ok: false, field: 'unit', reason: 'has_members' } as const;
		await tx.delete(orgUnit).where(eq(orgUnit.id, id));
		await recordAudit(tx, { actorId, action: 'org.unit_deleted', target: { type: 'org_unit', id, label: unit.name }, ip: meta.ip });
		return { ok: true, id } as const;
	});
}
