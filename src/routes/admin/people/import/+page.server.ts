import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { importColumns, importLimits, previewImport, runImport } from '$lib/server/people/import';
import { presentPreview } from '$lib/server/csv';
import { requestMeta } from '$lib/server/request-meta';
import { reasonMessage } from '$lib/reasons';
import { importSchema } from '$lib/schemas/people';

export const load: PageServerLoad = ({ locals, url }) => {
	authorize(locals, url, 'people.manage');
	return { columns: importColumns, maxRows: importLimits.maxRows };
};

export const actions: Actions = {
	preview: async ({ request, locals, url }) => {
		authorize(locals, url, 'people.manage');
		const form = await request.formData();
		const file = form.get('file');
		const options = importSchema.parse({ sendInvitations: form.get('sendInvitations') ?? undefined });
		if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: m.import_choose_file() } });
		if (file.size > importLimits.maxBytes) return fail(400, { errors: { file: reasonMessage('file_too_large') } });
		const csv = await file.text();
		const { preview } = await previewImport(csv);
		const shown = presentPreview(preview);
		if (!preview.valid) return fail(400, { preview: shown, fileName: file.name });
		// Valid: the page asks for confirmation and sends the same file content back with it.
		return { preview: shown, fileName: file.name, csv, sendInvitations: options.sendInvitations };
	},
	import: async (event) => {
		const actor = authorize(event.locals, event.url, 'people.manage');
		const form = await event.request.formData();
		const csv = form.get('csv');
		const fileName = String(form.get('fileName') ?? 'people.csv').slice(0, 200);
		const options = importSchema.parse({ sendInvitations: form.get('sendInvitations') ?? undefined });
		if (typeof csv !== 'string' || !csv) return fail(400, { errors: { file: m.import_choose_file() } });
		const result = await runImport(actor, csv, { fileName, sendInvitations: options.sendInvitations }, requestMeta(event));
		if (!result.ok) return fail(400, { preview: presentPreview(result.preview), fileName });
		setFlash(event.cookies, m.flash_imported({ count: result.count }));
		redirect(303, '/admin/people?status=invited');
	}
};
