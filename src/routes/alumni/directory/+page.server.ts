import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { searchDirectory } from '$lib/server/alumni';
import { listUnits } from '$lib/server/org';
import { directoryQuerySchema } from '$lib/schemas/alumni';

const pageSize = 24;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'alumni.directory');
	const query = directoryQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [result, units] = await Promise.all([
		searchDirectory({ q: query.q, unitId: query.unitId ?? undefined, employer: query.employer, openTo: query.openTo, page: query.page, pageSize }),
		listUnits()
	]);
	return { ...result, actorId: actor.id, query, page: query.page, pageSize, units: units.map((unit) => ({ value: unit.id, label: unit.path })) };
};
