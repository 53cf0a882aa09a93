import type { RequestEvent } from '@sveltejs/kit';
import { can, refuseUnseen } from '$lib/server/authz';
import { getSpace, type SpaceDetail } from '$lib/server/knowledge';

/** The space if this viewer may read it; otherwise sign in, or "not found" whether it exists or not. */
export async function readableSpace({ locals, url, params }: Pick<RequestEvent<{ space: string }>, 'locals' | 'url' | 'params'>) {
	const space = await getSpace(params.space);
	if (!space || !can(locals.actor, 'knowledge.space.read', space)) refuseUnseen(locals, url);
	return space;
}

/** What a space's pages show of it (who moderates it, each page in its own way). */
export function shownSpace(space: SpaceDetail) {
	const { slug, name, description, audience, includeAlumni, archived, partners } = space;
	return { slug, name, description, audience, includeAlumni, archived, partners };
}
