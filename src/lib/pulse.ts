/** What a pulse asks about, shared by the server and the pages. `enps` is the "would you recommend us" question, kept apart from the HQ. */
export const pulseDimensions = ['happiness', 'workload', 'autonomy', 'growth', 'connection', 'recognition', 'belief'] as const;
export type PulseDimension = (typeof pulseDimensions)[number];
export const pulseQuestionKinds = [...pulseDimensions, 'enps'] as const;
export type PulseQuestionKind = (typeof pulseQuestionKinds)[number];
export const orgWide = 'org';

/** How often a pulse can recur, in days. */
export const recurrenceOptions = [7, 14, 28] as const;

/** N, the fewest answers a group needs before anything about it is shown, unless HR sets more. */
export const defaultMinGroupSize = 5;

/** A pulse's settings as HR sets them, on creating and on editing. */
export interface SurveySettings {
	name: string;
	questions: { kind: PulseQuestionKind; prompt: string }[];
	audienceUnitIds: string[];
	recurrenceDays: number;
	windowDays: number;
	minGroupSize: number;
	allowComment: boolean;
}

/** The scores of a 0–10 question, lowest first (pulse, exit survey, 0–10 ratings). */
export const zeroToTen: number[] = Array.from({ length: 11 }, (_, score) => score);
