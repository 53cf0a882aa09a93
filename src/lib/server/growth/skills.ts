import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, isId, type Executor } from '../db';
import { assessmentShare, managerSkillView, person, personSkill, skill } from '../db/schema';
import { can, type Actor } from '../authz';
import { forgetRecommendations } from '../opportunities';
import type { GrowthResult } from './results';

export interface Assessment {
	skillId: string;
	proficiency: number;
	wantToGrow: boolean;
}

/** Every skill of the framework with the person's own assessment beside it (null: not assessed). */
export async function selfAssessment(personId: string) {
	return db
		.select({
			id: skill.id,
			name: skill.name,
			category: skill.category,
			description: skill.description,
			proficiency: personSkill.proficiency,
			wantToGrow: sql<boolean>`coalesce(${personSkill.wantToGrow}, false)`
		})
		.from(skill)
		.leftJoin(personSkill, and(eq(personSkill.skillId, skill.id), eq(personSkill.personId, personId)))
		.orderBy(asc(skill.category), asc(skill.name));
}

/** The skills a person has assessed, strongest first: for their profile. */
export async function assessedSkills(personId: string) {
	return db
		.select({ id: skill.id, name: skill.name, proficiency: personSkill.proficiency, wantToGrow: personSkill.wantToGrow })
		.from(personSkill)
		.innerJoin(skill, eq(skill.id, personSkill.skillId))
		.where(eq(personSkill.personId, personId))
		.orderBy(sql`${personSkill.proficiency} desc`, asc(skill.name));
}

export async function proficiencies(personId: string): Promise<Map<string, number>> {
	const rows = await db.select({ skillId: personSkill.skillId, proficiency: personSkill.proficiency }).from(personSkill).where(eq(personSkill.personId, personId));
	return new Map(rows.map((row) => [row.skillId, row.proficiency]));
}

/**
 * Replaces the person's assessment with what the form holds: skills left empty are no longer
 * assessed. Unknown skill ids (a skill deleted meanwhile) are skipped.
 */
export async function saveSelfAssessment(personId: string, assessments: readonly Assessment[]): Promise<void> {
	await db.transaction((tx) => replaceLevels(tx, personSkill, personId, assessments, { wantToGrow: sql`excluded.want_to_grow` }));
	// What I bring has changed: so have my recommended opportunities.
	forgetRecommendations();
}

/**
 * One person's levels in `table` become what the form holds: skills left empty go, the others
 * are written. Unknown skill ids (a skill deleted meanwhile) are skipped.
 */
async function replaceLevels(
	tx: Executor,
	table: typeof personSkill | typeof managerSkillView,
	personId: string,
	levels: readonly { skillId: string; proficiency: number; wantToGrow?: boolean; managerId?: string }[],
	also: Record<string, unknown> = {}
): Promise<void> {
	const known = new Set((await tx.select({ id: skill.id }).from(skill)).map((row) => row.id));
	const rows = levels.filter((row) => known.has(row.skillId));
	const kept = rows.map((row) => row.skillId);
	await tx.delete(table).where(and(eq(table.personId, personId), kept.length ? notInArray(table.skillId, kept) : undefined));
	if (!rows.length) return;
	await tx
		.insert(table)
		// The rows carry what the table has (a want-to-grow flag, or whose view it is).
		.values(rows.map((row) => ({ personId, ...row })) as (typeof table.$inferInsert)[])
		.onConflictDoUpdate({ target: [table.personId, table.skillId], set: { proficiency: sql`excluded.proficiency`, updatedAt: sql`now()`, ...also } });
}

/** Whom my self-assessment is shared with (my manager at the time), or null. */
export async function assessmentShareOf(personId: string) {
	const sharedWith = alias(person, 'shared_with');
	const [row] = await db
		.select({ managerId: assessmentShare.managerId, name: sharedWith.name })
		.from(assessmentShare)
		.innerJoin(sharedWith, eq(sharedWith.id, assessmentShare.managerId))
		.where(eq(assessmentShare.personId, personId));
	return row ?? null;
}

/**
 * The manager's view beside a person's own: only from the manager the assessment is shared with
 * now, so withdrawing the share (or a new manager) hides it again.
 */
export async function managerViewOf(personId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ skillId: managerSkillView.skillId, proficiency: managerSkillView.proficiency })
		.from(managerSkillView)
		.innerJoin(assessmentShare, and(eq(assessmentShare.personId, managerSkillView.personId), eq(assessmentShare.managerId, managerSkillView.managerId)))
		.where(eq(managerSkillView.personId, personId));
	return new Map(rows.map((row) => [row.skillId, row.proficiency]));
}

/** I share my self-assessment with my manager (who may then add their view), or withdraw it. */
export async function setAssessmentShared(actor: Actor, shared: boolean): Promise<GrowthResult> {
	if (!can(actor, 'growth.use')) return { ok: false, reason: 'not_found', status: 403 };
	if (!shared) {
		await db.delete(assessmentShare).where(eq(assessmentShare.personId, actor.id));
		return { ok: true, id: actor.id };
	}
	if (!actor.managerId) return { ok: false, field: 'form', reason: 'growth_no_manager', status: 409 };
	await db
		.insert(assessmentShare)
		.values({ personId: actor.id, managerId: actor.managerId })
		.onConflictDoUpdate({ target: assessmentShare.personId, set: { managerId: actor.managerId, createdAt: sql`now()` } });
	return { ok: true, id: actor.id };
}

/** A self-assessment shared with me as the person's current manager, else null (404 for anyone else). */
export async function sharedAssessment(actor: Actor, personId: string) {
	if (!isId(personId)) return null;
	const [target] = await db
		.select({ id: person.id, name: person.name, managerId: person.managerId, sharedWith: assessmentShare.managerId })
		.from(person)
		.leftJoin(assessmentShare, eq(assessmentShare.personId, person.id))
		.where(eq(person.id, personId));
	if (!target || !can(actor, 'growth.assessment.review', { personId: target.id, managerId: target.managerId, sharedWith: target.sharedWith })) return null;
	const [skills, view] = await Promise.all([selfAssessment(personId), managerViewOf(personId)]);
	return { person: { id: target.id, name: target.name }, skills, view: Object.fromEntries(view) };
}

/** The manager's view, per skill, of a person who shared their assessment with them. */
export async function saveManagerView(actor: Actor, personId: string, levels: readonly { skillId: string; proficiency: number }[]): Promise<GrowthResult> {
	if (!(await sharedAssessment(actor, personId))) return { ok: false, reason: 'not_found', status: 404 };
	await db.transaction((tx) => replaceLevels(tx, managerSkillView, personId, levels.map((row) => ({ ...row, managerId: actor.id }))));
	return { ok: true, id: personId };
}

/** The people whose self-assessment is shared with me as their current manager. */
export async function assessmentsSharedWith(actor: Actor) {
	return db
		.select({ id: person.id, name: person.name })
		.from(assessmentShare)
		.innerJoin(person, and(eq(person.id, assessmentShare.personId), eq(person.managerId, actor.id)))
		.where(eq(assessmentShare.managerId, actor.id))
		.orderBy(asc(person.name));
}
