import { z } from 'zod';
import { optionalEmail, optionalId, requiredText } from './common';

/** An org unit; its lead is named by email, like managers. */
export const unitSchema = z.object({
	name: requiredText(120),
	parentId: optionalId,
	leadEmail: optionalEmail
});
