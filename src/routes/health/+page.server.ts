import type { PageServerLoad } from './$types';
import { ping } from '$lib/server/db';

/** For load balancers, and the benchmark's floor: one database round trip, the smallest page. */
export const load: PageServerLoad = async () => ({ database: await ping() });
