import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/authz';
import { eventCalendar, getEvent } from '$lib/server/events';
import { calendarHeaders } from '$lib/server/calendar/ics';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'events.browse');
	const detail = await getEvent(actor, params.id);
	if (!detail) error(404);
	return new Response(eventCalendar(detail, url.origin), { headers: calendarHeaders(`event-${detail.id}.ics`) });
};
