import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { cancelRsvp, eventAttendees, getEvent, rsvp } from '$lib/server/events';
import { refuse } from '$lib/server/forms';
import { reasonMessage } from '$lib/reasons';
import { requestMeta } from '$lib/server/request-meta';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'events.browse');
	const detail = await getEvent(actor, params.id);
	if (!detail) error(404);
	const canManage = can(actor, 'events.manage');
	return { event: detail, attendees: canManage ? await eventAttendees(detail.id) : null, started: detail.startsAt <= new Date() };
};

export const actions: Actions = {
	rsvp: async (event) => {
		const actor = authorize(event.locals, event.url, 'events.browse');
		const result = await rsvp(actor, event.params.id);
		if (!result.ok && result.reason === 'not_found') error(404);
		if (!result.ok) return refuse({}, {}, reasonMessage(result.reason), 409);
		return { saved: true, notice: result.status === 'going' ? m.events_you_are_going() : m.events_you_are_waiting() };
	},
	cancel: async (event) => {
		const actor = authorize(event.locals, event.url, 'events.browse');
		if (!(await cancelRsvp(actor, event.params.id, requestMeta(event)))) error(404);
		return { saved: true, notice: m.events_cancelled() };
	}
};
