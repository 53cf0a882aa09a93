import { error } from '@sveltejs/kit';
import { refuseFor } from '../forms';
import type { Reason } from '$lib/reasons';

/**
 * What a growth action answers. `status` 404 and 403 are not about a field: the plan (or level)
 * is not there for this person, or is theirs to read but not to change.
 */
export type GrowthResult = { ok: true; id: string } | { ok: false; reason: Reason; field?: string; status?: 403 | 404 | 409 };

/** A refused growth action as the route answers it: 403/404 as an error page, else next to its field. */
export function refuseGrowth(values: Record<string, string | string[]>, result: Extract<GrowthResult, { ok: false }>) {
	if (result.status === 403 || result.status === 404) error(result.status);
	return refuseFor(values, { [result.field ?? 'form']: result.reason }, result.status ?? 400);
}
