import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse } from '$lib/server/forms';
import { addMeasure, getService, recordValue } from '$lib/server/xla';
import { xlaMeasureSchema, xlaValueSchema } from '$lib/schemas/xla';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'xla.view');
	const service = await getService(params.id);
	if (!service) error(404);
	return { service, canManage: can(actor, 'xla.manage') };
};

export const actions: Actions = {
	measure: async (event) => {
		authorize(event.locals, event.url, 'xla.manage');
		const service = await getService(event.params.id);
		if (!service) error(404);
		const parsed = parseForm(xlaMeasureSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		await addMeasure(service.id, parsed.data);
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/xla/${service.id}`);
	},
	value: async (event) => {
		authorize(event.locals, event.url, 'xla.manage');
		const service = await getService(event.params.id);
		if (!service) error(404);
		const parsed = parseForm(xlaValueSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await recordValue(service.id, parsed.data))) return refuse(parsed.values, { measureId: m.validation_choice() });
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/xla/${service.id}`);
	}
};
