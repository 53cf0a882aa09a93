import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { createEvent, listEvents } from '$lib/server/events';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { getOrganisation } from '$lib/server/organisation';
import { eventSchema } from '$lib/schemas/events';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'events.browse');
	const [upcoming, past, organisation] = await Promise.all([listEvents(actor, 'upcoming'), listEvents(actor, 'past', new Date(), 10), getOrganisation()]);
	return { upcoming, past, canManage: can(actor, 'events.manage'), defaultTimeZone: organisation.timeZone };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = authorize(event.locals, event.url, 'events.manage');
		const parsed = parseForm(eventSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await createEvent(actor, parsed.data);
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.events_created({ title: parsed.data.title }));
		redirect(303, `/events/${result.id}`);
	}
};
