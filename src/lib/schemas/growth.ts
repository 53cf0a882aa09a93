import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { activityKinds, trackKinds } from '$lib/server/growth/schema';
import { checkbox, many, optionalId, optionalText, requiredText } from './common';

/** Longer text a person typed (a description, an ambition): trimmed, empty allowed. */
export const longText = (max: number) => z.string().trim().max(max).optional().transform((value) => value ?? '');
const isoDate = z.iso.date();
const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || null)
	.pipe(isoDate.nullable());
/** The framework's scale: 1 (aware) to 5 (shapes the field). */
export const proficiency = z.coerce.number().int().min(1).max(5);
export const id = z.uuid();

export const skillSchema = z.object({
	name: requiredText(80),
	category: requiredText(60),
	description: longText(1000)
});

export const trackSchema = z.object({
	name: requiredText(80),
	kind: z.enum(trackKinds),
	description: longText(1000)
});

export const levelSchema = z.object({
	title: requiredText(80),
	summary: longText(1000)
});

export const expectationSchema = z.object({ levelId: id, skillId: id, proficiency });
export const removeExpectationSchema = z.object({ levelId: id, skillId: id });

export const planSchema = z
	.object({
		title: requiredText(120),
		ambition: longText(2000),
		targetLevelId: optionalId,
		targetText: optionalText(200),
		horizon: optionalDate
	})
	.refine((plan) => plan.targetLevelId || plan.targetText, { path: ['targetText'], error: () => m.growth_target_required() });

export const goalSchema = z.object({ title: requiredText(200), dueOn: optionalDate, parentId: optionalId });
export const goalIdSchema = z.object({ goalId: id });
export const doneSchema = z.object({ done: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const checkInSchema = z.object({ on: isoDate, progress: z.coerce.number().int().min(0).max(100), note: longText(2000) });
export const activitySchema = z.object({
	kind: z.enum(activityKinds),
	title: requiredText(200),
	plannedHours: z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? Number(value) : null))
		.pipe(z.number().int().min(0).max(2000).nullable())
});
export const activityIdSchema = z.object({ activityId: id });
export const shareSchema = z.object({ personId: id });
export const commentSchema = z.object({ body: requiredText(2000) });

/**
 * The skills table of a form: per skill a `level.<id>` select (empty: not chosen) and, where the
 * table has them, a `grow.<id>` checkbox. Unknown keys are left alone; a bad level is an issue.
 */
export function skillLevelsFrom(values: Record<string, unknown>, context: z.RefinementCtx) {
	const rows = new Map<string, { skillId: string; proficiency: number; wantToGrow: boolean }>();
	for (const [key, raw] of Object.entries(values)) {
		const [kind, skillId] = key.split('.', 2);
		if ((kind !== 'level' && kind !== 'grow') || !skillId || !id.safeParse(skillId).success) continue;
		const value = Array.isArray(raw) ? raw[0] : raw;
		const row = rows.get(skillId) ?? { skillId, proficiency: 0, wantToGrow: false };
		if (kind === 'grow') row.wantToGrow = value === 'on';
		else if (value) {
			const level = proficiency.safeParse(value);
			if (!level.success) {
				context.addIssue({ code: 'custom', path: [key], message: m.validation_choice() });
				continue;
			}
			row.proficiency = level.data;
		}
		rows.set(skillId, row);
	}
	return [...rows.values()];
}

const formRecord = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The self-assessment form. Wanting to grow a skill one has not assessed counts as level 1. */
export const assessmentSchema = formRecord.transform((values, context) =>
	skillLevelsFrom(values, context)
		.filter((row) => row.proficiency > 0 || row.wantToGrow)
		.map((row) => ({ ...row, proficiency: row.proficiency || 1 }))
);

/** A manager's view beside a shared self-assessment: a level per skill, empty for no view. */
export const managerViewSchema = formRecord.transform((values, context) =>
	skillLevelsFrom(values, context)
		.filter((row) => row.proficiency > 0)
		.map(({ skillId, proficiency }) => ({ skillId, proficiency }))
);

export const offerSchema = z.object({
	capacity: z.coerce.number().int().min(1).max(20),
	note: longText(500),
	active: checkbox,
	skillIds: many(id)
});
export const requestSchema = z.object({ mentorId: id, skillId: optionalId, message: longText(1000) });
export const mentorshipIdSchema = z.object({ mentorshipId: id });
export const noteSchema = z.object({ body: requiredText(2000) });

/** A framework as JSON, to share between organisations: skills by name, tracks with their levels. */
export const frameworkFileSchema = z.object({
	format: z.literal('kring-framework'),
	version: z.literal(1),
	skills: z.array(skillSchema).max(2000),
	tracks: z
		.array(
			trackSchema.extend({
				levels: z
					.array(levelSchema.extend({ expects: z.array(z.object({ skill: requiredText(80), proficiency: z.number().int().min(1).max(5) })).max(500) }))
					.max(50)
			})
		)
		.max(200)
});
export type FrameworkFile = z.output<typeof frameworkFileSchema>;

export const proposalIdSchema = z.object({ proposalId: id });
export const mergeSchema = z.object({ proposalId: id, skillId: id });
