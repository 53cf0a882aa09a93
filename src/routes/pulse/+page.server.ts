import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { formValues, parseForm, refuse } from '$lib/server/forms';
import { actionsFor, openRoundsFor, submitAnswer } from '$lib/server/pulse';
import { answerSchema } from '$lib/schemas/pulse';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'pulse.answer');
	const [rounds, actions] = await Promise.all([openRoundsFor(actor), actionsFor(actor)]);
	return { rounds, actions };
};

export const actions: Actions = {
	answer: async (event) => {
		const actor = authorize(event.locals, event.url, 'pulse.answer');
		const formData = await event.request.formData();
		const roundId = formValues(formData).roundId;
		const round = (await openRoundsFor(actor)).find((candidate) => candidate.roundId === roundId);
		if (!round) error(404);
		if (round.answered) return refuse(formValues(formData), {}, m.pulse_already_answered(), 409);
		const parsed = parseForm(answerSchema(round.questions.length), formData);
		if (!parsed.ok) return parsed.failure;
		const scores = round.questions.map((question) => parsed.data[`score_${question.position}`]!);
		const result = await submitAnswer(actor, round.roundId, scores, parsed.data.comment);
		if (!result.ok) {
			if (result.reason === 'already_answered') return refuse(parsed.values, {}, m.pulse_already_answered(), 409);
			error(404);
		}
		setFlash(event.cookies, m.pulse_thanks());
		redirect(303, '/pulse');
	}
};
