import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { can, requireActor } from '$lib/server/authz';

/** The admin area opens on the first section this person may use. */
export const GET: RequestHandler = ({ locals, url }) => {
	const actor = requireActor(locals, url);
	if (can(actor, 'people.manage')) redirect(303, '/admin/people');
	if (can(actor, 'settings.manage')) redirect(303, '/admin/settings');
	error(403);
};
