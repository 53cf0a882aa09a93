import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { arrangementTypes, beyondChoices, minutesOf, ruleDefinitions, ruleKeys, weekdays, type Beyond, type OrgRuleSetting, type RuleKey, type RuleSetting } from '$lib/flex';
import { checkbox, many, optionalText, email } from './common';

const isoDate = z.iso.date();
const optionalDate = z
	.string()
	.trim()
	.optional()
	.transform((value) => value || null)
	.pipe(isoDate.nullable());
const time = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => m.flex_validation_time() })
	.transform(minutesOf);
const whole = (min: number, max: number) => z.coerce.number<string>().int().min(min).max(max);

/** Weekdays as checkboxes: Monday 1 … Friday 5. */
const weekdayList = many(z.coerce.number<string>().int().min(weekdays[0]).max(weekdays[4]));

const period = {
	startsOn: isoDate,
	endsOn: optionalDate,
	reviewOn: optionalDate,
	note: optionalText(1000)
};

/** A new arrangement: the shared period, and the fields of its type. */
export const requestSchema = z
	.discriminatedUnion('type', [
		z.object({ type: z.literal('remote'), ...period, days: weekdayList.refine((days) => days.length > 0, { error: () => m.validation_choose_one() }) }),
		z.object({ type: z.literal('hours'), ...period, start: time, end: time }),
		z.object({ type: z.literal('compressed'), ...period, days: whole(3, 4), hoursPerDay: whole(1, 12) }),
		z.object({ type: z.literal('reduced'), ...period, percent: whole(10, 99) }),
		z.object({ type: z.literal('abroad'), ...period, endsOn: isoDate, country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: () => m.flex_validation_country() }) }),
		z.object({ type: z.literal('sabbatical'), ...period, endsOn: isoDate }),
		z.object({ type: z.literal('learning'), ...period, hours: whole(1, 200) })
	])
	.superRefine((value, context) => {
		if (value.endsOn && value.endsOn < value.startsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: m.flex_validation_ends_before() });
		if (value.reviewOn && (value.reviewOn < value.startsOn || (value.endsOn && value.reviewOn > value.endsOn)))
			context.addIssue({ code: 'custom', path: ['reviewOn'], message: m.flex_validation_review() });
		if (value.type === 'hours' && value.end <= value.start) context.addIssue({ code: 'custom', path: ['end'], message: m.flex_validation_end_time() });
		// Days abroad are counted per calendar year.
		if (value.type === 'abroad' && value.endsOn.slice(0, 4) !== value.startsOn.slice(0, 4))
			context.addIssue({ code: 'custom', path: ['endsOn'], message: m.flex_validation_same_year() });
	});
export type RequestInput = z.output<typeof requestSchema>;

export const requestTypeSchema = z.enum(arrangementTypes);

export const decisionSchema = z.object({
	decision: z.enum(['approve', 'decline']),
	note: optionalText(1000)
});

/** Ending an approved arrangement early: its new last day. */
export const endEarlySchema = z.object({ endsOn: isoDate });

export const delegationSchema = z
	.object({ delegateEmail: email, startsOn: isoDate, endsOn: isoDate })
	.refine((value) => value.endsOn >= value.startsOn, { path: ['endsOn'], error: () => m.flex_validation_ends_before() });

const ruleValue = (key: RuleKey) => {
	const { lowest, highest, unit } = ruleDefinitions[key];
	return unit === 'time' ? time : whole(lowest, highest);
};
/** One rule's fields, named `<rule>.<field>` so that errors land next to the right input. */
const ruleFields = (key: RuleKey, extra: 'set' | 'ceiling') => ({
	[`${key}.enabled`]: checkbox,
	[`${key}.value`]: ruleValue(key),
	[`${key}.beyond`]: z.enum(beyondChoices),
	[`${key}.${extra}`]: extra === 'set' ? checkbox : ruleValue(key)
});
const countryList = z
	.string()
	.trim()
	.toUpperCase()
	.transform((value) => (value ? [...new Set(value.split(/[\s,]+/).filter(Boolean))] : []))
	.pipe(z.array(z.string().regex(/^[A-Z]{2}$/, { error: () => m.flex_validation_country() })).max(250));
const setting = (data: Record<string, unknown>, key: RuleKey): RuleSetting => ({
	enabled: data[`${key}.enabled`] as boolean,
	value: data[`${key}.value`] as number,
	beyond: data[`${key}.beyond`] as Beyond
});

/** A unit's bounds: the rules it sets (`<rule>.set`; the others are inherited), its own anchor days and countries or none. */
export const unitBoundsSchema = z
	.object({
		...Object.fromEntries(ruleKeys.flatMap((key) => Object.entries(ruleFields(key, 'set')))),
		ownAnchorDays: checkbox,
		anchorDays: weekdayList,
		ownCountries: checkbox,
		countries: countryList
	})
	.transform((data) => ({
		rules: Object.fromEntries(ruleKeys.filter((key) => (data as Record<string, unknown>)[`${key}.set`]).map((key) => [key, setting(data, key)])) as Partial<Record<RuleKey, RuleSetting>>,
		anchorDays: data.ownAnchorDays ? data.anchorDays : null,
		countries: data.ownCountries ? data.countries : null
	}));

/** The organisation's bounds: every rule with its ceiling, the anchor days, the countries, and how long deciders have. */
export const orgBoundsSchema = z
	.object({
		...Object.fromEntries(ruleKeys.flatMap((key) => Object.entries(ruleFields(key, 'ceiling')))),
		anchorDays: weekdayList,
		countries: countryList,
		decisionDays: whole(1, 30)
	})
	.transform((data) => ({
		rules: Object.fromEntries(ruleKeys.map((key) => [key, { ...setting(data, key), ceiling: (data as Record<string, unknown>)[`${key}.ceiling`] as number }])) as Record<RuleKey, OrgRuleSetting>,
		anchorDays: data.anchorDays,
		countries: data.countries,
		decisionDays: data.decisionDays
	}));
export type UnitBoundsInput = z.output<typeof unitBoundsSchema>;
export type OrgBoundsInput = z.output<typeof orgBoundsSchema>;
