import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, refuseUnseen, requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { minutesUntil } from '$lib/server/auth/rate-limit';
import { requestMeta } from '$lib/server/request-meta';
import { consumePosting, createPost, isFollowing, listPinned, listPosts, listReportedPosts, toggleFollow } from '$lib/server/knowledge';
import { feedQuerySchema, postSchema } from '$lib/schemas/knowledge';
import { readableSpace, shownSpace } from './readable';

const pageSize = 20;

export const load: PageServerLoad = async (event) => {
	const space = await readableSpace(event);
	const { page } = feedQuerySchema.parse(Object.fromEntries(event.url.searchParams));
	const { actor } = event.locals;
	const canModerate = can(actor, 'knowledge.space.moderate', space);
	const [feed, pinned, reported, following] = await Promise.all([
		listPosts(actor, { spaceId: space.id, page, pageSize }),
		page === 1 ? listPinned(actor, space.id) : [],
		canModerate ? listReportedPosts(space.id) : [],
		isFollowing(actor, { spaceId: space.id })
	]);
	return {
		space: { ...shownSpace(space), moderators: space.moderators.map(({ id, name }) => ({ id, name })) },
		...feed,
		pinned,
		page,
		reported,
		following,
		canPost: can(actor, 'knowledge.space.post', space),
		canModerate
	};
};

export const actions: Actions = {
	follow: async (event) => {
		const space = await readableSpace(event);
		const actor = requireActor(event.locals, event.url);
		const now = await toggleFollow(actor, { spaceId: space.id });
		setFlash(event.cookies, now ? m.knowledge_flash_followed({ name: space.name }) : m.knowledge_flash_unfollowed({ name: space.name }));
		redirect(303, `/knowledge/${space.slug}`);
	},
	post: async (event) => {
		const space = await readableSpace(event);
		const { actor } = event.locals;
		// Whoever may read a space may write in it once signed in, unless it is archived.
		if (!actor) refuseUnseen(event.locals, event.url);
		if (!can(actor, 'knowledge.space.post', space)) error(403);
		const parsed = parseForm(postSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const verdict = await consumePosting(actor);
		if (!verdict.allowed) return refuse(parsed.values, {}, m.knowledge_rate_limited({ minutes: minutesUntil(verdict.retryAfterMs) }), 429);
		const id = await createPost(actor, space, parsed.data, requestMeta(event));
		setFlash(event.cookies, m.knowledge_flash_posted());
		redirect(303, `/knowledge/posts/${id}`);
	}
};
