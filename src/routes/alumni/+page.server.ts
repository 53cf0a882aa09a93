import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { ownAlumniProfile, updateSharing } from '$lib/server/alumni';
import { parseForm } from '$lib/server/forms';
import { requestMeta } from '$lib/server/request-meta';
import { sharingSchema } from '$lib/schemas/alumni';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'alumni.home');
	const profile = await ownAlumniProfile(actor.id);
	return {
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
