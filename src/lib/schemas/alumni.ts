import { z } from 'zod';
import { checkbox, email, many, newPassword, optionalId, optionalText, page } from './common';
import { confirmed } from './auth';
import { leavingReasons, openToFlags, sharedFields } from '$lib/alumni';

export const offboardingSchema = z.object({
	personId: z.uuid(),
	lastDay: z.iso.date(),
	reason: z.enum(leavingReasons),
	rehireEligible: z.enum(['yes', 'no']).transform((value) => value === 'yes'),
	personalEmail: email
});

export const cancelOffboardingSchema = z.object({ id: z.uuid() });

const sharing = {
	currentEmployer: optionalText(120),
	currentRole: optionalText(120),
	location: optionalText(120),
	openTo: many(z.enum(openToFlags)),
	shared: many(z.enum(sharedFields)),
	consent: checkbox
};

export const sharingSchema = z.object(sharing);

export const confirmAlumniSchema = confirmed(z.object({ ...sharing, password: newPassword, confirm: z.string() }));

export const directoryQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	unitId: optionalId.catch(null),
	employer: z.string().trim().max(100).optional().catch(undefined),
	openTo: z.enum(openToFlags).optional().catch(undefined),
	page
});
