import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { requestMeta } from '$lib/server/request-meta';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { getOrganisation, updateOrganisation } from '$lib/server/organisation';
import { settingsSchema } from '$lib/schemas/admin';
import { timeZones } from '$lib/schemas/common';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'settings.manage');
	const organisation = await getOrganisation();
	return { settings: { name: organisation.name, defaultLocale: organisation.defaultLocale, timeZone: organisation.timeZone }, timeZones };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event.locals, event.url, 'settings.manage');
		const parsed = parseForm(settingsSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		await updateOrganisation(actor.id, parsed.data, requestMeta(event));
		setFlash(event.cookies, m.flash_saved());
		redirect(303, '/admin/settings');
	}
};
