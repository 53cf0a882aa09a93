/**
 * The rules of flexible work, shared by the server's engine and the pages that show them.
 * Every rule bounds one number. `max`: a request may go up to the value (more is more generous);
 * `min`: a request must reach at least the value (less is more generous).
 */
export const ruleKeys = [
	'remote_days',
	'earliest_start',
	'latest_end',
	'core_start',
	'core_end',
	'compressed_hours',
	'reduced_percent',
	'abroad_days',
	'sabbatical_weeks',
	'sabbatical_tenure',
	'learning_hours',
	'notice_days',
	'team_on_site'
] as const;
export type RuleKey = (typeof ruleKeys)[number];

export type Direction = 'max' | 'min';
/** Times of day are minutes after midnight. */
export type RuleUnit = 'days_per_week' | 'time' | 'hours_per_day' | 'percent' | 'days_per_year' | 'weeks' | 'months' | 'hours_per_month' | 'days';

export const ruleDefinitions: Record<RuleKey, { direction: Direction; unit: RuleUnit; lowest: number; highest: number }> = {
	remote_days: { direction: 'max', unit: 'days_per_week', lowest: 0, highest: 5 },
	// A start no earlier than this.
	earliest_start: { direction: 'min', unit: 'time', lowest: 0, highest: 1439 },
	latest_end: { direction: 'max', unit: 'time', lowest: 0, highest: 1440 },
	// Core hours: a working day starts by `core_start` and lasts until `core_end`.
	core_start: { direction: 'max', unit: 'time', lowest: 0, highest: 1439 },
	core_end: { direction: 'min', unit: 'time', lowest: 0, highest: 1440 },
	compressed_hours: { direction: 'max', unit: 'hours_per_day', lowest: 0, highest: 12 },
	reduced_percent: { direction: 'min', unit: 'percent', lowest: 0, highest: 100 },
	abroad_days: { direction: 'max', unit: 'days_per_year', lowest: 0, highest: 366 },
	sabbatical_weeks: { direction: 'max', unit: 'weeks', lowest: 0, highest: 104 },
	sabbatical_tenure: { direction: 'min', unit: 'months', lowest: 0, highest: 600 },
	learning_hours: { direction: 'max', unit: 'hours_per_month', lowest: 0, highest: 200 },
	notice_days: { direction: 'min', unit: 'days', lowest: 0, highest: 365 },
	// At least this share of the unit on site on each anchor day.
	team_on_site: { direction: 'min', unit: 'percent', lowest: 0, highest: 100 }
};

export const beyondChoices = ['approvable', 'never'] as const;
export type Beyond = (typeof beyondChoices)[number];

/** One rule as a scope sets it. Off: the rule does not limit anyone. */
export interface RuleSetting {
	enabled: boolean;
	value: number;
	beyond: Beyond;
}

/** What HR sets for the organisation: every rule, with the most generous value a unit may set. */
export type OrgRuleSetting = RuleSetting & { ceiling: number };

export const arrangementTypes = ['remote', 'hours', 'compressed', 'reduced', 'abroad', 'sabbatical', 'learning'] as const;
export type ArrangementType = (typeof arrangementTypes)[number];

export const arrangementStatuses = ['approved', 'pending', 'declined', 'withdrawn'] as const;
export type ArrangementStatus = (typeof arrangementStatuses)[number];

/** Monday 1 … Friday 5, as ISO weekdays. */
export const weekdays = [1, 2, 3, 4, 5] as const;

export type Outcome = 'inside' | 'approvable' | 'never';

/** Where an effective value comes from: the organisation's bounds or a unit's, and which version. */
export interface Provenance {
	boundsId: string;
	unitId: string | null;
	scopeName: string;
	version: number;
	/** The unit's value lay beyond HR's ceiling, which applies instead. */
	capped: boolean;
}

/** One rule checked against one request: what was asked, what the bounds allow, and from where. */
export interface RuleCheck {
	rule: RuleKey;
	outcome: Outcome;
	requested: number;
	allowed: number;
	source: Provenance;
	/** For the country check of working abroad: the country asked for, outside the allowed ones. */
	country?: string;
}

/** "09:30" ↔ 570. */
export const minutesOf = (time: string): number => {
	const [hours, minutes] = time.split(':').map(Number);
	return hours! * 60 + minutes!;
};
export const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const whereabouts = ['on_site', 'remote', 'abroad', 'off'] as const;
export type Whereabouts = (typeof whereabouts)[number];

/** Where someone works on a day, from their approved arrangements: off (sabbatical) before abroad before remote. */
export function whereaboutsOn(
	date: string,
	arrangements: { type: ArrangementType; startsOn: string; endsOn: string | null; remoteDays: number[] }[]
): Whereabouts {
	const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
	const current = arrangements.filter((arrangement) => arrangement.startsOn <= date && (!arrangement.endsOn || arrangement.endsOn >= date));
	if (current.some((arrangement) => arrangement.type === 'sabbatical')) return 'off';
	if (current.some((arrangement) => arrangement.type === 'abroad')) return 'abroad';
	if (current.some((arrangement) => arrangement.type === 'remote' && arrangement.remoteDays.includes(weekday))) return 'remote';
	return 'on_site';
}
