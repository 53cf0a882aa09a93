import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { assessmentsSharedWith, listPlans } from '$lib/server/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const [{ own, shared }, assessments] = await Promise.all([listPlans(actor), assessmentsSharedWith(actor)]);
	return { plans: own, shared, assessments };
};
