import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { contactTarget, sendMessage } from '$lib/server/alumni';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { contactQuerySchema, contactSchema } from '$lib/schemas/alumni';
import { contactsPerDay } from '$lib/alumni';

// To a listed alumnus from the directory, or (?reply=) back to whoever wrote to you.
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'alumni.directory');
	const target = await contactTarget(actor, params.id, contactQuerySchema.parse(Object.fromEntries(url.searchParams)).reply);
	if (!target) error(404);
	return { target };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event.locals, event.url, 'alumni.directory');
		const parsed = parseForm(contactSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { reply } = contactQuerySchema.parse(Object.fromEntries(event.url.searchParams));
		const result = await sendMessage(actor, event.params.id, reply, parsed.data, requestMeta(event));
		if (!result.ok && result.reason === 'not_found') error(404);
		if (!result.ok) return refuse(parsed.values, {}, m.alumni_contact_limit({ count: contactsPerDay }), 429);
		setFlash(event.cookies, m.alumni_contact_sent());
		redirect(303, reply ? '/alumni' : '/alumni/directory');
	}
};
