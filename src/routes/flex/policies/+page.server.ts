import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { can, requireActor } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { boundsEditor, editableScopes, saveOrganisationBounds, saveUnitBounds } from '$lib/server/flex';
import { getUnit } from '$lib/server/org';
import { requestMeta } from '$lib/server/request-meta';
import { orgBoundsSchema, unitBoundsSchema, type OrgBoundsInput, type UnitBoundsInput } from '$lib/schemas/flex';
import { previewBounds } from '$lib/server/flex/preview';

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

/** The submitted draft of the scope's bounds, parsed with its scope's schema. */
async function draftOf(event: RequestEvent, unit: { id: string } | null) {
	const formData = await event.request.formData();
	return unit ? parseForm(unitBoundsSchema, formData) : parseForm(orgBoundsSchema, formData);
}

export const actions: Actions = {
	save: async (event) => {
		const { actor, unit } = await scopeOf(event, true);
		const parsed = await draftOf(event, unit);
		if (!parsed.ok) return parsed.failure;
		const meta = requestMeta(event);
		const result = unit ? await saveUnitBounds(actor, unit, parsed.data as UnitBoundsInput, meta) : await saveOrganisationBounds(actor, parsed.data as OrgBoundsInput, meta);
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.flex_flash_bounds_saved({ version: result.version }));
		redirect(303, event.url.pathname + event.url.search);
	},
	/** What the draft would mean for the arrangements in force, before anything is saved. */
	preview: async (event) => {
		const { actor, unit } = await scopeOf(event, true);
		const parsed = await draftOf(event, unit);
		if (!parsed.ok) return parsed.failure;
		const result = await previewBounds(actor, unit, parsed.data);
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		return { values: parsed.values, preview: result.preview };
	}
};
