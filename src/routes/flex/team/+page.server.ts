import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { decisionInbox, delegate, myDelegations, teamArrangements, teamWeek } from '$lib/server/flex';
import { requestMeta } from '$lib/server/request-meta';
import { delegationSchema } from '$lib/schemas/flex';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'flex.team');
	const [inbox, team, delegations, week] = await Promise.all([decisionInbox(actor), teamArrangements(actor), myDelegations(actor), teamWeek(actor)]);
	return { inbox, team, delegations, week };
};

export const actions: Actions = {
	delegate: async (event) => {
		const actor = authorize(event.locals, event.url, 'flex.team');
		const parsed = parseForm(delegationSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await delegate(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, m.flex_flash_delegated());
		redirect(303, '/flex/team');
	}
};
