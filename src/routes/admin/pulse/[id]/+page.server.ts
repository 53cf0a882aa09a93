import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { listUnits } from '$lib/server/org';
import { getSurvey, setSurveyPaused, updateSurvey } from '$lib/server/pulse';
import { requestMeta } from '$lib/server/request-meta';
import { queues, requestSoon } from '$lib/server/jobs/queue';
import { surveyQuestions, surveyUpdateSchema } from '$lib/schemas/pulse';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'pulse.manage');
	const [survey, units] = await Promise.all([getSurvey(params.id), listUnits()]);
	if (!survey) error(404);
	return { survey, units: units.map((unit) => ({ id: unit.id, path: unit.path })) };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = authorize(event.locals, event.url, 'pulse.manage');
		const parsed = parseForm(surveyUpdateSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updateSurvey(actor, event.params.id, { ...parsed.data, questions: surveyQuestions(parsed.data, m.pulse_enps_question()) }, requestMeta(event));
		if (!result.ok) {
			if (!('field' in result)) error(404);
			return refuseFor(parsed.values, { [result.field]: result.reason });
		}
		setFlash(event.cookies, m.pulse_updated({ name: parsed.data.name }));
		redirect(303, `/admin/pulse/${event.params.id}`);
	},
	pause: async (event) => pauseOrResume(event, true),
	resume: async (event) => pauseOrResume(event, false)
};

async function pauseOrResume(event: RequestEvent<{ id: string }>, paused: boolean) {
	const actor = authorize(event.locals, event.url, 'pulse.manage');
	const id = event.params.id;
	if (!(await getSurvey(id))) error(404);
	// Pausing twice (or resuming a running pulse) changes nothing and says so as it would the first time.
	await setSurveyPaused(actor, id, paused, requestMeta(event));
	// A resumed pulse whose round is due opens it now rather than at the next hourly run.
	if (!paused) await requestSoon(queues.pulseCycle);
	setFlash(event.cookies, paused ? m.pulse_paused_flash() : m.pulse_resumed_flash());
	redirect(303, `/admin/pulse/${id}`);
}
