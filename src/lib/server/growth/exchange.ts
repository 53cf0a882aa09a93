import { asc } from 'drizzle-orm';
import { db } from '../db';
import { careerTrack, levelSkill, skill, trackLevel } from '../db/schema';
import { frameworkFileSchema, type FrameworkFile } from '$lib/schemas/growth';
import { listSkills, listTracks, expectationsOf } from './framework';

/** The largest framework file accepted: far more than ~60 skills and a few tracks need. */
export const frameworkMaxBytes = 1_000_000;

/** The whole framework as a file another Kring can import: names, not ids, tie it together. */
export async function exportFramework(): Promise<FrameworkFile> {
	const [skills, tracks] = await Promise.all([listSkills(), listTracks()]);
	const expectations = await expectationsOf(tracks.flatMap((track) => track.levels.map((level) => level.id)));
	return {
		format: 'kring-framework',
		version: 1,
		skills: skills.map(({ name, category, description }) => ({ name, category, description })),
		tracks: tracks.map((track) => ({
			name: track.name,
			kind: track.kind,
			description: track.description,
			levels: track.levels.map((level) => ({
				title: level.title,
				summary: level.summary,
				expects: expectations.filter((row) => row.levelId === level.id).map((row) => ({ skill: row.name, proficiency: row.expected }))
			}))
		}))
	};
}

export type ImportResult =
	| { ok: true; skillsAdded: number; tracksAdded: number; tracksSkipped: string[] }
	| { ok: false; reason: 'invalid' | 'file_too_large' | 'unknown_skill'; detail?: string };

/**
 * Adds a framework file to this one. Skills are matched by name (any case): known ones stay as
 * they are, new ones are added. A track whose name exists already is skipped, never overwritten,
 * so an import cannot change what people's plans aim at. All or nothing.
 */
export async function importFramework(text: string): Promise<ImportResult> {
	if (new TextEncoder().encode(text).length > frameworkMaxBytes) return { ok: false, reason: 'file_too_large' };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'invalid' };
	}
	const parsed = frameworkFileSchema.safeParse(json);
	if (!parsed.success) return { ok: false, reason: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
	const file = parsed.data;
	return db.transaction(async (tx) => {
		const existing = await tx.select({ id: skill.id, name: skill.name }).from(skill);
		const ids = new Map(existing.map((row) => [row.name.toLowerCase(), row.id]));
		const fresh = file.skills.filter((row, index) => !ids.has(row.name.toLowerCase()) && file.skills.findIndex((other) => other.name.toLowerCase() === row.name.toLowerCase()) === index);
		// Checked before anything is written: returning from the transaction commits it.
		const named = new Set([...ids.keys(), ...fresh.map((row) => row.name.toLowerCase())]);
		const unknown = file.tracks.flatMap((track) => track.levels.flatMap((level) => level.expects.filter((row) => !named.has(row.skill.toLowerCase()))));
		if (unknown.length) return { ok: false, reason: 'unknown_skill', detail: unknown[0]!.skill } as const;
		if (fresh.length) for (const row of await tx.insert(skill).values(fresh).returning({ id: skill.id, name: skill.name })) ids.set(row.name.toLowerCase(), row.id);
		const takenTracks = new Set((await tx.select({ name: careerTrack.name }).from(careerTrack).orderBy(asc(careerTrack.name))).map((row) => row.name.toLowerCase()));
		const skipped: string[] = [];
		let added = 0;
		for (const track of file.tracks) {
			if (takenTracks.has(track.name.toLowerCase())) {
				skipped.push(track.name);
				continue;
			}
			takenTracks.add(track.name.toLowerCase());
			const [created] = await tx.insert(careerTrack).values({ name: track.name, kind: track.kind, description: track.description }).returning({ id: careerTrack.id });
			added++;
			if (!track.levels.length) continue;
			const levels = await tx
				.insert(trackLevel)
				.values(track.levels.map((level, index) => ({ trackId: created!.id, rank: index + 1, title: level.title, summary: level.summary })))
				.returning({ id: trackLevel.id, rank: trackLevel.rank });
			const expectations = track.levels.flatMap((level, index) => {
				const levelId = levels.find((row) => row.rank === index + 1)!.id;
				// The last word on a skill listed twice for one level wins.
				const bySkill = new Map(level.expects.map((row) => [ids.get(row.skill.toLowerCase())!, row.proficiency]));
				return [...bySkill].map(([skillId, proficiency]) => ({ levelId, skillId, proficiency }));
			});
			if (expectations.length) await tx.insert(levelSkill).values(expectations);
		}
		return { ok: true, skillsAdded: fresh.length, tracksAdded: added, tracksSkipped: skipped } as const;
	});
}
