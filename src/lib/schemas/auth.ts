import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { email, newPassword, requiredText, timeZone } from './common';

export const signInSchema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(256)
});

export const resetRequestSchema = z.object({ email });

export const confirmed = <T extends { password: string; confirm: string }>(schema: z.ZodType<T>) =>
	schema.refine((value) => value.password === value.confirm, { path: ['confirm'], error: () => m.validation_passwords_differ() });

export const resetPasswordSchema = confirmed(z.object({ password: newPassword, confirm: z.string() }));

export const acceptInvitationSchema = confirmed(z.object({ name: requiredText(), password: newPassword, confirm: z.string() }));

export const changePasswordSchema = confirmed(
	z.object({ current: z.string().min(1).max(256), password: newPassword, confirm: z.string() })
);

export const setupSchema = confirmed(
	z.object({ organisation: requiredText(), timeZone, name: requiredText(), email, password: newPassword, confirm: z.string() })
);
