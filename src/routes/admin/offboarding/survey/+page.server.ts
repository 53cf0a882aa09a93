import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { dateIn, exitSurveyParticipation, exitSurveyResults } from '$lib/server/alumni';
import { getOrganisation } from '$lib/server/organisation';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'offboarding.manage');
	const { timeZone } = await getOrganisation();
	const [results, participation] = await Promise.all([exitSurveyResults(dateIn(timeZone, new Date())), exitSurveyParticipation()]);
	return { ...results, participation };
};
