import { z } from 'zod';
import { locale, requiredText, timeZone } from './common';

export const auditFilterSchema = z.object({
	action: z.string().max(60).optional().catch(undefined),
	actor: z.uuid().optional().catch(undefined),
	target: z.string().max(200).optional().catch(undefined),
	from: z.iso.date().optional().catch(undefined),
	to: z.iso.date().optional().catch(undefined),
	before: z.coerce.number().int().positive().optional().catch(undefined)
});

export const settingsSchema = z.object({
	name: requiredText(120),
	defaultLocale: locale,
	timeZone
});
