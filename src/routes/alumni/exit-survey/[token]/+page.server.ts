import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { answerExitSurvey, dateIn, exitSurveyOpen } from '$lib/server/alumni';
import { parseForm, refuse } from '$lib/server/forms';
import { getOrganisation } from '$lib/server/organisation';
import { anonymityThreshold } from '$lib/server/pulse';
import { exitSurveySchema } from '$lib/schemas/alumni';

// The emailed single-use link is the permission; nobody signs in, so nothing ties the answer to an account.
export const load: PageServerLoad = async ({ params }) => {
	const [open, organisation, threshold] = await Promise.all([exitSurveyOpen(params.token), getOrganisation(), anonymityThreshold()]);
	return { open, organisation: organisation.name, threshold };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(exitSurveySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { timeZone } = await getOrganisation();
		if (!(await answerExitSurvey(event.params.token, parsed.data, dateIn(timeZone, new Date())))) return refuse({}, {}, m.alumni_survey_dead(), 410);
		return { answered: true };
	}
};
