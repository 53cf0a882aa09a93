import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { refuseGrowth, type GrowthResult } from '$lib/server/growth';
import { applyTo, decideApplication, getOpportunity, setOpportunityOpen } from '$lib/server/opportunities';
import { requestMeta } from '$lib/server/request-meta';
import { applicationIdSchema, applySchema } from '$lib/schemas/opportunities';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'opportunities.browse');
	const opportunity = await getOpportunity(actor, params.id);
	if (!opportunity) error(404);
	return { opportunity };
};

const none = z.object({});

/** Every action here: parse, let the domain decide, back to this opportunity with a flash. */
function opportunityAction<S extends z.ZodType>(schema: S, change: (actor: Actor, input: z.output<S>, event: RequestEvent) => Promise<GrowthResult>, flash: () => string) {
	return async (event: RequestEvent) => {
		const actor = authorize(event.locals, event.url, 'opportunities.browse');
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await change(actor, parsed.data, event);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(event.cookies, flash());
		redirect(303, `/opportunities/${event.params.id}`);
	};
}

const id = (event: RequestEvent) => event.params.id ?? '';

export const actions: Actions = {
	apply: opportunityAction(applySchema, (actor, input, event) => applyTo(actor, id(event), input, event.url.origin), m.opportunities_flash_applied),
	close: opportunityAction(none, (actor, _input, event) => setOpportunityOpen(actor, id(event), false, requestMeta(event)), m.opportunities_flash_closed),
	reopen: opportunityAction(none, (actor, _input, event) => setOpportunityOpen(actor, id(event), true, requestMeta(event)), m.opportunities_flash_reopened),
	select: opportunityAction(applicationIdSchema, (actor, input, event) => decideApplication(actor, id(event), input.applicationId, true, requestMeta(event)), m.opportunities_flash_selected),
	decline: opportunityAction(applicationIdSchema, (actor, input, event) => decideApplication(actor, id(event), input.applicationId, false, requestMeta(event)), m.opportunities_flash_declined)
};
