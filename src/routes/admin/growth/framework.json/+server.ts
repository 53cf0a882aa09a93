import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/authz';
import { exportFramework } from '$lib/server/growth';

/** The framework as a file to share with another organisation. */
export const GET: RequestHandler = async ({ locals, url }) => {
	authorize(locals, url, 'growth.framework.manage');
	return json(await exportFramework(), { headers: { 'content-disposition': 'attachment; filename="kring-framework.json"' } });
};
