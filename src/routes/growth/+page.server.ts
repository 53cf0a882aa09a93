import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { assessmentsSharedWith, listPlans } from '$lib/server/growth';
import { page } from '$lib/schemas/common';

/** Plans shared with me, per page: a manager of a large team may read hundreds. */
const sharedPageSize = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const sharedPage = page.parse(url.searchParams.get('page') ?? undefined);
	const [{ own, shared, sharedTotal }, assessments] = await Promise.all([listPlans(actor, { page: sharedPage, pageSize: sharedPageSize }), assessmentsSharedWith(actor)]);
	return { plans: own, shared, sharedTotal, sharedPage, sharedPageSize, assessments };
};
