import { ruleDefinitions, ruleKeys, timeOf, type OrgRuleSetting, type RuleKey, type RuleSetting } from '../../src/lib/flex';
import { defaultOrgRules } from '../../src/lib/server/flex/defaults';

const shown = (key: RuleKey, value: number) => (ruleDefinitions[key].unit === 'time' ? timeOf(value) : String(value));

/** The bounds form as a browser sends it: every rule's fields; a unit's `set` only for the rules it sets. */
export function boundsForm(rules: Partial<Record<RuleKey, RuleSetting | OrgRuleSetting>>, scope: 'organisation' | 'unit', extra: Record<string, string | string[]> = {}) {
	const fields: Record<string, string | string[]> = {};
	for (const key of ruleKeys) {
		const setting = rules[key] ?? defaultOrgRules[key];
		if (setting.enabled) fields[`${key}.enabled`] = 'on';
		fields[`${key}.value`] = shown(key, setting.value);
		fields[`${key}.beyond`] = setting.beyond;
		if (scope === 'organisation') fields[`${key}.ceiling`] = shown(key, (setting as OrgRuleSetting).ceiling ?? defaultOrgRules[key].ceiling);
		else if (rules[key]) fields[`${key}.set`] = 'on';
	}
	if (scope === 'organisation') Object.assign(fields, { anchorDays: ['2', '4'], countries: 'NL, BE, DE, FR, ES, PT, IT', decisionDays: '5' });
	else Object.assign(fields, { anchorDays: [], countries: '' });
	return { ...fields, ...extra };
}
