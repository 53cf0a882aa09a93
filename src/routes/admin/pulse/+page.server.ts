import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { listUnits } from '$lib/server/org';
import { getOrganisation } from '$lib/server/organisation';
import { createSurvey, listSurveys, today } from '$lib/server/pulse';
import { queues, requestSoon } from '$lib/server/jobs/queue';
import { surveyQuestions, surveySchema } from '$lib/schemas/pulse';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'pulse.manage');
	const [surveys, units, organisation] = await Promise.all([listSurveys(), listUnits(), getOrganisation()]);
	return { surveys, units: units.map((unit) => ({ id: unit.id, path: unit.path })), today: today(organisation.timeZone) };
};

export const actions: Actions = {
	create: async (event) => {
		authorize(event.locals, event.url, 'pulse.manage');
		const parsed = parseForm(surveySchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const { data } = parsed;
		const result = await createSurvey({ ...data, questions: surveyQuestions(data, m.pulse_enps_question()) });
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		// Opens the first round now when it is due today, rather than at the next hourly run.
		await requestSoon(queues.pulseCycle);
		setFlash(event.cookies, m.pulse_created({ name: data.name }));
		redirect(303, '/admin/pulse');
	}
};
