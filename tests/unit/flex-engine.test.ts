import { describe, expect, it } from 'vitest';
import { checkRequest, effectiveBounds, unitRuleProblems, verdict, type BoundsVersion, type FlexRequest, type RequestContext } from '../../src/lib/server/flex/engine';
import { defaultOrgRules } from '../../src/lib/server/flex/defaults';
import { whereaboutsOn, type RuleKey, type RuleSetting } from '../../src/lib/flex';

const org = (overrides: Partial<BoundsVersion['rules']> = {}, version = 1): BoundsVersion => ({
	id: `org-v${version}`,
	unitId: null,
	scopeName: 'Organisation',
	version,
	rules: { ...defaultOrgRules, ...overrides },
	anchorDays: [2, 4],
	countries: ['NL', 'BE']
});
const unit = (id: string, rules: Partial<Record<RuleKey, RuleSetting>>, extra: Partial<BoundsVersion> = {}): BoundsVersion => ({
	id: `${id}-v1`,
	unitId: id,
	scopeName: id,
	version: 1,
	rules,
	anchorDays: null,
	countries: null,
	...extra
});
const context: RequestContext = { today: '2026-11-02', tenureMonths: 36, abroadDaysUsed: 0, learningHoursUsed: 0, team: { size: 10, remoteOnAnchorDay: 0 } };
const far = { startsOn: '2026-12-07', endsOn: null };

/** Every rule with a request inside its bound, at its edge, beyond it (approvable), and beyond a "never" bound. */
type Row = { rule: RuleKey; make: (n: number) => FlexRequest; ctx?: (n: number) => Partial<RequestContext>; inside: number; edge: number; beyond: number };
const rows: Row[] = [
	{ rule: 'remote_days', make: (n) => ({ ...far, type: 'remote', days: [1, 3, 5, 2, 4].slice(0, n) }), inside: 1, edge: 2, beyond: 3 },
	{ rule: 'earliest_start', make: (n) => ({ ...far, type: 'hours', start: n, end: 17 * 60 }), inside: 480, edge: 420, beyond: 400 },
	{ rule: 'latest_end', make: (n) => ({ ...far, type: 'hours', start: 9 * 60, end: n }), inside: 1080, edge: 1140, beyond: 1170 },
	{ rule: 'core_start', make: (n) => ({ ...far, type: 'hours', start: n, end: 17 * 60 }), inside: 540, edge: 600, beyond: 630 },
	{ rule: 'core_end', make: (n) => ({ ...far, type: 'hours', start: 9 * 60, end: n }), inside: 1020, edge: 900, beyond: 870 },
	{ rule: 'compressed_hours', make: (n) => ({ ...far, type: 'compressed', days: 4, hoursPerDay: n }), inside: 8, edge: 9, beyond: 10 },
	{ rule: 'reduced_percent', make: (n) => ({ ...far, type: 'reduced', percent: n }), inside: 90, edge: 80, beyond: 60 },
	// Days abroad count what was used this year already.
	{ rule: 'abroad_days', make: () => ({ ...far, type: 'abroad', country: 'NL', endsOn: '2026-12-11' }), ctx: (n) => ({ abroadDaysUsed: n - 5 }), inside: 10, edge: 20, beyond: 21 },
	{ rule: 'sabbatical_weeks', make: (n) => ({ ...far, type: 'sabbatical', endsOn: n === 2 ? '2026-12-20' : n === 4 ? '2027-01-03' : '2027-01-04' }), inside: 2, edge: 4, beyond: 5 },
	{ rule: 'sabbatical_tenure', make: () => ({ ...far, type: 'sabbatical', endsOn: '2026-12-13' }), ctx: (n) => ({ tenureMonths: n }), inside: 40, edge: 24, beyond: 23 },
	{ rule: 'learning_hours', make: (n) => ({ ...far, type: 'learning', hours: n }), inside: 4, edge: 8, beyond: 9 },
	{ rule: 'notice_days', make: (n) => ({ type: 'learning', hours: 1, startsOn: new Date(Date.parse('2026-11-02') + n * 86_400_000).toISOString().slice(0, 10), endsOn: null }), inside: 30, edge: 7, beyond: 6 },
	// 10 people, n already remote on the anchor day asked for: on site after this request = 9 - n of 10.
	{ rule: 'team_on_site', make: () => ({ ...far, type: 'remote', days: [2] }), ctx: (n) => ({ team: { size: 10, remoteOnAnchorDay: 9 - n / 10 } }), inside: 80, edge: 50, beyond: 40 }
];
// In this table sabbaticals of up to four weeks fall inside, and too short a tenure may be approved.
const bounds = (overrides: Partial<BoundsVersion['rules']> = {}) =>
	effectiveBounds(
		org({
			sabbatical_weeks: { enabled: true, value: 4, beyond: 'approvable', ceiling: 12 },
			sabbatical_tenure: { ...defaultOrgRules.sabbatical_tenure, beyond: 'approvable' },
			...overrides
		}),
		[]
	);

describe('the rule engine, rule by rule', () => {
	for (const row of rows) {
		const run = (n: number, overrides: Partial<BoundsVersion['rules']> = {}) => {
			const checks = checkRequest(row.make(n), bounds(overrides), { ...context, ...row.ctx?.(n) });
			const check = checks.find((candidate) => candidate.rule === row.rule);
			if (!check) throw new Error(`${row.rule} was not checked`);
			return check;
		};
		it(`${row.rule}: inside`, () => expect(run(row.inside).outcome).toBe('inside'));
		it(`${row.rule}: at the edge is inside`, () => expect(run(row.edge).outcome).toBe('inside'));
		it(`${row.rule}: beyond, a decider may approve`, () => {
			const check = run(row.beyond);
			expect(check.outcome).toBe('approvable');
			expect(check.allowed).toBe(row.edge);
		});
		it(`${row.rule}: beyond a "never" bound`, () => {
			const setting = { ...(row.rule === 'sabbatical_weeks' ? { enabled: true, value: 4, ceiling: 12 } : defaultOrgRules[row.rule]), beyond: 'never' as const };
			expect(run(row.beyond, { [row.rule]: setting }).outcome).toBe('never');
		});
		it(`${row.rule}: switched off, it limits nothing`, () => {
			const checks = checkRequest(row.make(row.beyond), bounds({ [row.rule]: { ...defaultOrgRules[row.rule], enabled: false } }), { ...context, ...row.ctx?.(row.beyond) });
			expect(checks.map((check) => check.rule)).not.toContain(row.rule);
		});
	}

	it('says what was asked and what is allowed, for the human reason', () => {
		const [, remote] = checkRequest({ ...far, type: 'remote', days: [1, 3, 5] }, bounds(), context);
		expect(remote).toMatchObject({ rule: 'remote_days', requested: 3, allowed: 2, outcome: 'approvable', source: { scopeName: 'Organisation', version: 1 } });
	});

	it('refuses a country outside the allowed list under the abroad rule', () => {
		const checks = checkRequest({ ...far, type: 'abroad', country: 'US', endsOn: '2026-12-08' }, bounds(), context);
		expect(checks.filter((check) => check.rule === 'abroad_days').map((check) => [check.outcome, check.country])).toEqual([
			['inside', undefined],
			['approvable', 'US']
		]);
	});

	it('leaves the team rule out for remote days that are not anchor days', () => {
		const checks = checkRequest({ ...far, type: 'remote', days: [1] }, bounds(), { ...context, team: { size: 10, remoteOnAnchorDay: 9 } });
		expect(checks.map((check) => check.rule)).toEqual(['notice_days', 'remote_days']);
	});

	it('approves by policy only when every rule is inside; any "never" declines', () => {
		const inside = { rule: 'remote_days', outcome: 'inside' } as const;
		const make = (outcomes: ('inside' | 'approvable' | 'never')[]) => outcomes.map((outcome) => ({ ...inside, outcome, requested: 0, allowed: 0, source: bounds().rules.remote_days.source }));
		expect(verdict(make(['inside', 'inside']))).toBe('approved');
		expect(verdict(make(['inside', 'approvable']))).toBe('pending');
		expect(verdict(make(['approvable', 'never']))).toBe('declined');
		expect(verdict([])).toBe('approved');
	});
});

describe('inheritance and ceilings', () => {
	const engineering = unit('engineering', { remote_days: { enabled: true, value: 3, beyond: 'approvable' } }, { anchorDays: [3] });
	const platform = unit('platform', { learning_hours: { enabled: true, value: 12, beyond: 'approvable' } });

	it('takes each rule from the nearest scope that sets it, and says where it comes from', () => {
		const effective = effectiveBounds(org(), [engineering, platform]);
		expect(effective.rules.remote_days).toMatchObject({ value: 3, source: { scopeName: 'engineering', capped: false } });
		expect(effective.rules.learning_hours).toMatchObject({ value: 12, source: { scopeName: 'platform' } });
		expect(effective.rules.notice_days).toMatchObject({ value: 7, source: { scopeName: 'Organisation' } });
		expect(effective.anchorDays).toMatchObject({ value: [3], source: { scopeName: 'engineering' } });
		expect(effective.countries).toMatchObject({ value: ['NL', 'BE'], source: { scopeName: 'Organisation' } });
		expect(effective.versionIds).toEqual(['org-v1', 'engineering-v1', 'platform-v1']);
	});

	it('a nearer unit overrides its parent', () => {
		const team = unit('team', { remote_days: { enabled: true, value: 1, beyond: 'approvable' } });
		expect(effectiveBounds(org(), [engineering, team]).rules.remote_days).toMatchObject({ value: 1, source: { scopeName: 'team' } });
	});

	it("caps a unit's value at HR's ceiling, in either direction, and says so", () => {
		const loose = unit('loose', { remote_days: { enabled: true, value: 5, beyond: 'approvable' }, notice_days: { enabled: true, value: 0, beyond: 'approvable' } });
		const effective = effectiveBounds(org(), [loose]);
		expect(effective.rules.remote_days).toMatchObject({ value: 3, source: { scopeName: 'loose', capped: true } });
		expect(effective.rules.notice_days).toMatchObject({ value: 3, source: { capped: true } });
	});

	it('keeps "never" and rules HR has on, whatever a unit stored', () => {
		const sly = unit('sly', { sabbatical_tenure: { enabled: false, value: 24, beyond: 'approvable' } });
		expect(effectiveBounds(org(), [sly]).rules.sabbatical_tenure).toMatchObject({ enabled: true, beyond: 'never' });
	});

	it('tells a manager which of their unit rules lie beyond what HR allows', () => {
		expect(
			unitRuleProblems(org(), {
				remote_days: { enabled: true, value: 3, beyond: 'approvable' },
				learning_hours: { enabled: true, value: 17, beyond: 'approvable' },
				notice_days: { enabled: false, value: 7, beyond: 'approvable' },
				sabbatical_tenure: { enabled: true, value: 30, beyond: 'approvable' }
			})
		).toEqual([
			{ rule: 'learning_hours', reason: 'beyond_ceiling' },
			{ rule: 'sabbatical_tenure', reason: 'never_stays_never' },
			{ rule: 'notice_days', reason: 'cannot_switch_off' }
		].sort((a, b) => Object.keys(defaultOrgRules).indexOf(a.rule) - Object.keys(defaultOrgRules).indexOf(b.rule)));
	});
});

describe('versioning', () => {
	it('checks against the versions given and records which they were', () => {
		const v1 = effectiveBounds(org({}, 1), []);
		const v2 = effectiveBounds(org({ remote_days: { enabled: true, value: 3, beyond: 'approvable', ceiling: 3 } }, 2), []);
		const request: FlexRequest = { ...far, type: 'remote', days: [1, 3, 5] };
		const [, before] = checkRequest(request, v1, context);
		const [, after] = checkRequest(request, v2, context);
		expect([before!.outcome, before!.source.version]).toEqual(['approvable', 1]);
		expect([after!.outcome, after!.source.version]).toEqual(['inside', 2]);
		expect(v2.versionIds).toEqual(['org-v2']);
	});
});

describe('where someone works on a day', () => {
	const remote = { type: 'remote' as const, startsOn: '2026-11-02', endsOn: null, remoteDays: [1, 5] };
	const abroad = { type: 'abroad' as const, startsOn: '2026-11-20', endsOn: '2026-11-24', remoteDays: [] };
	const sabbatical = { type: 'sabbatical' as const, startsOn: '2026-11-24', endsOn: '2026-12-31', remoteDays: [] };
	it.each([
		['2026-11-09', [remote], 'remote'], // a Monday
		['2026-11-10', [remote], 'on_site'], // a Tuesday
		['2026-10-30', [remote], 'on_site'], // a Friday before it starts
		['2026-11-20', [remote, abroad], 'abroad'], // abroad on a remote day
		['2026-11-24', [remote, abroad, sabbatical], 'off'],
		['2026-11-25', [abroad], 'on_site'] // after the trip
	] as const)('%s → %s', (date, arrangements, expected) => {
		expect(whereaboutsOn(date, [...arrangements])).toBe(expected);
	});
});
