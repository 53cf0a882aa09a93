// The policy engine: pure functions, no database. The domain module feeds it the bounds along a
// person's unit ancestry and what they have used so far; the tests feed it tables.
import {
	ruleDefinitions,
	ruleKeys,
	type OrgRuleSetting,
	type Outcome,
	type Provenance,
	type RuleCheck,
	type RuleKey,
	type RuleSetting
} from '$lib/flex';

export type { OrgRuleSetting };

/** One version of one scope's bounds, as stored. A unit sets only the rules it changes. */
export interface BoundsVersion {
	id: string;
	unitId: string | null;
	scopeName: string;
	version: number;
	rules: Partial<Record<RuleKey, RuleSetting | OrgRuleSetting>>;
	/** Weekdays (1–5) the team rule applies to; null: inherited. */
	anchorDays: number[] | null;
	/** ISO country codes people may work from; null: inherited; empty: any. */
	countries: string[] | null;
}

export interface EffectiveRule extends RuleSetting {
	ceiling: number;
	source: Provenance;
}

export interface EffectiveBounds {
	rules: Record<RuleKey, EffectiveRule>;
	anchorDays: { value: number[]; source: Provenance };
	countries: { value: string[]; source: Provenance };
	/** Every version consulted, organisation first: a decision records these. */
	versionIds: string[];
}

const provenance = (bounds: BoundsVersion, capped = false): Provenance => ({
	boundsId: bounds.id,
	unitId: bounds.unitId,
	scopeName: bounds.scopeName,
	version: bounds.version,
	capped
});

/** Is `value` at least as strict as `limit` for this rule? */
export function isWithin(rule: RuleKey, value: number, limit: number): boolean {
	return ruleDefinitions[rule].direction === 'max' ? value <= limit : value >= limit;
}

/**
 * The bounds that apply to a person: the organisation's, then each unit from the top down to the
 * person's own, the nearest setting winning. A unit never gets past HR's ceiling, whatever it
 * stored (the ceiling may have been tightened since), can only make "beyond" stricter, and cannot
 * switch off a rule the organisation has on.
 */
export function effectiveBounds(organisation: BoundsVersion, units: BoundsVersion[]): EffectiveBounds {
	const rules = {} as Record<RuleKey, EffectiveRule>;
	for (const key of ruleKeys) {
		const org = organisation.rules[key] as OrgRuleSetting | undefined;
		if (!org) throw new Error(`The organisation's bounds lack the rule ${key}`);
		let effective: EffectiveRule = { enabled: org.enabled, value: org.value, beyond: org.beyond, ceiling: org.ceiling, source: provenance(organisation) };
		for (const unit of units) {
			const setting = unit.rules[key];
			if (!setting) continue;
			const capped = !isWithin(key, setting.value, org.ceiling);
			effective = {
				enabled: org.enabled || setting.enabled,
				value: capped ? org.ceiling : setting.value,
				beyond: org.beyond === 'never' ? 'never' : setting.beyond,
				ceiling: org.ceiling,
				source: provenance(unit, capped)
			};
		}
		rules[key] = effective;
	}
	const nearest = <K extends 'anchorDays' | 'countries'>(field: K) => {
		const scope = [...units].reverse().find((unit) => unit[field] !== null) ?? organisation;
		return { value: scope[field] ?? [], source: provenance(scope) };
	};
	return { rules, anchorDays: nearest('anchorDays'), countries: nearest('countries'), versionIds: [organisation.id, ...units.map((unit) => unit.id)] };
}

/** The latest bounds of each unit from the top of the tree down to `unitId`, for `effectiveBounds`. */
export function boundsChain(unitId: string | null, parentOf: ReadonlyMap<string, string | null>, latest: ReadonlyMap<string, BoundsVersion>): BoundsVersion[] {
	const chain: BoundsVersion[] = [];
	const seen = new Set<string>();
	for (let id = unitId; id && !seen.has(id); id = parentOf.get(id) ?? null) {
		seen.add(id);
		const bounds = latest.get(id);
		if (bounds) chain.unshift(bounds);
	}
	return chain;
}

export type UnitRuleProblem = { rule: RuleKey; reason: 'beyond_ceiling' | 'cannot_switch_off' | 'never_stays_never' };

/** What a manager may not set for their unit: past the ceiling, a rule HR keeps on switched off, "never" loosened. */
export function unitRuleProblems(organisation: BoundsVersion, rules: BoundsVersion['rules']): UnitRuleProblem[] {
	const problems: UnitRuleProblem[] = [];
	for (const key of ruleKeys) {
		const setting = rules[key];
		const org = organisation.rules[key] as OrgRuleSetting | undefined;
		if (!setting || !org) continue;
		if (org.enabled && !setting.enabled) problems.push({ rule: key, reason: 'cannot_switch_off' });
		else if (!isWithin(key, setting.value, org.ceiling)) problems.push({ rule: key, reason: 'beyond_ceiling' });
		else if (org.beyond === 'never' && setting.beyond !== 'never') problems.push({ rule: key, reason: 'never_stays_never' });
	}
	return problems;
}

/** A request as the engine sees it: dates as ISO strings, times as minutes after midnight. */
export type FlexRequest = { startsOn: string; endsOn: string | null } & (
	| { type: 'remote'; days: number[] }
	| { type: 'hours'; start: number; end: number }
	| { type: 'compressed'; days: number; hoursPerDay: number }
	| { type: 'reduced'; percent: number }
	| { type: 'abroad'; country: string; endsOn: string }
	| { type: 'sabbatical'; endsOn: string }
	| { type: 'learning'; hours: number }
);

/** What the domain knows about the person and their team at the moment of the request. */
export interface RequestContext {
	today: string;
	/** Whole months since the person started; null when unknown (then no tenure counts). */
	tenureMonths: number | null;
	/** Days abroad already approved or pending in the request's calendar year. */
	abroadDaysUsed: number;
	/** Learning hours already approved or pending in the request's month. */
	learningHoursUsed: number;
	/** For the team rule: active employees in the unit, and the most of them already remote on one of the anchor days asked for. */
	team: { size: number; remoteOnAnchorDay: number } | null;
}

const dayMs = 86_400_000;
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);
/** The calendar date `days` after (or before) `iso`. */
export const addDays = (iso: string, days: number): string => new Date((dayNumber(iso) + days) * dayMs).toISOString().slice(0, 10);
/** Both days included. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/**
 * Every rule that concerns the request, checked one by one. Switched-off rules do not limit and
 * are left out. A request whose checks are all inside is approved by policy.
 */
export function checkRequest(request: FlexRequest, bounds: EffectiveBounds, context: RequestContext): RuleCheck[] {
	const checks: RuleCheck[] = [];
	const check = (rule: RuleKey, requested: number) => {
		const setting = bounds.rules[rule];
		if (!setting.enabled) return;
		const outcome: Outcome = isWithin(rule, requested, setting.value) ? 'inside' : setting.beyond;
		checks.push({ rule, outcome, requested, allowed: setting.value, source: setting.source });
	};
	check('notice_days', dayNumber(request.startsOn) - dayNumber(context.today));
	switch (request.type) {
		case 'remote': {
			check('remote_days', request.days.length);
			const anchors = request.days.filter((day) => bounds.anchorDays.value.includes(day));
			if (anchors.length && context.team && context.team.size > 0) {
				const onSite = context.team.size - context.team.remoteOnAnchorDay - 1;
				check('team_on_site', Math.floor((Math.max(onSite, 0) * 100) / context.team.size));
			}
			break;
		}
		case 'hours':
			check('earliest_start', request.start);
			check('latest_end', request.end);
			check('core_start', request.start);
			check('core_end', request.end);
			break;
		case 'compressed':
			check('compressed_hours', request.hoursPerDay);
			break;
		case 'reduced':
			check('reduced_percent', request.percent);
			break;
		case 'abroad': {
			check('abroad_days', context.abroadDaysUsed + daysBetween(request.startsOn, request.endsOn));
			const countries = bounds.countries.value;
			const rule = bounds.rules.abroad_days;
			// The list of countries belongs to the same rule: outside it is beyond that rule's bound.
			if (rule.enabled && countries.length && !countries.includes(request.country)) {
				checks.push({ rule: 'abroad_days', outcome: rule.beyond, requested: 0, allowed: 0, source: bounds.countries.source, country: request.country });
			}
			break;
		}
		case 'sabbatical':
			check('sabbatical_weeks', Math.ceil(daysBetween(request.startsOn, request.endsOn) / 7));
			check('sabbatical_tenure', context.tenureMonths ?? 0);
			break;
		case 'learning':
			check('learning_hours', context.learningHoursUsed + request.hours);
			break;
	}
	return checks;
}

/** The verdict of the checks: all inside → approved by policy; any "never" → declined by policy; else a decider decides. */
export function verdict(checks: RuleCheck[]): 'approved' | 'declined' | 'pending' {
	if (checks.some((check) => check.outcome === 'never')) return 'declined';
	if (checks.some((check) => check.outcome === 'approvable')) return 'pending';
	return 'approved';
}
