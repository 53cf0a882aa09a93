import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { flexInsights, insightsDays, insightsMinimum, watermelon } from '$lib/server/flex/insights';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'flex.insights');
	return { insights: await flexInsights(), minimum: insightsMinimum, days: insightsDays, watermelon };
};
