import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import { addMentorshipNote, getMentorship, refuseGrowth } from '$lib/server/growth';
import { noteSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'growth.use');
	const mentorship = await getMentorship(actor, params.id);
	if (!mentorship) error(404);
	return { mentorship, isMentor: mentorship.mentorId === actor.id };
};

export const actions: Actions = {
	note: async ({ locals, url, request, cookies, params }) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(noteSchema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await addMentorshipNote(actor, params.id, parsed.data.body);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, m.growth_flash_note_added());
		redirect(303, `/growth/mentors/${params.id}`);
	}
};
