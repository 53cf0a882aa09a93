import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requestPasswordReset } from '$lib/server/auth/reset';
import { parseForm, refuse } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { resetRequestSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(resetRequestSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await requestPasswordReset(parsed.data.email, requestMeta(event));
		if (!result.ok) return refuse(parsed.values, {}, m.reset_rate_limited({ minutes: result.retryAfterMinutes }), 429);
		return { sent: true, email: parsed.data.email };
	}
};
