// Flexible work in calendar feeds: who works where (remote, abroad, off), from approved arrangements.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { flexArrangement, person } from '../db/schema';
import type { Actor } from '../authz';
import { feedDaysBack, type CalendarEntry } from '../calendar/ics';
import type { Locale } from '../i18n';
import { getOrganisation } from '../organisation';
import { m } from '$lib/paraglide/messages';
import type { CalendarFeedScope } from '$lib/calendar';
import { typeLabel } from '$lib/flex-text';
import { addDays } from './engine';
import { teamMember, todayIn } from './index';

/**
 * The owner's own arrangements (`person`) or their team's (`team`: the same people the team view
 * shows, all of whose arrangements the owner may see). On a team's feed nothing makes the owner
 * look busy; on their own, being off does.
 */
export async function arrangementEntries(owner: Actor, scope: CalendarFeedScope, origin: string, locale: Locale, now = new Date(), limit = 5000): Promise<CalendarEntry[]> {
	const since = addDays(todayIn((await getOrganisation()).timeZone, now), -feedDaysBack);
	const rows = await db
		.select({ id: flexArrangement.id, personName: person.name, type: flexArrangement.type, startsOn: flexArrangement.startsOn, endsOn: flexArrangement.endsOn, details: flexArrangement.details, remoteDays: flexArrangement.remoteDays })
		.from(flexArrangement)
		.innerJoin(person, eq(person.id, flexArrangement.personId))
		.where(
			and(
				scope === 'person' ? eq(flexArrangement.personId, owner.id) : teamMember(owner.id),
				eq(flexArrangement.status, 'approved'),
				inArray(flexArrangement.type, ['remote', 'abroad', 'sabbatical']),
				sql`coalesce(${flexArrangement.endsOn}, 'infinity'::date) >= ${since}::date`
			)
		)
		.orderBy(asc(flexArrangement.startsOn), asc(flexArrangement.id))
		.limit(limit);
	return rows.map((row): CalendarEntry => {
		const what =
			row.type === 'remote'
				? m.flex_feed_remote({}, { locale })
				: row.type === 'abroad'
					? m.flex_feed_abroad({ country: String(row.details.country) }, { locale })
					: m.flex_feed_off({ type: typeLabel(row.type, locale) }, { locale });
		const link = `${origin}/flex/${row.id}`;
		const entry = {
			uid: `${row.id}@kring`,
			title: scope === 'team' ? m.flex_feed_team_entry({ name: row.personName, what }, { locale }) : what,
			description: link,
			url: link,
			show: scope === 'person' && row.type === 'sabbatical' ? ('away' as const) : ('free' as const)
		};
		return row.type === 'remote' ? { ...entry, startsOn: row.startsOn, endsOn: row.endsOn, weekdays: row.remoteDays } : { ...entry, startsOn: row.startsOn, endsOn: row.endsOn! };
	});
}
