import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/**
 * Zod's messages in the reader's language. Message functions read the locale of the current
 * request (server) or page (browser), so one global map serves everyone.
 */
z.config({
	customError: (issue) => {
		switch (issue.code) {
			case 'too_small':
				if (issue.origin === 'string') return issue.minimum === 1 ? m.validation_required() : m.validation_too_short({ min: Number(issue.minimum) });
				if (issue.origin === 'array') return m.validation_choose_one();
				return m.validation_too_small({ min: Number(issue.minimum) });
			case 'too_big':
				if (issue.origin === 'string') return m.validation_too_long({ max: Number(issue.maximum) });
				return m.validation_too_big({ max: Number(issue.maximum) });
			case 'invalid_format':
				if (issue.format === 'email') return m.validation_email();
				if (issue.format === 'date') return m.validation_date();
				if (issue.format === 'url') return m.validation_url();
				// Ids come from a list the form offers.
				if (issue.format === 'uuid') return m.validation_choice();
				return m.validation_invalid();
			case 'invalid_value':
				return m.validation_choice();
			case 'invalid_type':
				return issue.input === undefined ? m.validation_required() : m.validation_invalid();
			default:
				return m.validation_invalid();
		}
	}
});

/** Text a person typed: trimmed; empty means "not given". */
export const requiredText = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 200) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || null);

export const email = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());
export const optionalEmail = z
	.string()
	.trim()
	.toLowerCase()
	.max(254)
	.optional()
	.transform((value) => value || null)
	.pipe(z.email().nullable());

export const passwordPolicy = { minLength: 12, maxLength: 256 } as const;
export const newPassword = z.string().min(passwordPolicy.minLength).max(passwordPolicy.maxLength);

/** A form's id fields: empty means none; anything else must look like one of our ids. */
export const optionalId = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || null)
	.pipe(z.uuid().nullable());

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true');

/** A score picked from a 0–10 scale (radio buttons): missing or anything else is `message`. */
export const scoreField = (message: () => string) =>
	z.enum(Array.from({ length: 11 }, (_, value) => String(value)) as [string, ...string[]], { error: message }).transform(Number);

/** Fields sent as repeated values (checkbox groups) arrive as one string or several. */
export const many = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const page = z.coerce.number().int().min(1).max(10_000).catch(1);

export const locale = z.enum(['en', 'nl']);

/** IANA time zones this runtime knows, for the organisation's clock. */
export const timeZones: string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
export const timeZone = z.string().refine((value) => timeZones.includes(value), { error: () => m.validation_choice() });
