import { z } from 'zod';
import { email, optionalId, optionalText, page, requiredText } from './common';
import { referralStatuses, vacancyAudiences, vacancyStatuses } from '$lib/vacancies';

export const vacancySchema = z.object({
	title: requiredText(160),
	description: requiredText(8000),
	location: optionalText(120),
	unitId: optionalId,
	audience: z.enum(vacancyAudiences)
});

export const vacancyStatusSchema = z.object({ status: z.enum(vacancyStatuses) });

export const applicationSchema = z.object({ note: requiredText(2000) });

export const referralSchema = z.object({
	candidateName: requiredText(120),
	candidateEmail: email,
	why: requiredText(2000)
});

export const moveReferralSchema = z.object({
	id: z.uuid(),
	from: z.enum(referralStatuses),
	to: z.enum(referralStatuses)
});

export const rehireSchema = z.object({
	personId: z.uuid(),
	unitId: z.uuid(),
	rehiredOn: z.iso.date()
});

export const listQuerySchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined), page });
