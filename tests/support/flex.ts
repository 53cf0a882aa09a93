import { ruleDefinitions, ruleKeys, timeOf, type OrgRuleSetting, type RuleKey, type RuleSetting } from '../../src/lib/flex';
import { defaultOrgRules } from '../../src/lib/server/flex/defaults';
import { todayIn } from '../../src/lib/server/flex';
import { addDays } from '../../src/lib/server/flex/engine';
import { flexArrangement } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db';
import { demo, personByEmail } from './fixtures';

/** Today in the demo organisation's time zone, and the days around it. */
export const today = todayIn('Europe/Amsterdam');
export const inDays = (days: number) => addDays(today, days);

/** The demo employee and the manager she reports to. */
export async function demoPair(db: Database) {
	return { employee: (await personByEmail(db, demo.employee)).id, manager: (await personByEmail(db, demo.manager)).id };
}

/** An approved remote arrangement of `personId`, running since ten days for two months more, unless `fields` say otherwise. */
export async function approvedArrangement(db: Database, personId: string, fields: Partial<typeof flexArrangement.$inferInsert> = {}): Promise<string> {
	const [created] = await db
		.insert(flexArrangement)
		.values({ personId, type: 'remote', status: 'approved', startsOn: inDays(-10), endsOn: inDays(60), details: { days: [1] }, remoteDays: [1], checks: [], boundsIds: [], ...fields })
		.returning({ id: flexArrangement.id });
	return created!.id;
}

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
