import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { listSkills, refuseGrowth } from '$lib/server/growth';
import { postOpportunity } from '$lib/server/opportunities';
import { requestMeta } from '$lib/server/request-meta';
import { opportunitySchema } from '$lib/schemas/opportunities';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'opportunities.post');
	return { skills: await listSkills() };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event.locals, event.url, 'opportunities.post');
		const parsed = parseForm(opportunitySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await postOpportunity(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(event.cookies, m.opportunities_flash_posted());
		redirect(303, `/opportunities/${result.id}`);
	}
};
