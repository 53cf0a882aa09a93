import type { PageServerLoad } from './$types';
import { requireActor } from '$lib/server/authz';
import { listBookmarks } from '$lib/server/knowledge';
import { feedQuerySchema } from '$lib/schemas/knowledge';

const pageSize = 20;

/** One's own bookmarks: anyone signed in, and each post still through the audience filter. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	const { page } = feedQuerySchema.parse(Object.fromEntries(url.searchParams));
	return { ...(await listBookmarks(actor, { page, pageSize })), page };
};
