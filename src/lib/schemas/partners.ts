import { z } from 'zod';
import { requiredText } from './common';

export const partnerSchema = z.object({
	name: requiredText(120),
	website: z
		.string()
		.trim()
		.max(300)
		.optional()
		.transform((value) => value || null)
		.pipe(z.url({ protocol: /^https?$/ }).nullable())
});
