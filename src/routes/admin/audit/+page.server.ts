import type { PageServerLoad } from './$types';
import { auditActions, listAuditEvents, type AuditAction } from '$lib/server/audit';
import { authorize } from '$lib/server/authz';
import { auditFilterSchema } from '$lib/schemas/admin';

const pageSize = 50;
const day = 24 * 60 * 60_000;

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'audit.view');
	const filter = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
	const action = (auditActions as readonly string[]).includes(filter.action ?? '') ? (filter.action as AuditAction) : undefined;
	const result = await listAuditEvents({
		action,
		actorId: filter.actor,
		targetId: filter.target,
		from: filter.from ? new Date(filter.from) : undefined,
		// "To" includes that whole day.
		to: filter.to ? new Date(new Date(filter.to).getTime() + day) : undefined,
		before: filter.before,
		limit: pageSize
	});
	return { ...result, filter: { ...filter, action }, actions: auditActions };
};
