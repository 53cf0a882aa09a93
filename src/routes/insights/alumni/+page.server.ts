import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { activeDays, alumniInsights, attendanceDays } from '$lib/server/vacancies/insights';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'alumni.insights');
	return { insights: await alumniInsights(), activeDays, attendanceDays };
};
