import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/authz';
import { eventCalendar, getEvent } from '$lib/server/events';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'events.browse');
	const detail = await getEvent(actor, params.id);
	if (!detail) error(404);
	return new Response(eventCalendar(detail, url.origin), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="event-${detail.id}.ics"` }
	});
};
