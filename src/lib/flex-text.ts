// How flexible work reads: rule names, values with their units, and the human reason per check.
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { ruleDefinitions, timeOf, type Whereabouts, type ArrangementStatus, type ArrangementType, type Outcome, type RuleCheck, type RuleKey, type RuleUnit } from '$lib/flex';

type Options = { locale?: Locale };

const types: Record<ArrangementType, (input?: Record<string, never>, options?: Options) => string> = {
	remote: m.flex_type_remote,
	hours: m.flex_type_hours,
	compressed: m.flex_type_compressed,
	reduced: m.flex_type_reduced,
	abroad: m.flex_type_abroad,
	sabbatical: m.flex_type_sabbatical,
	learning: m.flex_type_learning
};
export const typeLabel = (type: ArrangementType, locale?: Locale): string => types[type]({}, locale ? { locale } : {});

const rules: Record<RuleKey, () => string> = {
	remote_days: m.flex_rule_remote_days,
	earliest_start: m.flex_rule_earliest_start,
	latest_end: m.flex_rule_latest_end,
	core_start: m.flex_rule_core_start,
	core_end: m.flex_rule_core_end,
	compressed_hours: m.flex_rule_compressed_hours,
	reduced_percent: m.flex_rule_reduced_percent,
	abroad_days: m.flex_rule_abroad_days,
	sabbatical_weeks: m.flex_rule_sabbatical_weeks,
	sabbatical_tenure: m.flex_rule_sabbatical_tenure,
	learning_hours: m.flex_rule_learning_hours,
	notice_days: m.flex_rule_notice_days,
	team_on_site: m.flex_rule_team_on_site
};
export const ruleLabel = (rule: RuleKey): string => rules[rule]();

const units: Record<Exclude<RuleUnit, 'time'>, (input: { count: number }) => string> = {
	days_per_week: m.flex_unit_days_per_week,
	hours_per_day: m.flex_unit_hours_per_day,
	percent: m.flex_unit_percent,
	days_per_year: m.flex_unit_days_per_year,
	weeks: m.flex_unit_weeks,
	months: m.flex_unit_months,
	hours_per_month: m.flex_unit_hours_per_month,
	days: m.flex_unit_days
};
/** A rule's value with its unit: "2 days a week", "07:00", "80 %". */
export function formatValue(rule: RuleKey, value: number): string {
	const unit = ruleDefinitions[rule].unit;
	return unit === 'time' ? timeOf(value) : units[unit]({ count: value });
}

/** "3 days a week requested; your bounds allow at most 2 days a week." */
export function checkReason(check: Pick<RuleCheck, 'rule' | 'requested' | 'allowed' | 'country'>): string {
	if (check.country) return m.flex_reason_country({ country: check.country });
	const values = { requested: formatValue(check.rule, check.requested), allowed: formatValue(check.rule, check.allowed) };
	return ruleDefinitions[check.rule].direction === 'max' ? m.flex_reason_max(values) : m.flex_reason_min(values);
}

const outcomes: Record<Outcome, () => string> = { inside: m.flex_outcome_inside, approvable: m.flex_outcome_approvable, never: m.flex_outcome_never };
export const outcomeLabel = (outcome: Outcome): string => outcomes[outcome]();

const statuses: Record<ArrangementStatus, () => string> = {
	approved: m.flex_status_approved,
	pending: m.flex_status_pending,
	declined: m.flex_status_declined,
	withdrawn: m.flex_status_withdrawn
};
export const statusLabel = (status: ArrangementStatus): string => statuses[status]();

const weekdayNames = [m.flex_weekday_1, m.flex_weekday_2, m.flex_weekday_3, m.flex_weekday_4, m.flex_weekday_5];
export const weekdayLabel = (day: number): string => weekdayNames[day - 1]?.() ?? String(day);

/** The type's own fields in words: "Monday, Wednesday", "08:00–16:30", "4 × 9 hours", "80 %", "DE", "8 hours". */
export function detailsText(type: ArrangementType, details: Record<string, unknown>): string {
	switch (type) {
		case 'remote':
			return (details.days as number[]).map(weekdayLabel).join(', ');
		case 'hours':
			return `${timeOf(details.start as number)}–${timeOf(details.end as number)}`;
		case 'compressed':
			return `${details.days as number} × ${m.flex_unit_hours_per_day({ count: details.hoursPerDay as number })}`;
		case 'reduced':
			return m.flex_unit_percent({ count: details.percent as number });
		case 'abroad':
			return String(details.country);
		case 'learning':
			return m.flex_unit_hours({ count: details.hours as number });
		case 'sabbatical':
			return '';
	}
}

const places: Record<Whereabouts, () => string> = { on_site: m.flex_where_on_site, remote: m.flex_where_remote, abroad: m.flex_where_abroad, off: m.flex_where_off };
export const whereaboutsLabel = (where: Whereabouts): string => places[where]();
