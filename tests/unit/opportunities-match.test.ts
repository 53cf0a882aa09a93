import { describe, expect, it } from 'vitest';
import { growBonus, matchOf, recommend, type Candidate } from '../../src/lib/server/opportunities/match';
import type { Asked } from '../../src/lib/server/growth/gaps';

const ask = (skillId: string, expected: number, name = skillId): Asked => ({ skillId, name, expected });

describe('match score', () => {
	const cases: { title: string; asked: Asked[]; current: [string, number][]; score: number; outcomes: [string, string, number][] }[] = [
		{ title: 'every skill met exactly', asked: [ask('a', 3), ask('b', 2)], current: [['a', 3], ['b', 2]], score: 100, outcomes: [['a', 'meets', 0], ['b', 'meets', 0]] },
		{ title: 'above what is asked counts only what is asked', asked: [ask('a', 2)], current: [['a', 5]], score: 100, outcomes: [['a', 'meets', 0]] },
		{ title: 'not assessed is missing and scores nothing', asked: [ask('a', 3), ask('b', 1)], current: [['b', 1]], score: 25, outcomes: [['a', 'missing', 3], ['b', 'meets', 0]] },
		{ title: 'below by its gap, largest gap first', asked: [ask('a', 4), ask('b', 3)], current: [['a', 3], ['b', 1]], score: 57, outcomes: [['b', 'below', 2], ['a', 'below', 1]] },
		{ title: 'skills not asked play no part', asked: [ask('a', 2)], current: [['a', 1], ['z', 5]], score: 50, outcomes: [['a', 'below', 1]] },
		{ title: 'nothing assessed: 0', asked: [ask('a', 2), ask('b', 2)], current: [], score: 0, outcomes: [['a', 'missing', 2], ['b', 'missing', 2]] }
	];
	for (const testCase of cases) {
		it(testCase.title, () => {
			const match = matchOf(testCase.asked, new Map(testCase.current));
			expect(match.score).toBe(testCase.score);
			expect(match.skills.map((skill) => [skill.skillId, skill.outcome, skill.gap])).toEqual(testCase.outcomes);
		});
	}

	it('explains the level there beside the level asked', () => {
		const [skill] = matchOf([ask('k', 4, 'Kubernetes')], new Map([['k', 2]])).skills;
		expect(skill).toMatchObject({ name: 'Kubernetes', expected: 4, current: 2, gap: 2, outcome: 'below' });
	});
});

describe('recommendation ranking', () => {
	const opportunity = (id: string, asked: Asked[], title = id): Candidate => ({ id, title, asked });
	const cases: { title: string; candidates: Candidate[]; current: [string, number][]; wanted: string[]; limit?: number; order: string[]; ranks?: number[] }[] = [
		{
			title: 'best match first',
			candidates: [opportunity('low', [ask('a', 4)]), opportunity('high', [ask('a', 2)])],
			current: [['a', 2]],
			wanted: [],
			order: ['high', 'low'],
			ranks: [100, 50]
		},
		{
			title: 'a skill I want to grow raises an opportunity by the bonus',
			candidates: [opportunity('match', [ask('a', 2), ask('b', 2)]), opportunity('grow', [ask('a', 2), ask('c', 2)])],
			current: [['a', 2]],
			wanted: ['c'],
			order: ['grow', 'match'],
			ranks: [50 + growBonus, 50]
		},
		{
			title: 'nothing in common is no recommendation, but a wanted skill alone is one',
			candidates: [opportunity('none', [ask('x', 3)]), opportunity('wanted', [ask('y', 3)])],
			current: [['a', 5]],
			wanted: ['y'],
			order: ['wanted'],
			ranks: [growBonus]
		},
		{
			title: 'equal rank: higher match first, then by title',
			candidates: [opportunity('b', [ask('a', 2)], 'Beta'), opportunity('a', [ask('a', 2)], 'Alpha'), opportunity('g', [ask('a', 4), ask('w', 1)], 'Gamma')],
			current: [['a', 2]],
			wanted: ['w'],
			order: ['a', 'b', 'g']
		},
		{
			title: 'at most the limit',
			candidates: [opportunity('1', [ask('a', 1)]), opportunity('2', [ask('a', 2)]), opportunity('3', [ask('a', 3)])],
			current: [['a', 1]],
			wanted: [],
			limit: 2,
			order: ['1', '2']
		}
	];
	for (const testCase of cases) {
		it(testCase.title, () => {
			const ranked = recommend(testCase.candidates, new Map(testCase.current), new Set(testCase.wanted), testCase.limit ?? 10);
			expect(ranked.map((row) => row.opportunity.id)).toEqual(testCase.order);
			if (testCase.ranks) expect(ranked.map((row) => row.rank)).toEqual(testCase.ranks);
		});
	}

	it('names the wanted skills it grows, as the reason', () => {
		const [row] = recommend([opportunity('o', [ask('t', 2, 'Terraform'), ask('k', 2, 'Kubernetes')])], new Map([['k', 2]]), new Set(['t', 'k']), 5);
		expect(row!.grows).toEqual(['Kubernetes', 'Terraform']);
		expect(row!.match.score).toBe(50);
	});
});
