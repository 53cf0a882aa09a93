import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { pulseResults } from '$lib/server/pulse';
import { resultsQuerySchema } from '$lib/schemas/pulse';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'pulse.results');
	const query = resultsQuerySchema.parse(Object.fromEntries(url.searchParams));
	// A group outside the viewer's reach is not theirs to know about: 404, as for an unknown one.
	const results = await pulseResults(actor, { surveyId: query.survey, group: query.group });
	if (!results) error(404);
	return { results };
};
