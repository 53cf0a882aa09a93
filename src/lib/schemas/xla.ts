import { z } from 'zod';
import { checkbox, optionalText, requiredText } from './common';

export const xlaServiceSchema = z.object({
	name: requiredText(120),
	description: optionalText(500)
});

export const xlaMeasureSchema = z.object({
	kind: z.enum(['kpi', 'experience']),
	name: requiredText(120),
	target: z.coerce.number().finite(),
	higherIsBetter: checkbox,
	unit: optionalText(20)
});

export const xlaValueSchema = z.object({
	measureId: z.uuid(),
	/** A month, as `<input type="month">` sends it. */
	period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
	value: z.coerce.number().finite()
});
