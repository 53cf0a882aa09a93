import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { listPlans } from '$lib/server/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const { own, shared } = await listPlans(actor);
	return { plans: own, shared };
};
