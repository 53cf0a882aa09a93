import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { createService, listServices } from '$lib/server/xla';
import { xlaServiceSchema } from '$lib/schemas/xla';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'xla.view');
	return { services: await listServices(), canManage: can(actor, 'xla.manage') };
};

export const actions: Actions = {
	create: async (event) => {
		authorize(event.locals, event.url, 'xla.manage');
		const parsed = parseForm(xlaServiceSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createService(parsed.data);
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, m.xla_service_created({ name: parsed.data.name }));
		redirect(303, `/xla/${result.id}`);
	}
};
