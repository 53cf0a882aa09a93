import type { PageServerLoad } from './$types';
import { listPosts, listSpaces } from '$lib/server/knowledge';
import { knowledgeHomeQuerySchema } from '$lib/schemas/knowledge';

const pageSize = 20;

/** The feed: recent activity in every space this viewer may read (only public ones when signed out). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { page, archived } = knowledgeHomeQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [feed, spaces] = await Promise.all([listPosts(locals.actor, { page, pageSize }), listSpaces(locals.actor, { archived: archived === 'yes' })]);
	return { ...feed, spaces, page, archived: archived === 'yes' };
};
