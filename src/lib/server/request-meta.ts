import type { RequestEvent } from '@sveltejs/kit';

/** What domain actions need to know about the request that caused them. */
export interface RequestMeta {
	ip: string | null;
	userAgent: string | null;
	/** Public origin, for links in emails. */
	origin: string;
}

export function requestMeta(event: Pick<RequestEvent, 'getClientAddress' | 'request' | 'url'>): RequestMeta {
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		// No client address (a request built in-process); the limits then key on "unknown".
	}
	return { ip, userAgent: event.request.headers.get('user-agent'), origin: event.url.origin };
}
