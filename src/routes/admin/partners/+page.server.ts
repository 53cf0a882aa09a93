import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { createPartner, listPartners } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { partnerSchema } from '$lib/schemas/partners';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'partners.manage');
	return { partners: await listPartners() };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event.locals, event.url, 'partners.manage');
		const parsed = parseForm(partnerSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createPartner(actor.id, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, m.flash_partner_created({ name: parsed.data.name }));
		redirect(303, `/admin/partners/${result.id}`);
	}
};
