import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, refuseUnseen, type Action } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse, refuseFor } from '$lib/server/forms';
import { minutesUntil } from '$lib/server/auth/rate-limit';
import { requestMeta } from '$lib/server/request-meta';
import { acceptAnswer, addComment, consumePosting, getPost, setPinned, listComments, listOpenReports, listRevisions, reactionsOn, reportContent, setHidden, toggleBookmark, toggleReaction } from '$lib/server/knowledge';
import { acceptSchema, commentSchema, hideSchema, reactSchema, reportSchema, restoreSchema } from '$lib/schemas/knowledge';
import { reasonMessage } from '$lib/reasons';

/** The post if this viewer may see it; otherwise sign in, or "not found" whether it exists or not. */
async function visiblePost({ locals, url, params }: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const post = await getPost(params.id);
	if (!post || !can(locals.actor, 'knowledge.post.view', post.resource)) refuseUnseen(locals, url);
	return post;
}

export const load: PageServerLoad = async (event) => {
	const post = await visiblePost(event);
	const { actor } = event.locals;
	const canModerate = can(actor, 'knowledge.space.moderate', post.spaceAccess);
	const [comments, reports, revisions, reactions] = await Promise.all([
		listComments(actor, post),
		canModerate ? listOpenReports(post) : [],
		listRevisions(post.id),
		reactionsOn(actor, post.id)
	]);
	const { spaceAccess, resource, body, ...shown } = post;
	return {
		post: shown,
		comments,
		reports,
		revisions,
		...reactions,
		canEdit: can(actor, 'knowledge.post.edit', resource),
		canComment: can(actor, 'knowledge.space.post', spaceAccess),
		canReact: can(actor, 'knowledge.space.react', spaceAccess),
		archived: spaceAccess.archived,
		canAccept: post.kind === 'question' && can(actor, 'knowledge.post.accept', resource),
		canModerate
	};
};

/** Actions on a visible post that need one more permission than reading it. */
async function postFor(event: RequestEvent, action: Extract<Action, 'knowledge.post.accept' | 'knowledge.space.moderate' | 'knowledge.space.post' | 'knowledge.space.react'>) {
	const post = await visiblePost(event);
	const allowed = action === 'knowledge.post.accept' ? can(event.locals.actor, action, post.resource) : can(event.locals.actor, action, post.spaceAccess);
	if (!event.locals.actor) refuseUnseen(event.locals, event.url);
	if (!allowed) error(403);
	return { post, actor: event.locals.actor };
}

export const actions: Actions = {
	comment: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.post');
		const parsed = parseForm(commentSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const verdict = await consumePosting(actor);
		if (!verdict.allowed) return refuse(parsed.values, {}, m.knowledge_rate_limited({ minutes: minutesUntil(verdict.retryAfterMs) }), 429);
		const result = await addComment(actor, post, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, post.kind === 'question' && !parsed.data.parentId ? m.knowledge_flash_answered() : m.knowledge_flash_commented());
		redirect(303, `/knowledge/posts/${post.id}#comment-${result.id}`);
	},
	accept: async (event) => {
		const { post } = await postFor(event, 'knowledge.post.accept');
		const parsed = parseForm(acceptSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await acceptAnswer(post, parsed.data.commentId);
		if (!result.ok) return fail(result.reason === 'not_found' ? 404 : 400, { message: reasonMessage(result.reason) });
		setFlash(event.cookies, m.knowledge_flash_accepted());
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	hide: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.moderate');
		const parsed = parseForm(hideSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await setHidden(actor, post, parsed.data, requestMeta(event))).ok) error(404);
		setFlash(event.cookies, m.knowledge_flash_hidden());
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	restore: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.moderate');
		const parsed = parseForm(restoreSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await setHidden(actor, post, { commentId: parsed.data.commentId, reason: null }, requestMeta(event))).ok) error(404);
		setFlash(event.cookies, m.knowledge_flash_restored());
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	pin: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.moderate');
		const result = await setPinned(actor, post, true, requestMeta(event));
		if (!result.ok) return fail(409, { pinError: reasonMessage(result.reason) });
		setFlash(event.cookies, m.knowledge_flash_pinned());
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	unpin: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.moderate');
		await setPinned(actor, post, false, requestMeta(event));
		setFlash(event.cookies, m.knowledge_flash_unpinned());
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	react: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.react');
		const parsed = parseForm(reactSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		await toggleReaction(actor, post.id, parsed.data.kind);
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	bookmark: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.react');
		await toggleBookmark(actor, post.id);
		redirect(303, `/knowledge/posts/${post.id}`);
	},
	report: async (event) => {
		const { post, actor } = await postFor(event, 'knowledge.space.react');
		const parsed = parseForm(reportSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await reportContent(actor, post, parsed.data)).ok) error(404);
		setFlash(event.cookies, m.knowledge_flash_reported());
		redirect(303, `/knowledge/posts/${post.id}`);
	}
};
