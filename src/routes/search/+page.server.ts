import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { isFollowing, listSpaces, searchPosts, toggleFollow } from '$lib/server/knowledge';
import { searchPeople } from '$lib/server/people';
import { followTagSchema, searchQuerySchema } from '$lib/schemas/knowledge';

const pageSize = 20;

/** Search over what this viewer may read (public spaces when signed out); people only for those who may browse them. */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const query = searchQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { actor } = locals;
	const searched = !!(query.q || query.space || query.kind || query.tag || query.author || query.answered);
	const [result, spaces, people, followingTag] = await Promise.all([
		searched ? searchPosts(actor, { ...query, pageSize }) : null,
		// Archived spaces are still searched.
		listSpaces(actor, { archived: true }),
		actor && query.q && can(actor, 'people.browse') && query.page === 1 ? searchPeople(actor, { q: query.q, page: 1, pageSize: 5 }) : null,
		query.tag ? isFollowing(actor, { tag: query.tag }) : false
	]);
	// The search's own time, for the benchmark's server-side figure (and browsers' developer tools).
	if (result) setHeaders({ 'server-timing': `search;dur=${result.durationMs.toFixed(1)}` });
	return {
		query,
		result: result && { hits: result.hits, total: result.total, capped: result.capped },
		people: people?.people ?? [],
		followingTag,
		spaces: spaces.map((space) => ({ value: space.slug, label: space.name })),
		page: query.page,
		pageSize
	};
};

export const actions: Actions = {
	/** Follow a tag (from its search page): anyone signed in; the feed only ever shows what they may read. */
	follow: async (event) => {
		const actor = requireActor(event.locals, event.url);
		const parsed = parseForm(followTagSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const now = await toggleFollow(actor, { tag: parsed.data.tag });
		setFlash(event.cookies, now ? m.knowledge_flash_followed({ name: `#${parsed.data.tag}` }) : m.knowledge_flash_unfollowed({ name: `#${parsed.data.tag}` }));
		redirect(303, `/search?tag=${encodeURIComponent(parsed.data.tag)}`);
	}
};
