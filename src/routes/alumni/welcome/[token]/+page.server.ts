import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { confirmAlumni, findInvitation } from '$lib/server/alumni';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { confirmAlumniSchema } from '$lib/schemas/alumni';

// The token is the permission, as for an invitation: whoever holds the emailed link confirms.
export const load: PageServerLoad = async ({ params }) => {
	const [invitation, organisation] = await Promise.all([findInvitation(params.token), getOrganisation()]);
	return { invitation: invitation && { name: invitation.name, email: invitation.personalEmail }, organisation: organisation.name };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(confirmAlumniSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await confirmAlumni(event.params.token, parsed.data, requestMeta(event));
		if (!result.ok) return refuse(parsed.values, {}, result.reason === 'dead' ? m.alumni_welcome_dead() : m.reason_email_taken(), result.reason === 'dead' ? 410 : 409);
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		setFlash(event.cookies, m.alumni_welcome_done());
		redirect(303, '/alumni');
	}
};
