import { m } from '$lib/paraglide/messages';
import { orgWide, type PulseDimension } from '$lib/pulse';

export function dimensionLabel(dimension: PulseDimension): string {
	const labels: Record<PulseDimension, () => string> = {
		happiness: m.pulse_dimension_happiness,
		workload: m.pulse_dimension_workload,
		autonomy: m.pulse_dimension_autonomy,
		growth: m.pulse_dimension_growth,
		connection: m.pulse_dimension_connection,
		recognition: m.pulse_dimension_recognition,
		belief: m.pulse_dimension_belief
	};
	return labels[dimension]();
}

/** Distinguishable on light and dark backgrounds; the table carries the numbers. */
export const dimensionColours: Record<PulseDimension, string> = {
	happiness: '#d97706',
	workload: '#2563eb',
	autonomy: '#059669',
	growth: '#7c3aed',
	connection: '#db2777',
	recognition: '#0891b2',
	belief: '#dc2626'
};


/**
 * A group of the organisation tree as the reader sees it: the whole organisation by that name, so
 * it is not mistaken for a top unit that carries the organisation's own name.
 */
export const groupLabel = (group: { id: string; name: string }) => (group.id === orgWide ? m.pulse_org_wide() : group.name);
