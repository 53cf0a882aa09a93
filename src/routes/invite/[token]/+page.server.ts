import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { acceptInvitation, findInvitation } from '$lib/server/auth/invitation';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { acceptInvitationSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ params }) => {
	const invitation = await findInvitation(params.token);
	const organisation = await getOrganisation();
	return { invitation: invitation && { email: invitation.email, name: invitation.name }, organisation: organisation.name };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(acceptInvitationSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const accepted = await acceptInvitation(event.params.token, parsed.data, requestMeta(event));
		if (!accepted) return refuse(parsed.values, {}, m.invite_dead(), 410);
		setSessionCookie(event.cookies, event.url, accepted.token, accepted.expiresAt);
		setFlash(event.cookies, m.flash_welcome({ name: parsed.data.name }));
		redirect(303, '/');
	}
};
