import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { changePassword, signOutEverywhere } from '$lib/server/auth';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateOwnSession, listSessions } from '$lib/server/auth/session';
import { requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { setLocaleCookie } from '$lib/server/i18n';
import { getPerson, updateOwnProfile } from '$lib/server/people';
import { requestMeta } from '$lib/server/request-meta';
import { changePasswordSchema } from '$lib/schemas/auth';
import { ownProfileSchema } from '$lib/schemas/people';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const [me, sessions] = await Promise.all([getPerson(actor.id), listSessions(actor.id)]);
	if (!me) error(404);
	return {
		profile: { name: me.name, email: me.email, headline: me.headline, location: me.location, locale: me.locale ?? locals.locale },
		sessions: sessions.map((session) => ({
			id: session.id,
			createdAt: session.createdAt,
			lastVerifiedAt: session.lastVerifiedAt,
			userAgent: session.userAgent,
			current: session.id === locals.session?.id
		}))
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, url, cookies }) => {
		const actor = requireActor(locals, url);
		const parsed = parseForm(ownProfileSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		await updateOwnProfile(actor.id, parsed.data);
		setLocaleCookie(cookies, url, parsed.data.locale);
		setFlash(cookies, m.flash_profile_saved({}, { locale: parsed.data.locale }));
		redirect(303, '/account');
	},
	password: async (event) => {
		const { locals, url, request, cookies } = event;
		const actor = requireActor(locals, url);
		const parsed = parseForm(changePasswordSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await changePassword(actor.id, locals.session!.id, { current: parsed.data.current, next: parsed.data.password }, requestMeta(event));
		if (!result.ok) {
			if (result.reason === 'rate_limited') return refuse({}, {}, m.login_rate_limited({ minutes: result.retryAfterMinutes }), 429);
			return refuse({}, { current: m.account_wrong_password() });
		}
		setFlash(cookies, m.flash_password_changed());
		redirect(303, '/account');
	},
	revoke: async ({ request, locals, url }) => {
		const actor = requireActor(locals, url);
		const sessionId = (await request.formData()).get('session');
		if (typeof sessionId === 'string') await invalidateOwnSession(actor.id, sessionId);
		return { revoked: true };
	},
	everywhere: async (event) => {
		const actor = requireActor(event.locals, event.url);
		await signOutEverywhere(actor.id, requestMeta(event));
		deleteSessionCookie(event.cookies, event.url);
		setFlash(event.cookies, m.flash_signed_out_everywhere());
		redirect(303, '/login');
	}
};
