import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { exitDays, insightsMinimum, retentionInsights, stalledDays } from '$lib/server/insights';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'insights.view');
	return { insights: await retentionInsights(actor), minimum: insightsMinimum, exitDays, stalledDays };
};
