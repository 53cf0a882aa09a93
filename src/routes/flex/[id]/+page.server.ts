import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse, refuseFor } from '$lib/server/forms';
import { arrangementFor, decide, endEarly, todayIn, withdraw } from '$lib/server/flex';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { reasonMessage, type Reason } from '$lib/reasons';
import { decisionSchema, endEarlySchema } from '$lib/schemas/flex';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'flex.use');
	const arrangement = await arrangementFor(actor, params.id);
	if (!arrangement) error(404);
	return {
		arrangement,
		isOwn: arrangement.personId === actor.id,
		mayEnd: can(actor, 'flex.arrangement.end', arrangement),
		today: todayIn((await getOrganisation()).timeZone)
	};
};

/** Nothing here for this person (404), theirs to see but not to do (403), or no longer possible (409, with why). */
const refused = (reason: 'not_found' | 'forbidden' | Reason, values: Record<string, string | string[]>) => {
	if (reason === 'not_found') error(404);
	if (reason === 'forbidden') error(403);
	return refuse(values, {}, reasonMessage(reason), 409);
};

export const actions: Actions = {
	decide: async (event) => {
		const actor = authorize(event.locals, event.url, 'flex.use');
		const parsed = parseForm(decisionSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await decide(actor, event.params.id, parsed.data, requestMeta(event));
		if (!result.ok) return refused(result.reason, parsed.values);
		setFlash(event.cookies, result.status === 'approved' ? m.flex_flash_decided_approved() : m.flex_flash_decided_declined());
		redirect(303, '/flex/team');
	},
	withdraw: async (event) => {
		const actor = authorize(event.locals, event.url, 'flex.use');
		const result = await withdraw(actor, event.params.id, requestMeta(event));
		if (!result.ok) return refused(result.reason, {});
		setFlash(event.cookies, m.flex_flash_withdrawn());
		redirect(303, '/flex');
	},
	end: async (event) => {
		const actor = authorize(event.locals, event.url, 'flex.use');
		const parsed = parseForm(endEarlySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await endEarly(actor, event.params.id, parsed.data, requestMeta(event));
		if (!result.ok) return 'field' in result ? refuseFor(parsed.values, { [result.field]: result.reason }) : refused(result.reason, parsed.values);
		setFlash(event.cookies, m.flex_flash_ended_early());
		redirect(303, `/flex/${event.params.id}`);
	}
};
