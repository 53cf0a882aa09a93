import type { PageServerLoad } from './$types';
import { authorize, can } from '$lib/server/authz';
import { listOpportunities, recommendedFor } from '$lib/server/opportunities';
import { page } from '$lib/schemas/common';
import { listQuerySchema } from '$lib/schemas/opportunities';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'opportunities.browse');
	const { kind } = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const current = page.parse(url.searchParams.get('page') ?? 1);
	const [recommended, list] = await Promise.all([recommendedFor(actor), listOpportunities(actor, { kind, page: current })]);
	return { recommended, ...list, kind: kind ?? null, page: current, canPost: can(actor, 'opportunities.post') };
};
