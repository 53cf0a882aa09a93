import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { deleteUnit, getUnit, listUnitsWithMembers, updateUnit } from '$lib/server/org';
import { requestMeta } from '$lib/server/request-meta';
import { unitSchema } from '$lib/schemas/org';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	authorize(locals, url, 'org.manage');
	const unit = await getUnit(params.id);
	if (!unit) error(404);
	const units = await listUnitsWithMembers();
	const self = units.find((candidate) => candidate.id === unit.id)!;
	// A unit cannot move under itself or its own branch: those are left out of the choices.
	const parents = units
		.filter((candidate) => candidate.path !== self.path && !candidate.path.startsWith(`${self.path} / `))
		.map((candidate) => ({ value: candidate.id, label: candidate.path }));
	return { unit: { ...unit, path: self.path, memberCount: self.memberCount }, parents };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = authorize(event.locals, event.url, 'org.manage');
		const parsed = parseForm(unitSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updateUnit(actor.id, event.params.id, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason }, result.reason === 'not_found' && result.field === 'unit' ? 404 : 400);
		setFlash(event.cookies, m.flash_saved());
		redirect(303, '/admin/org');
	},
	delete: async (event) => {
		const actor = authorize(event.locals, event.url, 'org.manage');
		const result = await deleteUnit(actor.id, event.params.id, requestMeta(event));
		if (!result.ok) return refuseFor({}, { unit: result.reason }, result.reason === 'not_found' ? 404 : 400);
		setFlash(event.cookies, m.flash_unit_deleted());
		redirect(303, '/admin/org');
	}
};
