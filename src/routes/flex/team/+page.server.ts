import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { feedsOf } from '$lib/server/calendar';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { decisionInbox, delegate, myDelegations } from '$lib/server/flex';
import { teamPage } from '$lib/server/flex/team';
import { requestMeta } from '$lib/server/request-meta';
import { delegationSchema } from '$lib/schemas/flex';
import { page as pageSchema } from '$lib/schemas/common';
import { feedActions } from '../feed';

/** People per page of the team's week: a lead may have hundreds. */
const pageSize = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'flex.team');
	const page = pageSchema.parse(url.searchParams.get('page') ?? 1);
	const [inbox, team, delegations, feeds] = await Promise.all([decisionInbox(actor), teamPage(actor, { page, pageSize }), myDelegations(actor), feedsOf(actor.id)]);
	return { inbox, team, page, pageSize, delegations, feedSince: feeds.team ?? null };
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
	},
	...feedActions('team', 'flex.team')
};
