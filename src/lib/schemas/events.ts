import { z } from 'zod';
import { optionalText, requiredText, timeZone } from './common';
import { eventAudiences } from '$lib/events';

/** What a datetime-local field sends: a wall-clock time without a zone. */
const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}:00Z`)));

export const eventSchema = z.object({
	title: requiredText(160),
	description: optionalText(4000),
	startsAt: localDateTime,
	endsAt: localDateTime,
	timeZone,
	place: optionalText(200),
	onlineUrl: z
		.string()
		.trim()
		.max(500)
		.optional()
		.transform((value) => value || null)
		.pipe(z.url({ protocol: /^https?$/ }).nullable()),
	audience: z.enum(eventAudiences),
	capacity: z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? Number(value) : null))
		.pipe(z.number().int().min(1).max(100_000).nullable())
});
