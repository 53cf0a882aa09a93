import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { db, isId, outer, type Executor } from '../db';
import { careerTrack, levelSkill, person, skill, skillProposal, trackLevel, type TrackKind } from '../db/schema';
import { can, type Actor } from '../authz';
import type { GrowthResult } from './results';

export interface SkillInput {
	name: string;
	category: string;
	description: string;
}

export interface TrackInput {
	name: string;
	kind: TrackKind;
	description: string;
}

export interface LevelInput {
	title: string;
	summary: string;
}

const notFound = { ok: false, reason: 'not_found', status: 404 } as const;

export async function listSkills() {
	return db
		.select({ id: skill.id, name: skill.name, category: skill.category, description: skill.description })
		.from(skill)
		.orderBy(asc(skill.category), asc(skill.name));
}

export async function getSkill(id: string) {
	if (!isId(id)) return null;
	const [row] = await db.select().from(skill).where(eq(skill.id, id));
	if (!row) return null;
	const expectedBy = await db
		.select({ trackId: careerTrack.id, track: careerTrack.name, level: trackLevel.title, proficiency: levelSkill.proficiency })
		.from(levelSkill)
		.innerJoin(trackLevel, eq(trackLevel.id, levelSkill.levelId))
		.innerJoin(careerTrack, eq(careerTrack.id, trackLevel.trackId))
		.where(eq(levelSkill.skillId, id))
		.orderBy(asc(careerTrack.name), asc(trackLevel.rank));
	return { ...row, expectedBy };
}

async function skillNameTaken(executor: Executor, name: string, exceptId?: string): Promise<boolean> {
	const rows = await executor
		.select({ id: skill.id })
		.from(skill)
		.where(and(sql`lower(${skill.name}) = lower(${name})`, exceptId ? ne(skill.id, exceptId) : undefined));
	return rows.length > 0;
}

export async function createSkill(input: SkillInput): Promise<GrowthResult> {
	if (await skillNameTaken(db, input.name)) return { ok: false, field: 'name', reason: 'duplicate' };
	const [created] = await db.insert(skill).values(input).returning({ id: skill.id });
	return { ok: true, id: created!.id };
}

export async function updateSkill(id: string, input: SkillInput): Promise<GrowthResult> {
	if (!isId(id)) return notFound;
	if (await skillNameTaken(db, input.name, id)) return { ok: false, field: 'name', reason: 'duplicate' };
	const updated = await db.update(skill).set(input).where(eq(skill.id, id)).returning({ id: skill.id });
	return updated.length ? { ok: true, id } : notFound;
}

/** Deleting a skill takes it out of every level, assessment and mentor offer (cascades). */
export async function deleteSkill(id: string): Promise<GrowthResult> {
	if (!isId(id)) return notFound;
	const deleted = await db.delete(skill).where(eq(skill.id, id)).returning({ id: skill.id });
	return deleted.length ? { ok: true, id } : notFound;
}

/** Every track with its levels in order, for browsing and for the target pickers. */
export async function listTracks() {
	const [tracks, levels] = await Promise.all([
		db.select().from(careerTrack).orderBy(asc(careerTrack.name)),
		db
			.select({
				id: trackLevel.id,
				trackId: trackLevel.trackId,
				rank: trackLevel.rank,
				title: trackLevel.title,
				summary: trackLevel.summary,
				skillCount: sql<number>`(select count(*)::int from ${levelSkill} where ${levelSkill.levelId} = ${outer(trackLevel.id)})`
			})
			.from(trackLevel)
			.orderBy(asc(trackLevel.rank))
	]);
	return tracks.map((track) => ({ ...track, levels: levels.filter((level) => level.trackId === track.id) }));
}

export type TrackSummary = Awaited<ReturnType<typeof listTracks>>[number];

/** "Engineering craft · 3. Senior engineer": how a target level reads in a picker. */
export function levelOptions(tracks: readonly TrackSummary[]) {
	return tracks.flatMap((track) => track.levels.map((level) => ({ value: level.id, label: `${track.name} · ${level.rank}. ${level.title}` })));
}

/** What a set of levels expect, skill by skill. */
export async function expectationsOf(levelIds: readonly string[]) {
	if (!levelIds.length) return [];
	return db
		.select({ levelId: levelSkill.levelId, skillId: skill.id, name: skill.name, category: skill.category, expected: levelSkill.proficiency })
		.from(levelSkill)
		.innerJoin(skill, eq(skill.id, levelSkill.skillId))
		.where(inArray(levelSkill.levelId, [...levelIds]))
		.orderBy(asc(skill.category), asc(skill.name));
}

export async function getTrack(id: string) {
	if (!isId(id)) return null;
	const [track] = await db.select().from(careerTrack).where(eq(careerTrack.id, id));
	if (!track) return null;
	const levels = await db.select().from(trackLevel).where(eq(trackLevel.trackId, id)).orderBy(asc(trackLevel.rank));
	const expectations = await expectationsOf(levels.map((level) => level.id));
	return { ...track, levels: levels.map((level) => ({ ...level, skills: expectations.filter((row) => row.levelId === level.id) })) };
}

/** One level with its track, as a plan target or one side of a comparison. */
export async function getLevel(id: string) {
	if (!isId(id)) return null;
	const [level] = await db
		.select({ id: trackLevel.id, rank: trackLevel.rank, title: trackLevel.title, summary: trackLevel.summary, trackId: careerTrack.id, trackName: careerTrack.name })
		.from(trackLevel)
		.innerJoin(careerTrack, eq(careerTrack.id, trackLevel.trackId))
		.where(eq(trackLevel.id, id));
	return level ?? null;
}

/** Two levels side by side: every skill either expects, with what each expects (null: not asked). */
export async function compareLevels(aId: string, bId: string) {
	const [a, b] = await Promise.all([getLevel(aId), getLevel(bId)]);
	if (!a || !b) return null;
	const rows = await expectationsOf([a.id, b.id]);
	const skills = new Map<string, { skillId: string; name: string; category: string; a: number | null; b: number | null }>();
	for (const row of rows) {
		const entry = skills.get(row.skillId) ?? { skillId: row.skillId, name: row.name, category: row.category, a: null, b: null };
		if (row.levelId === a.id) entry.a = row.expected;
		if (row.levelId === b.id) entry.b = row.expected;
		skills.set(row.skillId, entry);
	}
	return { a, b, skills: [...skills.values()] };
}

async function trackNameTaken(name: string, exceptId?: string): Promise<boolean> {
	const rows = await db
		.select({ id: careerTrack.id })
		.from(careerTrack)
		.where(and(sql`lower(${careerTrack.name}) = lower(${name})`, exceptId ? ne(careerTrack.id, exceptId) : undefined));
	return rows.length > 0;
}

export async function createTrack(input: TrackInput): Promise<GrowthResult> {
	if (await trackNameTaken(input.name)) return { ok: false, field: 'name', reason: 'duplicate' };
	const [created] = await db.insert(careerTrack).values(input).returning({ id: careerTrack.id });
	return { ok: true, id: created!.id };
}

export async function updateTrack(id: string, input: TrackInput): Promise<GrowthResult> {
	if (!isId(id)) return notFound;
	if (await trackNameTaken(input.name, id)) return { ok: false, field: 'name', reason: 'duplicate' };
	const updated = await db.update(careerTrack).set(input).where(eq(careerTrack.id, id)).returning({ id: careerTrack.id });
	return updated.length ? { ok: true, id } : notFound;
}

/** A new level goes on top of the track; the rank is taken under a lock so two at once do not collide. */
export async function addLevel(trackId: string, input: LevelInput): Promise<GrowthResult> {
	if (!isId(trackId)) return notFound;
	return db.transaction(async (tx) => {
		const [track] = await tx.select({ id: careerTrack.id }).from(careerTrack).where(eq(careerTrack.id, trackId)).for('update');
		if (!track) return notFound;
		const [top] = await tx.select({ rank: sql<number>`coalesce(max(${trackLevel.rank}), 0)::int` }).from(trackLevel).where(eq(trackLevel.trackId, trackId));
		const [created] = await tx
			.insert(trackLevel)
			.values({ trackId, rank: (top?.rank ?? 0) + 1, ...input })
			.returning({ id: trackLevel.id });
		return { ok: true, id: created!.id } as const;
	});
}

async function levelOfTrack(trackId: string, levelId: string): Promise<boolean> {
	if (!isId(trackId) || !isId(levelId)) return false;
	const rows = await db.select({ id: trackLevel.id }).from(trackLevel).where(and(eq(trackLevel.id, levelId), eq(trackLevel.trackId, trackId)));
	return rows.length > 0;
}

/** Sets (or changes) what a level expects of a skill. */
export async function setExpectation(trackId: string, input: { levelId: string; skillId: string; proficiency: number }): Promise<GrowthResult> {
	if (!(await levelOfTrack(trackId, input.levelId))) return notFound;
	const [known] = await db.select({ id: skill.id }).from(skill).where(eq(skill.id, input.skillId));
	if (!known) return { ok: false, field: 'skillId', reason: 'not_found' };
	await db
		.insert(levelSkill)
		.values(input)
		.onConflictDoUpdate({ target: [levelSkill.levelId, levelSkill.skillId], set: { proficiency: input.proficiency } });
	return { ok: true, id: input.levelId };
}

export async function removeExpectation(trackId: string, input: { levelId: string; skillId: string }): Promise<GrowthResult> {
	if (!(await levelOfTrack(trackId, input.levelId))) return notFound;
	await db.delete(levelSkill).where(and(eq(levelSkill.levelId, input.levelId), eq(levelSkill.skillId, input.skillId)));
	return { ok: true, id: input.levelId };
}

/** An employee proposes a skill the framework misses. */
export async function proposeSkill(actor: Actor, input: SkillInput): Promise<GrowthResult> {
	if (!can(actor, 'growth.use')) return { ok: false, reason: 'not_found', status: 403 };
	if (await skillNameTaken(db, input.name)) return { ok: false, field: 'name', reason: 'duplicate' };
	const [created] = await db
		.insert(skillProposal)
		.values({ ...input, proposedBy: actor.id })
		.returning({ id: skillProposal.id });
	return { ok: true, id: created!.id };
}

export async function listProposals(where: { openOnly: true } | { proposedBy: string }) {
	return db
		.select({
			id: skillProposal.id,
			name: skillProposal.name,
			category: skillProposal.category,
			description: skillProposal.description,
			status: skillProposal.status,
			proposer: person.name,
			skillName: skill.name,
			createdAt: skillProposal.createdAt
		})
		.from(skillProposal)
		.leftJoin(person, eq(person.id, skillProposal.proposedBy))
		.leftJoin(skill, eq(skill.id, skillProposal.skillId))
		.where('openOnly' in where ? eq(skillProposal.status, 'open') : eq(skillProposal.proposedBy, where.proposedBy))
		.orderBy(desc(skillProposal.createdAt));
}

/**
 * HR decides an open proposal: accept (it becomes a skill), merge it into an existing skill, or
 * decline. The proposal row is locked and must still be open: the first decision wins.
 */
export async function decideProposal(proposalId: string, decision: { accept: true } | { mergeInto: string } | { decline: true }): Promise<GrowthResult> {
	if (!isId(proposalId)) return notFound;
	return db.transaction(async (tx) => {
		const [proposal] = await tx.select().from(skillProposal).where(eq(skillProposal.id, proposalId)).for('update');
		if (!proposal) return notFound;
		if (proposal.status !== 'open') return { ok: false, field: 'proposal', reason: 'growth_not_pending', status: 409 } as const;
		const decided = { decidedAt: new Date() };
		if ('accept' in decision) {
			if (await skillNameTaken(tx, proposal.name)) return { ok: false, field: 'proposal', reason: 'duplicate' } as const;
			const [created] = await tx.insert(skill).values({ name: proposal.name, category: proposal.category, description: proposal.description }).returning({ id: skill.id });
			await tx.update(skillProposal).set({ ...decided, status: 'accepted', skillId: created!.id }).where(eq(skillProposal.id, proposalId));
		} else if ('mergeInto' in decision) {
			const [target] = await tx.select({ id: skill.id }).from(skill).where(eq(skill.id, decision.mergeInto));
			if (!target) return { ok: false, field: 'skillId', reason: 'not_found' } as const;
			await tx.update(skillProposal).set({ ...decided, status: 'merged', skillId: target.id }).where(eq(skillProposal.id, proposalId));
		} else {
			await tx.update(skillProposal).set({ ...decided, status: 'declined' }).where(eq(skillProposal.id, proposalId));
		}
		return { ok: true, id: proposalId } as const;
	});
}
