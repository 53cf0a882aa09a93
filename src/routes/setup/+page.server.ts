import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { isSetUp, setUpOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { setupSchema } from '$lib/schemas/auth';
import { timeZones } from '$lib/schemas/common';

// Open to anyone exactly until the first organisation exists; after that it is gone.
export const load: PageServerLoad = async () => {
	if (await isSetUp()) redirect(303, '/');
	return { timeZones };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(setupSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const done = await setUpOrganisation({ ...parsed.data, locale: event.locals.locale }, requestMeta(event));
		if (!done) return refuse(parsed.values, {}, m.setup_already_done(), 409);
		setSessionCookie(event.cookies, event.url, done.token, done.expiresAt);
		setFlash(event.cookies, m.flash_setup_done());
		redirect(303, '/admin');
	}
};
