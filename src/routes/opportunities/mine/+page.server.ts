import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { listMine } from '$lib/server/opportunities';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'opportunities.browse');
	return await listMine(actor);
};
