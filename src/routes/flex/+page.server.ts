import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { feedsOf } from '$lib/server/calendar';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { balances, myArrangements, shownBoundsFor, submitRequest, todayIn } from '$lib/server/flex';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { requestSchema, requestTypeSchema } from '$lib/schemas/flex';
import { page } from '$lib/schemas/common';
import { feedActions } from './feed';

/** Rows per page of each list: current, upcoming, history. */
const pageSize = 10;
/** Each list pages on its own parameter; history keeps `page`, where it has always been. */
const pageParams = { current: 'current', upcoming: 'upcoming', history: 'page' } as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'flex.use');
	const today = todayIn((await getOrganisation()).timeZone);
	const pages = {
		current: page.parse(url.searchParams.get(pageParams.current) ?? undefined),
		upcoming: page.parse(url.searchParams.get(pageParams.upcoming) ?? undefined),
		history: page.parse(url.searchParams.get(pageParams.history) ?? undefined)
	};
	const [bounds, arrangements, feeds] = await Promise.all([
		shownBoundsFor(actor.unitId),
		myArrangements(actor.id, today, pages, pageSize),
		feedsOf(actor.id)
	]);
	return {
		today,
		// Leads edit their unit's bounds; whether they lead one the bounds page finds out.
		mayEditBounds: can(actor, 'flex.bounds.organisation') || actor.isManager,
		mayViewInsights: can(actor, 'flex.insights'),
		bounds,
		arrangements,
		pages,
		pageParams,
		pageSize,
		feedSince: feeds.person ?? null,
		balances: balances(bounds, arrangements.used),
		requestType: requestTypeSchema.catch('remote').parse(url.searchParams.get('type') ?? undefined)
	};
};

const flashes = { approved: m.flex_flash_approved, pending: m.flex_flash_pending, declined: m.flex_flash_declined, withdrawn: m.flex_flash_withdrawn };

export const actions: Actions = {
	request: async (event) => {
		const actor = authorize(event.locals, event.url, 'flex.use');
		const parsed = parseForm(requestSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await submitRequest(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, flashes[result.status]());
		redirect(303, `/flex/${result.id}`);
	},
	...feedActions('person', 'flex.use')
};
