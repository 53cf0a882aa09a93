import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { authorize, can, type Action } from '$lib/server/authz';
import { issueFeed, revokeFeed } from '$lib/server/calendar';
import { setFlash } from '$lib/server/flash';
import { requestMeta } from '$lib/server/request-meta';
import type { CalendarFeedScope } from '$lib/calendar';

/**
 * The calendar-feed actions of a page: `feed` makes a new secret address (the old one stops) and
 * hands it back once as `feedUrl`; `stopFeed` revokes it. `page` is the rule the page itself asks.
 */
export function feedActions(scope: CalendarFeedScope, page: Extract<Action, 'flex.use' | 'flex.team'>) {
	const allowed = (event: RequestEvent) => {
		const actor = authorize(event.locals, event.url, page);
		if (!can(actor, scope === 'person' ? 'calendar.feed.person' : 'calendar.feed.team')) error(403);
		return actor;
	};
	return {
		feed: async (event: RequestEvent) => ({ feedUrl: await issueFeed(allowed(event), scope, requestMeta(event)) }),
		stopFeed: async (event: RequestEvent) => {
			await revokeFeed(allowed(event), scope, requestMeta(event));
			setFlash(event.cookies, m.calendar_flash_stopped());
			redirect(303, event.url.pathname);
		}
	};
}
