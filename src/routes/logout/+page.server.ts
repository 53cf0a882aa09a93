import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { setFlash } from '$lib/server/flash';

// Signing out changes state, so it is a POST; a plain visit shows the button.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(locals.session.id);
		deleteSessionCookie(cookies, url);
		setFlash(cookies, m.flash_signed_out());
		redirect(303, '/login');
	}
};
