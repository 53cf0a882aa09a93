import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { getOrganisation } from '$lib/server/organisation';
import { requestMeta } from '$lib/server/request-meta';
import { pulseResults, recordAction, today } from '$lib/server/pulse';
import { actionSchema, resultsQuerySchema } from '$lib/schemas/pulse';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'pulse.results');
	const query = resultsQuerySchema.parse(Object.fromEntries(url.searchParams));
	// A group outside the viewer's reach is not theirs to know about: 404, as for an unknown one.
	const [results, organisation] = await Promise.all([pulseResults(actor, { surveyId: query.survey, group: query.group }), getOrganisation()]);
	if (!results) error(404);
	// The page draws the selected group's trend and every group's latest round: sending each group's
	// whole series made the page twice the size, and serialising it cost more than working it out.
	const { series, ...rest } = results;
	const latestIndex = results.rounds.length - 1;
	const latest = Object.fromEntries(Object.entries(series).map(([group, points]) => [group, points[latestIndex] ?? null]));
	return { results: { ...rest, series: series[results.selected] ?? [], latest }, today: today(organisation.timeZone) };
};

export const actions: Actions = {
	act: async (event) => {
		const actor = authorize(event.locals, event.url, 'pulse.results');
		const parsed = parseForm(actionSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		// Which groups a person may act for is the authorisation module's rule, asked by the domain.
		const result = await recordAction(actor, parsed.data, requestMeta(event));
		if (!result.ok) error(404);
		setFlash(event.cookies, m.pulse_action_recorded());
		redirect(303, `/pulse/results?survey=${parsed.data.surveyId}&group=${encodeURIComponent(parsed.data.group)}`);
	}
};
