import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { searchDirectory } from '$lib/server/alumni';
import { listUnits } from '$lib/server/org';
import { listSkills } from '$lib/server/growth';
import { directoryQuerySchema } from '$lib/schemas/alumni';

const pageSize = 24;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'alumni.directory');
	const query = directoryQuerySchema.parse(Object.fromEntries(url.searchParams));
	const [result, units, skills] = await Promise.all([
		searchDirectory({ ...query, unitId: query.unitId ?? undefined, skillId: query.skill ?? undefined, pageSize }),
		listUnits(),
		listSkills()
	]);
	return { ...result, actorId: actor.id, query, page: query.page, pageSize, units: units.map((unit) => ({ value: unit.id, label: unit.path })), skills: skills.map((entry) => ({ value: entry.id, label: entry.name })) };
};
