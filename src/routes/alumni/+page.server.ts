import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { ownAlumniProfile, updateSharing } from '$lib/server/alumni';
import { listEvents } from '$lib/server/events';
import { listPosts } from '$lib/server/knowledge';
import { listVacancies } from '$lib/server/vacancies';
import { parseForm } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { sharingSchema } from '$lib/schemas/alumni';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'alumni.home');
	// The network's news beside one's own settings: what the alumnus may read of events, jobs and knowledge.
	const [profile, events, jobs, posts] = await Promise.all([
		ownAlumniProfile(actor.id),
		listEvents(actor, 'upcoming', new Date(), 3),
		listVacancies(actor, 1, 3),
		listPosts(actor, { page: 1, pageSize: 3 })
	]);
	return {
		news: {
			events: events.map(({ id, title, startsAt, endsAt, timeZone }) => ({ id, title, startsAt, endsAt, timeZone })),
			jobs: jobs.vacancies.map(({ id, title }) => ({ id, title })),
			jobCount: jobs.total,
			posts: posts.posts.map(({ id, title, space }) => ({ id, title, space: space.name }))
		},
		profile: {
			currentEmployer: profile.currentEmployer,
			currentRole: profile.currentRole,
			location: profile.location,
			openTo: profile.openTo,
			shared: profile.shared,
			consented: !!profile.consentedAt,
			checkIns: profile.checkIns,
			consentedAt: profile.consentedAt
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = authorize(event.locals, event.url, 'alumni.home');
		const parsed = parseForm(sharingSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		await updateSharing(actor, parsed.data, requestMeta(event));
		return { saved: true, notice: m.alumni_profile_saved() };
	}
};
