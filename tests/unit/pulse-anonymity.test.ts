import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupTree, orgWide, shownGroups, subtreeCounts, type TreeUnit } from '../../src/lib/server/pulse/anonymity';

/** A random organisation: each unit hangs under an earlier one or at the top. */
const orgTree = fc.integer({ min: 1, max: 14 }).chain((size) =>
	fc.tuple(...Array.from({ length: size }, (_, index) => fc.integer({ min: -1, max: index - 1 }))).map((parents) =>
		parents.map((parent, index): TreeUnit => ({ id: `u${index}`, parentId: parent < 0 ? null : `u${parent}` }))
	)
);

type Viewer = { role: 'employee' } | { role: 'hr' } | { role: 'manager'; leads: number[] };
const viewer: fc.Arbitrary<Viewer> = fc.oneof(
	fc.constant({ role: 'employee' as const }),
	fc.constant({ role: 'hr' as const }),
	fc.record({ role: fc.constant('manager' as const), leads: fc.array(fc.nat(13), { minLength: 1, maxLength: 3 }) })
);

const scenario = fc.record({
	units: orgTree,
	// Answers per unit, and from people in no unit; small numbers make small groups likely.
	answers: fc.array(fc.nat(12), { minLength: 15, maxLength: 15 }),
	unplaced: fc.nat(4),
	viewer,
	threshold: fc.integer({ min: 3, max: 8 })
});

/** What a viewer's role lets them ask for, as the authorisation rule says. */
function candidatesFor(units: TreeUnit[], who: Viewer): Set<string> {
	if (who.role === 'hr') return new Set([orgWide, ...units.map((unit) => unit.id)]);
	const candidates = new Set([orgWide]);
	if (who.role === 'manager') {
		const led = new Set(who.leads.filter((index) => index < units.length).map((index) => `u${index}`));
		for (const unit of units) {
			for (let at: string | null = unit.id; at; at = units.find((candidate) => candidate.id === at)!.parentId) {
				if (led.has(at)) candidates.add(unit.id);
			}
		}
	}
	return candidates;
}

/**
 * The finest thing anyone can compute from nested views: for each answer, the smallest shown group
 * holding it. Answers sharing that group form one block; every sum or difference of the views is a
 * sum of whole blocks. Worked out here independently of the module, by walking up from each unit.
 */
function blocks(units: TreeUnit[], direct: Map<string | null, number>, shown: Set<string>): Map<string, number> {
	const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
	const result = new Map<string, number>();
	const add = (group: string | undefined, count: number) => {
		if (group !== undefined) result.set(group, (result.get(group) ?? 0) + count);
	};
	for (const unit of units) {
		let at: string | null | undefined = unit.id;
		while (at && !shown.has(at)) at = parentOf.get(at);
		add(at ?? (shown.has(orgWide) ? orgWide : undefined), direct.get(unit.id) ?? 0);
	}
	add(shown.has(orgWide) ? orgWide : undefined, direct.get(null) ?? 0);
	return result;
}

describe('pulse anonymity (property)', () => {
	it('no reachable view lets anyone compute the answers of a group smaller than N', () => {
		fc.assert(
			fc.property(scenario, ({ units, answers, unplaced, viewer: who, threshold }) => {
				const tree = groupTree(units);
				const direct = new Map<string | null, number>(units.map((unit, index) => [unit.id, answers[index]!]));
				direct.set(null, unplaced);
				const candidates = candidatesFor(units, who);
				const totals = subtreeCounts(tree, direct);
				// Scores at N, comments at 2N among the groups whose scores show: both must hold.
				const scores = shownGroups(tree, direct, candidates, threshold);
				const comments = shownGroups(tree, direct, scores, threshold * 2);
				for (const [shown, minimum, allowed] of [
					[scores, threshold, candidates],
					[comments, threshold * 2, scores]
				] as const) {
					for (const group of shown) {
						expect(allowed.has(group)).toBe(true);
						expect(totals.get(group)).toBeGreaterThanOrEqual(minimum);
					}
					for (const [group, count] of blocks(units, direct, shown)) {
						expect(count === 0 || count >= minimum, `block ${group} holds ${count}`).toBe(true);
					}
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('shows every allowed group when no group is small', () => {
		fc.assert(
			fc.property(orgTree, fc.integer({ min: 3, max: 8 }), (units, threshold) => {
				const tree = groupTree(units);
				const direct = new Map<string | null, number>(units.map((unit) => [unit.id, threshold]));
				const all = new Set([orgWide, ...units.map((unit) => unit.id)]);
				expect(shownGroups(tree, direct, all, threshold)).toEqual(all);
			})
		);
	});
});
