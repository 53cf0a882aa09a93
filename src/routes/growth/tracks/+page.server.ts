import type { PageServerLoad } from './$types';
import { authorize } from '$lib/server/authz';
import { compareLevels, expectationsOf, levelOptions, listTracks } from '$lib/server/growth';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(locals, url, 'growth.use');
	const tracks = await listTracks();
	const a = url.searchParams.get('a') ?? '';
	const b = url.searchParams.get('b') ?? '';
	const [expectations, comparison] = await Promise.all([
		expectationsOf(tracks.flatMap((track) => track.levels.map((level) => level.id))),
		a && b ? compareLevels(a, b) : null
	]);
	return {
		tracks: tracks.map((track) => ({ ...track, levels: track.levels.map((level) => ({ ...level, skills: expectations.filter((row) => row.levelId === level.id) })) })),
		levels: levelOptions(tracks),
		compare: { a, b },
		comparison
	};
};
