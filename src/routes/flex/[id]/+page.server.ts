import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { arrangementFor, decide, todayIn, withdraw } from '$lib/server/flex';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { reasonMessage } from '$lib/reasons';
import { decisionSchema } from '$lib/schemas/flex';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'flex.use');
	const arrangement = await arrangementFor(actor, params.id);
	if (!arrangement) error(404);
	return { arrangement, isOwn: arrangement.personId === actor.id, today: todayIn((await getOrganisation()).timeZone) };
};

/** Someone else decided first (409); nothing to decide or withdraw here for this person (404). */
const refused = (reason: 'not_found' | 'already_decided', values: Record<string, string | string[]>) => {
	if (reason === 'not_found') error(404);
	return refuse(values, {}, reasonMessage('flex_already_decided'), 409);
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
	}
};
