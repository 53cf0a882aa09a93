import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { feedCalendar } from '$lib/server/calendar';
import { calendarHeaders } from '$lib/server/calendar/ics';

/**
 * A calendar feed, for calendar apps: the secret address is the only credential (they send no
 * cookies). Unknown, revoked and no-longer-allowed addresses are all the same 404.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const calendar = await feedCalendar(params.token, url.origin);
	if (calendar === null) error(404);
	// Apps poll every hour or so; no shared cache may keep someone's whereabouts.
	return new Response(calendar, { headers: { ...calendarHeaders(), 'cache-control': 'private, no-store' } });
};
