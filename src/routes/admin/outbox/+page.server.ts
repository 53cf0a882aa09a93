import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { readConfig } from '$lib/server/config';
import { listOutbox } from '$lib/server/mail/outbox';
import { page as pageSchema } from '$lib/schemas/common';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'outbox.view');
	const page = pageSchema.parse(url.searchParams.get('page') ?? 1);
	const { emails, total } = await listOutbox({ limit: pageSize, offset: (page - 1) * pageSize });
	return { emails, total, page, pageSize, delivering: !!readConfig().smtpUrl };
};
