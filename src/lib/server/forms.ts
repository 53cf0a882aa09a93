import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FormFailure } from '$lib/forms';
import { reasonMessage, type Reason } from '$lib/reasons';

/** FormData as a plain object; repeated names (checkbox groups) become arrays; files are left out. */
export function formValues(formData: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const [key, value] of formData) {
		if (typeof value !== 'string') continue;
		const existing = values[key];
		values[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return values;
}

/** Secrets are never sent back to refill a form. */
function refillable(values: Record<string, string | string[]>): Record<string, string | string[]> {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|confirm|current|token/i.test(key)));
}

export function refuse(
	values: Record<string, string | string[]>,
	errors: Record<string, string>,
	message?: string,
	status = 400
): ActionFailure<FormFailure> {
	return fail(status, { values: refillable(values), errors, ...(message ? { message } : {}) });
}

/** Refuses with the domain's reasons, each shown next to its field. */
export function refuseFor(values: Record<string, string | string[]>, reasons: Partial<Record<string, Reason>>, status = 400) {
	const errors = Object.fromEntries(Object.entries(reasons).flatMap(([field, reason]) => (reason ? [[field, reasonMessage(reason)]] : [])));
	return refuse(values, errors, undefined, status);
}

export type Parsed<T> = { ok: true; data: T; values: Record<string, string | string[]> } | { ok: false; failure: ActionFailure<FormFailure> };

/** Validates a submitted form with its shared schema; on failure, every field's first message. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
	const values = formValues(formData);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, failure: refuse(values, errors) };
}
