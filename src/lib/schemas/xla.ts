import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { pulseDimensions } from '$lib/pulse';
import { ratingScales, sourceKind, xlaSources, type RatingScale } from '$lib/xla';
import { checkbox, optionalId, optionalText, requiredText, scoreField } from './common';

export const xlaServiceSchema = z.object({
	name: requiredText(120),
	description: optionalText(500)
});

/** A select left at its empty option: not given. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional());

/**
 * A measure: what it is, its target, and where its values come from. A pulse dimension needs its
 * pulse and dimension, a rating its scale; flex figures are KPIs, pulse and ratings experience.
 */
export const xlaMeasureSchema = z
	.object({
		kind: z.enum(['kpi', 'experience']),
		name: requiredText(120),
		target: z.coerce.number().finite(),
		higherIsBetter: checkbox,
		unit: optionalText(20),
		source: optionalChoice(xlaSources).transform((value) => value ?? 'entered'),
		pulseSurveyId: optionalId,
		pulseDimension: optionalChoice(pulseDimensions),
		ratingScale: optionalChoice(ratingScales.map(String) as ['5', '10'])
	})
	.superRefine((value, context) => {
		const kind = value.source === 'entered' ? null : sourceKind[value.source];
		if (kind && kind !== value.kind) context.addIssue({ code: 'custom', path: ['source'], message: m.xla_source_wrong_kind() });
		if (value.source === 'pulse_dimension') {
			if (!value.pulseSurveyId) context.addIssue({ code: 'custom', path: ['pulseSurveyId'], message: m.validation_required() });
			if (!value.pulseDimension) context.addIssue({ code: 'custom', path: ['pulseDimension'], message: m.validation_required() });
		}
		if (value.source === 'rating' && !value.ratingScale) context.addIssue({ code: 'custom', path: ['ratingScale'], message: m.validation_required() });
	})
	// Only what the chosen source uses is kept.
	.transform(({ pulseSurveyId, pulseDimension, ratingScale, ...value }) => ({
		...value,
		pulseSurveyId: value.source === 'pulse_dimension' ? pulseSurveyId : null,
		pulseDimension: value.source === 'pulse_dimension' ? (pulseDimension ?? null) : null,
		ratingScale: value.source === 'rating' ? (Number(ratingScale) as RatingScale) : null
	}));

export const xlaValueSchema = z.object({
	measureId: z.uuid(),
	/** A month, as `<input type="month">` sends it. */
	period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
	value: z.coerce.number().finite()
});

/** "How was it?": a score, 0–10 at most (the domain holds it to the measure's own scale). */
export const xlaRatingSchema = z.object({
	measureId: z.uuid(),
	score: scoreField(() => m.xla_rating_required())
});
