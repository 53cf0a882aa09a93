import { describe, expect, it } from 'vitest';
import { gapAnalysis, readiness, type Expectation } from '../../src/lib/server/growth/gaps';

const expect_ = (skillId: string, expected: number, name = skillId): Expectation => ({ skillId, name, category: 'Test', expected });

describe('gap analysis', () => {
	const cases: { title: string; expectations: Expectation[]; current: [string, number][]; order: string[]; gaps: number[]; readiness: number }[] = [
		{ title: 'nothing expected', expectations: [], current: [['a', 3]], order: [], gaps: [], readiness: 100 },
		{ title: 'unassessed skills count as 0', expectations: [expect_('a', 3)], current: [], order: ['a'], gaps: [3], readiness: 0 },
		{ title: 'above the level is no gap, never negative', expectations: [expect_('a', 2)], current: [['a', 5]], order: ['a'], gaps: [0], readiness: 100 },
		{
			title: 'largest gap first',
			expectations: [expect_('a', 3), expect_('b', 4), expect_('c', 2)],
			current: [['a', 2], ['b', 1], ['c', 2]],
			order: ['b', 'a', 'c'],
			gaps: [3, 1, 0],
			// met 2 + 1 + 2 = 5 of 9
			readiness: 56
		},
		{
			title: 'equal gaps: higher expectation first, then by name',
			expectations: [expect_('x', 2, 'Zeta'), expect_('y', 4, 'Alpha'), expect_('z', 2, 'Beta')],
			current: [['x', 1], ['y', 3], ['z', 1]],
			order: ['y', 'z', 'x'],
			gaps: [1, 1, 1],
			readiness: 63
		},
		{ title: 'skills not expected are ignored', expectations: [expect_('a', 1)], current: [['a', 1], ['b', 5]], order: ['a'], gaps: [0], readiness: 100 }
	];

	for (const testCase of cases) {
		it(testCase.title, () => {
			const gaps = gapAnalysis(testCase.expectations, new Map(testCase.current));
			expect(gaps.map((gap) => gap.skillId)).toEqual(testCase.order);
			expect(gaps.map((gap) => gap.gap)).toEqual(testCase.gaps);
			expect(readiness(gaps)).toBe(testCase.readiness);
		});
	}

	it('reports the current level beside the expectation', () => {
		const [gap] = gapAnalysis([expect_('a', 4)], new Map([['a', 1]]));
		expect(gap).toMatchObject({ skillId: 'a', expected: 4, current: 1, gap: 3 });
	});
});
