import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, type Actor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import {
	answerRequest,
	endMentorship,
	getOffer,
	listMentorships,
	offerableSkills,
	refuseGrowth,
	requestMentoring,
	saveOffer,
	suggestMentors,
	type GrowthResult
} from '$lib/server/growth';
import { mentorshipIdSchema, offerSchema, requestSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'growth.use');
	const [suggestions, offer, offerable, mentorships] = await Promise.all([suggestMentors(actor), getOffer(actor.id), offerableSkills(actor.id), listMentorships(actor)]);
	return { suggestions, offer, offerable, mentorships };
};

/** Every mentoring action: parse, let the domain decide, back to this page with a flash. */
function mentoringAction<S extends z.ZodType>(schema: S, change: (actor: Actor, input: z.output<S>, event: RequestEvent) => Promise<GrowthResult>, flash: () => string) {
	return async (event: RequestEvent) => {
		const actor = authorize(event.locals, event.url, 'growth.use');
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await change(actor, parsed.data, event);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(event.cookies, flash());
		redirect(303, '/growth/mentors');
	};
}

export const actions: Actions = {
	offer: mentoringAction(offerSchema, saveOffer, m.growth_flash_offer_saved),
	request: mentoringAction(requestSchema, (actor, input, event) => requestMentoring(actor, input, event.url.origin), m.growth_flash_requested),
	accept: mentoringAction(mentorshipIdSchema, (actor, input) => answerRequest(actor, input.mentorshipId, true), m.growth_flash_accepted),
	decline: mentoringAction(mentorshipIdSchema, (actor, input) => answerRequest(actor, input.mentorshipId, false), m.growth_flash_declined),
	end: mentoringAction(mentorshipIdSchema, (actor, input) => endMentorship(actor, input.mentorshipId), m.growth_flash_ended)
};
