import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { changeAudience, previewAudience, setArchived, updateSpace } from '$lib/server/knowledge';
import { listPartners } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { audienceSchema, spaceDetailsSchema } from '$lib/schemas/knowledge';
import { readableSpace, shownSpace } from '../readable';

/** The space, for someone who may look after it: its moderators and staff; changing its audience is for staff alone. */
async function managedSpace(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>, audience = false) {
	const space = await readableSpace(event);
	const actor = requireActor(event.locals, event.url);
	if (!can(actor, 'knowledge.space.moderate', space) || (audience && !can(actor, 'knowledge.space.audience'))) error(403);
	return { space, actor };
}

export const load: PageServerLoad = async (event) => {
	const { space, actor } = await managedSpace(event);
	const canChangeAudience = can(actor, 'knowledge.space.audience');
	const partners = canChangeAudience ? await listPartners() : [];
	return {
		space: { ...shownSpace(space), partnerOrgIds: space.partnerOrgIds, moderatorEmails: space.moderators.map((moderator) => moderator.email).join(', ') },
		partners: partners.map((partner) => ({ value: partner.id, label: partner.name })),
		canChangeAudience
	};
};

export const actions: Actions = {
	details: async (event) => {
		const { space, actor } = await managedSpace(event);
		const parsed = parseForm(spaceDetailsSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updateSpace(actor, space, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.knowledge_flash_space_updated());
		redirect(303, `/knowledge/${space.slug}/settings`);
	},
	/** Counts what the new audience would change and shows it with a button to confirm; writes nothing. */
	preview: async (event) => {
		const { space } = await managedSpace(event, true);
		const parsed = parseForm(audienceSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await previewAudience(space, parsed.data);
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		return { values: parsed.values, preview: result.preview };
	},
	audience: async (event) => {
		const { space, actor } = await managedSpace(event, true);
		const parsed = parseForm(audienceSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await changeAudience(actor, space, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.knowledge_flash_audience_changed({ gain: result.preview.gain, lose: result.preview.lose }));
		redirect(303, `/knowledge/${space.slug}/settings`);
	},
	archive: async (event) => {
		const { space, actor } = await managedSpace(event);
		await setArchived(actor, space, true, requestMeta(event));
		setFlash(event.cookies, m.knowledge_flash_archived({ name: space.name }));
		redirect(303, `/knowledge/${space.slug}`);
	},
	unarchive: async (event) => {
		const { space, actor } = await managedSpace(event);
		await setArchived(actor, space, false, requestMeta(event));
		setFlash(event.cookies, m.knowledge_flash_unarchived({ name: space.name }));
		redirect(303, `/knowledge/${space.slug}`);
	}
};
