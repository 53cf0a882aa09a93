import { z } from 'zod';
import { checkbox, email, locale, many, optionalEmail, optionalId, optionalText, page, requiredText } from './common';

export const personKindSchema = z.enum(['employee', 'alumni', 'partner']);
export const roleSchema = z.enum(['hr', 'admin']);
export const personStatusSchema = z.enum(['invited', 'active', 'deactivated']);

/** What HR fills in to invite or edit a person. */
export const personSchema = z.object({
	name: requiredText(),
	email,
	jobTitle: optionalText(),
	kind: personKindSchema,
	roles: many(roleSchema),
	unitId: optionalId,
	managerEmail: optionalEmail,
	partnerOrgId: optionalId,
	locale: locale.optional().or(z.literal('')).transform((value) => value || null)
});

/** Filters in the query string of the people lists; bad values fall back to "no filter". */
export const peopleQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	unit: z.uuid().optional().catch(undefined),
	kind: personKindSchema.optional().catch(undefined),
	role: roleSchema.optional().catch(undefined),
	status: personStatusSchema.optional().catch(undefined),
	page
});

export const ownProfileSchema = z.object({
	name: requiredText(),
	headline: optionalText(160),
	location: optionalText(120),
	locale: locale
});

export const importSchema = z.object({
	sendInvitations: checkbox
});
