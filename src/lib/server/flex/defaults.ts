import type { RuleKey } from '$lib/flex';
import type { OrgRuleSetting } from './engine';

/**
 * The bounds an organisation starts with until HR sets its own: a common hybrid policy. Ceilings
 * let managers loosen some rules for their unit, up to a point.
 */
export const defaultOrgRules: Record<RuleKey, OrgRuleSetting> = {
	remote_days: { enabled: true, value: 2, beyond: 'approvable', ceiling: 3 },
	earliest_start: { enabled: true, value: 7 * 60, beyond: 'approvable', ceiling: 6 * 60 },
	latest_end: { enabled: true, value: 19 * 60, beyond: 'approvable', ceiling: 20 * 60 },
	core_start: { enabled: true, value: 10 * 60, beyond: 'approvable', ceiling: 10 * 60 },
	core_end: { enabled: true, value: 15 * 60, beyond: 'approvable', ceiling: 15 * 60 },
	compressed_hours: { enabled: true, value: 9, beyond: 'approvable', ceiling: 10 },
	reduced_percent: { enabled: true, value: 80, beyond: 'approvable', ceiling: 60 },
	abroad_days: { enabled: true, value: 20, beyond: 'approvable', ceiling: 30 },
	sabbatical_weeks: { enabled: true, value: 0, beyond: 'approvable', ceiling: 12 },
	sabbatical_tenure: { enabled: true, value: 24, beyond: 'never', ceiling: 24 },
	learning_hours: { enabled: true, value: 8, beyond: 'approvable', ceiling: 16 },
	notice_days: { enabled: true, value: 7, beyond: 'approvable', ceiling: 3 },
	team_on_site: { enabled: true, value: 50, beyond: 'approvable', ceiling: 40 }
};

/** Tuesday and Thursday. */
export const defaultAnchorDays = [2, 4];
/** Empty: any country. */
export const defaultCountries: string[] = ['NL', 'BE', 'DE', 'FR', 'ES', 'PT', 'IT'];
export const defaultDecisionDays = 5;
