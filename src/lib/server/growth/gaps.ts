/** What a track level expects of one skill. */
export interface Expectation {
	skillId: string;
	name: string;
	category: string;
	expected: number;
}

/** What gap analysis needs of an expectation: a level's, or what an opportunity asks. */
export type Asked = Pick<Expectation, 'skillId' | 'name' | 'expected'>;

export interface Gap extends Expectation {
	/** The person's own assessment; 0 when they have not assessed the skill. */
	current: number;
	/** How far below the expectation, never negative: being above a level is no gap. */
	gap: number;
}

/**
 * Per expected skill, where the person stands against it, largest gap first; equal gaps put the
 * higher expectation first (it matters more for the level), then the name.
 */
export function gapAnalysis<E extends Asked>(expectations: readonly E[], current: ReadonlyMap<string, number>): (E & Pick<Gap, 'current' | 'gap'>)[] {
	return expectations
		.map((expectation) => {
			const level = current.get(expectation.skillId) ?? 0;
			return { ...expectation, current: level, gap: Math.max(0, expectation.expected - level) };
		})
		.sort((a, b) => b.gap - a.gap || b.expected - a.expected || a.name.localeCompare(b.name));
}

/** How much of a level's expectations is met, 0–100: the sum of what is there over what is asked. */
export function readiness(gaps: readonly Pick<Gap, 'expected' | 'current'>[]): number {
	const asked = gaps.reduce((sum, gap) => sum + gap.expected, 0);
	if (asked === 0) return 100;
	const met = gaps.reduce((sum, gap) => sum + Math.min(gap.current, gap.expected), 0);
	return Math.round((met / asked) * 100);
}
