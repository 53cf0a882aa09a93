import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { personSkill, skill } from '../db/schema';

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
	await db.transaction(async (tx) => {
		const known = new Set((await tx.select({ id: skill.id }).from(skill)).map((row) => row.id));
		const rows = assessments.filter((row) => known.has(row.skillId));
		const kept = rows.map((row) => row.skillId);
		await tx.delete(personSkill).where(and(eq(personSkill.personId, personId), kept.length ? notInArray(personSkill.skillId, kept) : undefined));
		if (!rows.length) return;
		await tx
			.insert(personSkill)
			.values(rows.map((row) => ({ personId, ...row })))
			.onConflictDoUpdate({
				target: [personSkill.personId, personSkill.skillId],
				set: { proficiency: sql`excluded.proficiency`, wantToGrow: sql`excluded.want_to_grow`, updatedAt: sql`now()` }
			});
	});
}
