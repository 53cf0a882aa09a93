import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale, setLocaleCookie } from '$lib/server/i18n';
import { isSecureContext } from '$lib/server/auth/cookie';
import { setPersonLocale } from '$lib/server/people';
import { redirectTarget } from '$lib/server/redirect-target';
import { themeCookieName, toTheme } from '$lib/theme';

const year = 365 * 24 * 60 * 60;

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	/** Anyone may switch language; a signed-in person keeps the choice on their account. */
	language: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (typeof locale === 'string' && isLocale(locale)) {
			setLocaleCookie(cookies, url, locale);
			if (locals.actor) await setPersonLocale(locals.actor.id, locale);
		}
		redirect(303, redirectTarget(form.get('redirectTo')));
	},
	theme: async ({ request, cookies, url }) => {
		const form = await request.formData();
		cookies.set(themeCookieName, toTheme(String(form.get('theme'))), { path: '/', maxAge: year, httpOnly: true, sameSite: 'lax', secure: isSecureContext(url) });
		redirect(303, redirectTarget(form.get('redirectTo')));
	}
};
