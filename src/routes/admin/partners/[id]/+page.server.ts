import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { deletePartner, getPartner, updatePartner } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { partnerSchema } from '$lib/schemas/partners';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'partners.manage');
	const partner = await getPartner(params.id);
	if (!partner) error(404);
	return { partner };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = authorize(event.locals, event.url, 'partners.manage');
		const parsed = parseForm(partnerSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updatePartner(actor.id, event.params.id, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason }, result.reason === 'not_found' ? 404 : 400);
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/admin/partners/${event.params.id}`);
	},
	delete: async (event) => {
		const actor = authorize(event.locals, event.url, 'partners.manage');
		const result = await deletePartner(actor.id, event.params.id, requestMeta(event));
		if (!result.ok) return refuseFor({}, { partner: result.reason }, result.reason === 'not_found' ? 404 : 400);
		setFlash(event.cookies, m.flash_partner_deleted());
		redirect(303, '/admin/partners');
	}
};
