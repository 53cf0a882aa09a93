import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { boundsEditor, editableScopes, saveOrganisationBounds, saveUnitBounds } from '$lib/server/flex';
import { getUnit } from '$lib/server/org';
import { requestMeta } from '$lib/server/request-meta';
import { orgBoundsSchema, unitBoundsSchema } from '$lib/schemas/flex';

/**
 * Whose bounds: `?unit=` names a unit (its lead or HR), else the organisation (HR). A lead who
 * opens the page without a unit is taken to their first own unit; a save must name its scope.
 */
async function scopeOf({ locals, url }: Pick<RequestEvent, 'locals' | 'url'>, saving = false) {
	const actor = requireActor(locals, url);
	const unitId = url.searchParams.get('unit');
	if (unitId) {
		if (!can(actor, 'flex.use')) error(403);
		const unit = await getUnit(unitId);
		if (!unit) error(404);
		if (!can(actor, 'flex.bounds.unit', unit)) error(403);
		return { actor, unit };
	}
	if (can(actor, 'flex.bounds.organisation')) return { actor, unit: null };
	const [own] = saving ? [] : (await editableScopes(actor)).units;
	if (!own) error(403);
	redirect(303, `/flex/policies?unit=${own.id}`);
}

export const load: PageServerLoad = async (event) => {
	const { actor, unit } = await scopeOf(event);
	const [scopes, editor] = await Promise.all([editableScopes(actor), boundsEditor(unit)]);
	return { scopes, unit: unit && { id: unit.id, name: unit.name }, ...editor };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, unit } = await scopeOf(event, true);
		const formData = await event.request.formData();
		const meta = requestMeta(event);
		let result;
		let values;
		if (unit) {
			const parsed = parseForm(unitBoundsSchema, formData);
			if (!parsed.ok) return parsed.failure;
			values = parsed.values;
			result = await saveUnitBounds(actor, unit, parsed.data, meta);
		} else {
			const parsed = parseForm(orgBoundsSchema, formData);
			if (!parsed.ok) return parsed.failure;
			values = parsed.values;
			result = await saveOrganisationBounds(actor, parsed.data, meta);
		}
		if (!result.ok) return refuseFor(values, result.errors);
		setFlash(event.cookies, m.flex_flash_bounds_saved({ version: result.version }));
		redirect(303, event.url.pathname + event.url.search);
	}
};
