import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { createUnit, listUnitsWithMembers } from '$lib/server/org';
import { requestMeta } from '$lib/server/request-meta';
import { unitSchema } from '$lib/schemas/org';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'org.manage');
	return { units: await listUnitsWithMembers() };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event.locals, event.url, 'org.manage');
		const parsed = parseForm(unitSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createUnit(actor.id, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, m.flash_unit_created({ name: parsed.data.name }));
		redirect(303, '/admin/org');
	}
};
