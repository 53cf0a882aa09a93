import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { exitDays, insightsKeptMs, insightsMinimum, keptInsights, recomputeInsights, stalledDays } from '$lib/server/insights';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'insights.view');
	return { insights: await keptInsights(actor), minimum: insightsMinimum, exitDays, stalledDays, keptMinutes: insightsKeptMs / 60_000 };
};

export const actions: Actions = {
	/** HR wants today's figures now, not at the end of the kept ones' lifetime (after a reorganisation, say). */
	recompute: async ({ locals, url }) => {
		authorize(locals, url, 'insights.view');
		recomputeInsights();
		redirect(303, '/insights');
	}
};
