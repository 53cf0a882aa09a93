import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'pulse.answer');
	return {};
};
