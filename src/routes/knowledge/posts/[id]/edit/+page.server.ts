import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, refuseUnseen } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { editPost, getPost } from '$lib/server/knowledge';
import { postSchema } from '$lib/schemas/knowledge';

/** The post, if this person may see it (else sign in, or not found) and change it (else 403). */
async function editablePost({ locals, url, params }: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const post = await getPost(params.id);
	const { actor } = locals;
	if (!post || !actor || !can(actor, 'knowledge.post.view', post.resource)) refuseUnseen(locals, url);
	if (!can(actor, 'knowledge.post.edit', post.resource)) error(403);
	return { post, actor };
}

export const load: PageServerLoad = async (event) => {
	const { post } = await editablePost(event);
	return { post: { id: post.id, kind: post.kind, title: post.title, body: post.body, url: post.url, tags: post.tags, language: post.language } };
};

export const actions: Actions = {
	default: async (event) => {
		const { post, actor } = await editablePost(event);
		const parsed = parseForm(postSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		await editPost(actor, post, parsed.data, requestMeta(event));
		setFlash(event.cookies, m.knowledge_flash_edited());
		redirect(303, `/knowledge/posts/${post.id}`);
	}
};
