// The team view: who works where this week, and the team's arrangements, a page of people at a
// time (a lead may have hundreds), with the whole team's count on site per day.
import { sql } from 'drizzle-orm';
import { db, pageClause, rawRows } from '../db';
import { flexArrangement, person } from '../db/schema';
import type { Actor } from '../authz';
import { getOrganisation } from '../organisation';
import { whereaboutsOn, type Whereabouts } from '$lib/flex';
import { overlapping, shownBoundsFor, teamMember, todayIn } from './index';
import { derivedFromArrangements } from './derived';

/** Monday to Friday of the week holding `today`. */
export function workWeek(today: string): string[] {
	const date = new Date(`${today}T00:00:00Z`);
	const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000;
	return [0, 1, 2, 3, 4].map((offset) => new Date(monday + offset * 86_400_000).toISOString().slice(0, 10));
}

/**
 * For every day of the week, how many of the whole team are on site: the team minus those an
 * approved arrangement puts elsewhere that day. One statement, whatever the team's size.
 */
async function onSiteCounts(leadId: string, days: string[]): Promise<{ size: number; away: number[] }> {
	const awayOn = days.map(
		(day, index) =>
			sql`count(distinct a.person_id) filter (where a.starts_on <= ${day}::date and coalesce(a.ends_on, 'infinity'::date) >= ${day}::date
				and (a.type <> 'remote' or ${index + 1} = any(a.remote_days)))::int`
	);
	const [row] = await rawRows<{ size: number; away: number[] }>(
		db,
		sql`with team as (select ${person.id} as id from ${person} where ${teamMember(leadId)})
			select (select count(*)::int from team) as size, array[${sql.join(awayOn, sql`, `)}] as away
			from team join ${flexArrangement} a on a.person_id = team.id
			where a.status = 'approved' and a.type in ('remote', 'abroad', 'sabbatical')
				and a.starts_on <= ${days.at(-1)}::date and coalesce(a.ends_on, 'infinity'::date) >= ${days[0]}::date`
	);
	return { size: Number(row?.size ?? 0), away: row?.away ?? days.map(() => 0) };
}

/** The costliest part of the page, and the same for every page of the team: per lead and week, for 30 s. */
const teamCounts = derivedFromArrangements(30_000, (key) => {
	const [leadId, monday] = key.split('|') as [string, string];
	return onSiteCounts(leadId, workWeek(monday));
});

export type TeamPage = Awaited<ReturnType<typeof teamPage>>;

/**
 * One page of a lead's team, by name: each person's week and current or upcoming arrangements,
 * the week's anchor days, and the whole team's count on site each day.
 */
export async function teamPage(actor: Actor, options: { page: number; pageSize: number }, now = new Date()) {
	const today = todayIn((await getOrganisation()).timeZone, now);
	const days = workWeek(today);
	type Shown = { id: string; type: (typeof flexArrangement.$inferSelect)['type']; startsOn: string; endsOn: string | null; remoteDays: number[] };
	// The page's people with everything of theirs still running on the week's Monday, in one round
	// trip: the week needs it, the list what has not ended today.
	const [people, counts, bounds] = await Promise.all([
		rawRows<{ id: string; name: string; arrangements: Shown[] }>(
			db,
			sql`select ${person.id} as id, ${person.name} as name,
				coalesce((select json_agg(json_build_object('id', ${flexArrangement.id}, 'type', ${flexArrangement.type},
						'startsOn', ${flexArrangement.startsOn}, 'endsOn', ${flexArrangement.endsOn}, 'remoteDays', ${flexArrangement.remoteDays}) order by ${flexArrangement.startsOn})
					from ${flexArrangement}
					where ${flexArrangement.personId} = ${person.id} and ${flexArrangement.status} = 'approved' and ${overlapping(days[0]!, null)}), '[]') as arrangements
			from ${person} where ${teamMember(actor.id)}
			order by ${person.name}, ${person.id}
			${pageClause(options.page, options.pageSize)}`
		),
		teamCounts.get(`${actor.id}|${days[0]}`),
		shownBoundsFor(actor.unitId)
	]);
	const anchorDays = bounds.anchorDays.value;
	return {
		total: counts.size,
		days: days.map((date, index) => ({ date, anchor: anchorDays.includes(index + 1), onSite: counts.size - (counts.away[index] ?? 0) })),
		people: people.map(({ arrangements: own, ...member }) => {
			const week: Whereabouts[] = days.map((date) => whereaboutsOn(date, own));
			return { ...member, week, arrangements: own.filter((arrangement) => !arrangement.endsOn || arrangement.endsOn >= today) };
		})
	};
}
