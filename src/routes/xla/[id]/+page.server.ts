import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuse, refuseFor } from '$lib/server/forms';
import { addMeasure, getService, rate, ratingsShownFrom, recordValue, unratedThisMonth } from '$lib/server/xla';
import { importValues, valueColumns, valueImportLimits } from '$lib/server/xla/import';
import { presentPreview } from '$lib/server/csv';
import { listSurveys } from '$lib/server/pulse';
import { requestMeta } from '$lib/server/request-meta';
import { reasonMessage } from '$lib/reasons';
import { xlaMeasureSchema, xlaRatingSchema, xlaValueSchema } from '$lib/schemas/xla';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'xla.view');
	const service = await getService(params.id);
	if (!service) error(404);
	const canManage = can(actor, 'xla.manage');
	const [unrated, surveys] = await Promise.all([
		can(actor, 'xla.rate') ? unratedThisMonth(actor, service) : ([] as string[]),
		canManage ? listSurveys() : ([] as Awaited<ReturnType<typeof listSurveys>>)
	]);
	return {
		service,
		canManage,
		unrated,
		ratingsShownFrom,
		surveys: surveys.map((survey) => ({ id: survey.id, name: survey.name })),
		valueColumns,
		maxRows: valueImportLimits.maxRows
	};
};

/** The service the action is on, or 404. */
async function serviceFor(id: string) {
	const service = await getService(id);
	if (!service) error(404);
	return service;
}

export const actions: Actions = {
	measure: async (event) => {
		authorize(event.locals, event.url, 'xla.manage');
		const service = await serviceFor(event.params.id);
		const parsed = parseForm(xlaMeasureSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await addMeasure(service.id, parsed.data);
		if (!result.ok) return refuseFor(parsed.values, { [result.field]: result.reason });
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/xla/${service.id}`);
	},
	value: async (event) => {
		authorize(event.locals, event.url, 'xla.manage');
		const service = await serviceFor(event.params.id);
		const parsed = parseForm(xlaValueSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		if (!(await recordValue(service.id, parsed.data))) return refuse(parsed.values, { measureId: m.validation_choice() });
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/xla/${service.id}`);
	},
	import: async (event) => {
		const actor = authorize(event.locals, event.url, 'xla.manage');
		const service = await serviceFor(event.params.id);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: m.import_choose_file() } });
		if (file.size > valueImportLimits.maxBytes) return fail(400, { errors: { file: reasonMessage('file_too_large') } });
		const result = await importValues(actor, service.id, await file.text(), file.name.slice(0, 200), requestMeta(event));
		if (!result.ok) return fail(400, { preview: presentPreview(result.preview), fileName: file.name });
		setFlash(event.cookies, m.xla_values_imported({ count: result.count }));
		redirect(303, `/xla/${service.id}`);
	},
	rate: async (event) => {
		const actor = authorize(event.locals, event.url, 'xla.rate');
		const service = await serviceFor(event.params.id);
		const parsed = parseForm(xlaRatingSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await rate(actor, service.id, parsed.data.measureId, parsed.data.score);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404);
			// A second rating this month is a conflict, as a second pulse answer is.
			if (result.reason === 'already_rated') return refuseFor(parsed.values, { score: 'xla_already_rated' }, 409);
			return refuseFor(parsed.values, { score: 'invalid_choice' });
		}
		setFlash(event.cookies, m.xla_rating_thanks());
		redirect(303, `/xla/${service.id}`);
	}
};
