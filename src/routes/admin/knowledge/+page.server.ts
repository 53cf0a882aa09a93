import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { createSpace, listSpacesWithCounts } from '$lib/server/knowledge';
import { listPartners } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { spaceSchema } from '$lib/schemas/knowledge';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'knowledge.spaces.manage');
	const [spaces, partners] = await Promise.all([listSpacesWithCounts(actor), listPartners()]);
	return { spaces, partners: partners.map((partner) => ({ value: partner.id, label: partner.name })) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event.locals, event.url, 'knowledge.spaces.manage');
		const parsed = parseForm(spaceSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createSpace(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.knowledge_flash_space_created({ name: parsed.data.name }));
		redirect(303, `/knowledge/${result.slug}`);
	}
};
