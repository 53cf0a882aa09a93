import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { signIn } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { demoLogins, demoPassword } from '$lib/server/demo';
import { parseForm, refuse } from '$lib/server/forms';
import { getOrganisation, isSetUp } from '$lib/server/organisation';
import { redirectTarget } from '$lib/server/redirect-target';
import { requestMeta } from '$lib/server/request-meta';
import { signInSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = redirectTarget(url.searchParams.get('next'));
	if (locals.actor) redirect(303, next);
	if (!(await isSetUp())) redirect(303, '/setup');
	const organisation = await getOrganisation();
	return { next, demo: organisation.isDemo ? { logins: demoLogins, password: demoPassword } : null };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(signInSchema, form);
		if (!parsed.ok) return parsed.failure;
		const result = await signIn(parsed.data, requestMeta(event));
		if (!result.ok) {
			const message =
				result.reason === 'rate_limited' ? m.login_rate_limited({ minutes: result.retryAfterMinutes }) : m.login_invalid();
			return refuse(parsed.values, {}, message, result.reason === 'rate_limited' ? 429 : 400);
		}
		setSessionCookie(event.cookies, event.url, result.token, result.session.expiresAt);
		redirect(303, redirectTarget(form.get('next')));
	}
};
