import { m } from '$lib/paraglide/messages';
import type { XlaSource } from '$lib/xla';

export function sourceLabel(source: XlaSource): string {
	const labels: Record<XlaSource, () => string> = {
		entered: m.xla_source_entered,
		flex_decision_hours: m.xla_source_flex_decision_hours,
		flex_on_time: m.xla_source_flex_on_time,
		pulse_dimension: m.xla_source_pulse_dimension,
		rating: m.xla_source_rating
	};
	return labels[source]();
}
