import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { opportunityAudiences, opportunityKinds } from '$lib/server/opportunities/schema';
import { checkbox, optionalText, requiredText } from './common';
import { id, longText, skillLevelsFrom } from './growth';

const isoDate = z.iso.date();

/** A new opportunity; its required skills come from the skills table (`level.<skill id>`), at least one. */
export const opportunitySchema = z
	.looseObject({
		kind: z.enum(opportunityKinds),
		title: requiredText(120),
		description: longText(4000),
		audience: z.enum(opportunityAudiences),
		hoursPerWeek: z.coerce.number().int().min(1).max(40),
		startsOn: isoDate,
		endsOn: optionalText(10).pipe(isoDate.nullable())
	})
	.refine((input) => !input.endsOn || input.endsOn >= input.startsOn, { path: ['endsOn'], error: () => m.opportunities_ends_before_start() })
	.transform((input, context) => {
		const skills = skillLevelsFrom(input, context)
			.filter((row) => row.proficiency > 0)
			.map(({ skillId, proficiency }) => ({ skillId, proficiency }));
		if (!skills.length) context.addIssue({ code: 'custom', path: ['skills'], message: m.opportunities_reason_skills_required() });
		return { kind: input.kind, title: input.title, description: input.description, audience: input.audience, hoursPerWeek: input.hoursPerWeek, startsOn: input.startsOn, endsOn: input.endsOn, skills };
	});

export const applySchema = z.object({ note: longText(1000), tellManager: checkbox });
export const applicationIdSchema = z.object({ applicationId: id });
export const listQuerySchema = z.object({ kind: z.enum(opportunityKinds).optional().catch(undefined) });
