import type { PageServerLoad } from './$types';
import { can } from '$lib/server/authz';
import { listSpaces, searchPosts } from '$lib/server/knowledge';
import { searchPeople } from '$lib/server/people';
import { searchQuerySchema } from '$lib/schemas/knowledge';

const pageSize = 20;

/** Search over what this viewer may read (public spaces when signed out); people only for those who may browse them. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const query = searchQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { actor } = locals;
	const searched = !!(query.q || query.space || query.kind || query.tag || query.author || query.answered);
	const [result, spaces, people] = await Promise.all([
		searched ? searchPosts(actor, { ...query, pageSize }) : null,
		listSpaces(actor),
		actor && query.q && can(actor, 'people.browse') && query.page === 1 ? searchPeople(actor, { q: query.q, page: 1, pageSize: 5 }) : null
	]);
	return {
		query,
		result,
		people: people?.people ?? [],
		spaces: spaces.map((space) => ({ value: space.slug, label: space.name })),
		page: query.page,
		pageSize
	};
};
