import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { isResetTokenLive, resetPassword } from '$lib/server/auth/reset';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { resetPasswordSchema } from '$lib/schemas/auth';

// Opening the link only checks it: a mail scanner following it must not use it up.
export const load: PageServerLoad = async ({ params }) => ({ live: await isResetTokenLive(params.token) });

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(resetPasswordSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await resetPassword(event.params.token, parsed.data.password, requestMeta(event))))
			return refuse({}, {}, m.reset_link_dead(), 410);
		setFlash(event.cookies, m.flash_password_reset());
		redirect(303, '/login');
	}
};
