import { zeroToTen } from './pulse';
/**
 * Where an XLA measure's values come from, shared by the server and the pages. `entered` values are
 * typed in or imported from CSV; the others Kring computes itself, per month.
 */
export const xlaSources = ['entered', 'flex_decision_hours', 'flex_on_time', 'pulse_dimension', 'rating'] as const;
export type XlaSource = (typeof xlaSources)[number];
/** The sources that only make sense on one side: flex figures are KPIs, pulse and ratings experience. */
export const sourceKind = { flex_decision_hours: 'kpi', flex_on_time: 'kpi', pulse_dimension: 'experience', rating: 'experience' } as const;
/** A "how was it?" rating: 1–5 stars or 0–10. */
export const ratingScales = [5, 10] as const;
export type RatingScale = (typeof ratingScales)[number];
export const ratingOptions = (scale: RatingScale): number[] => (scale === 5 ? [1, 2, 3, 4, 5] : zeroToTen);
