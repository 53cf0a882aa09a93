import { z } from 'zod';
import { checkbox, email, many, newPassword, optionalId, optionalText, page, requiredText } from './common';
import { confirmed } from './auth';
import { score } from './pulse';
import { exitReasons, exitSurveyQuestions, leavingReasons, openToFlags, sharedFields } from '$lib/alumni';

export const offboardingSchema = z.object({
	personId: z.uuid(),
	lastDay: z.iso.date(),
	reason: z.enum(leavingReasons),
	rehireEligible: z.enum(['yes', 'no']).transform((value) => value === 'yes'),
	personalEmail: email,
	exitSurvey: checkbox
});

export const cancelOffboardingSchema = z.object({ id: z.uuid() });

const sharing = {
	currentEmployer: optionalText(120),
	currentRole: optionalText(120),
	location: optionalText(120),
	openTo: many(z.enum(openToFlags)),
	shared: many(z.enum(sharedFields)),
	consent: checkbox,
	checkIns: checkbox
};

export const sharingSchema = z.object(sharing);

export const confirmAlumniSchema = confirmed(z.object({ ...sharing, password: newPassword, confirm: z.string() }));

export const directoryQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	unitId: optionalId.catch(null),
	minYears: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
	employer: z.string().trim().max(100).optional().catch(undefined),
	role: z.string().trim().max(100).optional().catch(undefined),
	location: z.string().trim().max(100).optional().catch(undefined),
	skill: optionalId.catch(null),
	openTo: z.enum(openToFlags).optional().catch(undefined),
	page
});

/** The exit survey: every 0–10 question, the main reason, an optional comment. */
export const exitSurveySchema = z
	.object({
		...(Object.fromEntries(exitSurveyQuestions.map((question) => [`score_${question}`, score])) as Record<`score_${(typeof exitSurveyQuestions)[number]}`, typeof score>),
		reason: z.enum(exitReasons),
		comment: optionalText(2000)
	})
	.transform(({ reason, comment, ...scores }) => ({
		reason,
		comment,
		scores: Object.fromEntries(exitSurveyQuestions.map((question) => [question, scores[`score_${question}`]])) as Record<(typeof exitSurveyQuestions)[number], number>
	}));

/** A message through the directory; the address to reply to is included only when asked. */
export const contactSchema = z.object({ body: requiredText(2000), includeEmail: checkbox });
export const contactQuerySchema = z.object({ reply: optionalId.catch(null) });
