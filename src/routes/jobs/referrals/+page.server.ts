import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { listReferrals, moveReferral } from '$lib/server/vacancies';
import { parseForm, refuse } from '$lib/server/forms';
import { reasonMessage } from '$lib/reasons';
import { requestMeta } from '$lib/server/request-meta';
import { listQuerySchema, moveReferralSchema } from '$lib/schemas/vacancies';

// Twenty a page, as the other lists: each row of the ledger carries its own move buttons.
const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'referrals.own');
	const { page } = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const manage = can(actor, 'vacancies.manage');
	return { ...(await listReferrals(actor, { all: manage, page, pageSize })), manage, page, pageSize };
};

export const actions: Actions = {
	move: async (event) => {
		const actor = authorize(event.locals, event.url, 'vacancies.manage');
		const parsed = parseForm(moveReferralSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await moveReferral(actor, parsed.data.id, parsed.data.from, parsed.data.to, requestMeta(event));
		if (result.ok) return { saved: true, notice: m.vacancies_moved() };
		if (result.reason === 'not_found') error(404);
		return refuse(parsed.values, {}, reasonMessage(result.reason), 409);
	}
};
