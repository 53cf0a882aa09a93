import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { pulseDimensions as pulseDimensionKeys, recurrenceOptions, type PulseDimension, type PulseQuestionKind } from '$lib/pulse';
import { checkbox, many, optionalText, requiredText, scoreField } from './common';

/** One question per line; empty lines are dropped. */
const questionLines = z
	.string()
	.optional()
	.transform((value) =>
		(value ?? '')
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
	)
	.pipe(z.array(z.string().max(200)).max(5));

const isoDay = z.iso.date();

const surveyFields = z.object({
	name: requiredText(120),
	...(Object.fromEntries(pulseDimensionKeys.map((dimension) => [`questions_${dimension}`, questionLines])) as Record<`questions_${PulseDimension}`, typeof questionLines>),
	enps: checkbox,
	allowComment: checkbox,
	audienceUnitIds: many(z.uuid()),
	recurrenceDays: z.enum(recurrenceOptions.map(String) as [string, ...string[]]).transform(Number),
	windowDays: z.coerce.number().int().min(1).max(28),
	minGroupSize: z.coerce.number().int().min(3).max(50)
});

function checkSurvey(value: z.output<typeof surveyFields>, context: z.RefinementCtx) {
	if (value.windowDays > value.recurrenceDays) context.addIssue({ code: 'custom', path: ['windowDays'], message: m.pulse_window_too_long() });
	if (pulseDimensionKeys.every((dimension) => value[`questions_${dimension}`].length === 0))
		context.addIssue({ code: 'custom', path: ['questions_happiness'], message: m.pulse_questions_required() });
}

/** A pulse as HR defines it: questions per dimension (one per line), eNPS, comment, audience and rhythm. */
export const surveySchema = surveyFields.extend({ firstOpensOn: isoDay }).superRefine(checkSurvey);
/** Editing a pulse: the same, without the first round (its rhythm goes on from the next round). */
export const surveyUpdateSchema = surveyFields.superRefine(checkSurvey);

/** The questions a submitted survey form asks, in order: the dimensions' lines, then eNPS. */
export function surveyQuestions(data: z.output<typeof surveyFields>, enpsPrompt: string): { kind: PulseQuestionKind; prompt: string }[] {
	const questions: { kind: PulseQuestionKind; prompt: string }[] = pulseDimensionKeys.flatMap((dimension) =>
		data[`questions_${dimension}`].map((prompt) => ({ kind: dimension, prompt }))
	);
	if (data.enps) questions.push({ kind: 'enps', prompt: enpsPrompt });
	return questions;
}

/** A 0–10 answer from a radio group (pulse and exit survey). */
export const score = scoreField(() => m.pulse_score_required());

/** An answer: a score 0–10 for each of `count` questions (`score_0`…), and an optional comment. */
export const answerSchema = (count: number) =>
	z
		.object({ roundId: z.uuid(), comment: optionalText(2000) })
		.extend(Object.fromEntries(Array.from({ length: count }, (_, position) => [`score_${position}`, score])) as Record<`score_${number}`, typeof score>);

export const resultsQuerySchema = z.object({
	survey: z.uuid().optional().catch(undefined),
	group: z.string().max(64).optional().catch(undefined)
});

/** "You said, we did": an action for a group, against the dimension it addresses. */
export const actionSchema = z.object({
	surveyId: z.uuid(),
	group: z.string().trim().min(1).max(64),
	dimension: z.enum(pulseDimensionKeys),
	title: requiredText(160),
	description: optionalText(1000),
	takenOn: isoDay
});
