import { sql } from 'drizzle-orm';
import { db, rawRows } from '../db';
import { alumniProfile, auditEvent, event, eventRsvp, person, referral, rehire, vacancyApplication } from '../db/schema';
import type { ReferralStatus } from '$lib/vacancies';

/** "Active" means signed in, answered an event, applied or referred within this many days. */
export const activeDays = 90;
/** Event attendance covers the events that ended in this many days before today. */
export const attendanceDays = 365;

export interface AlumniInsights {
	members: number;
	consented: number;
	active: number;
	events: { id: string; title: string; startsAt: Date; alumni: number; employees: number }[];
	referrals: Record<ReferralStatus, number>;
	boomerangs: number;
	medianGapDays: number | null;
}

/** The alumni network in numbers, for HR: a few aggregate statements, whatever the network's size. */
export async function alumniInsights(now = new Date()): Promise<AlumniInsights> {
	const since = new Date(now.getTime() - activeDays * 86_400_000).toISOString();
	const eventsFrom = new Date(now.getTime() - attendanceDays * 86_400_000).toISOString();
	const [members] = await rawRows<{ members: number; consented: number; active: number }>(
		db,
		sql`select count(*)::int as members,
			count(*) filter (where ${alumniProfile.consentedAt} is not null)::int as consented,
			count(*) filter (where
				exists (select 1 from ${auditEvent} where ${auditEvent.actorId} = ${person.id} and ${auditEvent.action} = 'auth.sign_in' and ${auditEvent.at} >= ${since}::timestamptz)
				or exists (select 1 from ${eventRsvp} where ${eventRsvp.personId} = ${person.id} and ${eventRsvp.createdAt} >= ${since}::timestamptz)
				or exists (select 1 from ${referral} where ${referral.referrerId} = ${person.id} and ${referral.createdAt} >= ${since}::timestamptz)
				or exists (select 1 from ${vacancyApplication} where ${vacancyApplication.personId} = ${person.id} and ${vacancyApplication.createdAt} >= ${since}::timestamptz)
			)::int as active
		from ${person} left join ${alumniProfile} on ${alumniProfile.personId} = ${person.id}
		where ${person.kind} = 'alumni' and ${person.status} <> 'deactivated'`
	);
	const events = await rawRows<AlumniInsights['events'][number]>(
		db,
		sql`select ${event.id} as id, ${event.title} as title, ${event.startsAt} as "startsAt",
			count(*) filter (where ${person.kind} = 'alumni')::int as alumni,
			count(*) filter (where ${person.kind} = 'employee')::int as employees
		from ${event}
		join ${eventRsvp} on ${eventRsvp.eventId} = ${event.id} and ${eventRsvp.status} = 'going'
		join ${person} on ${person.id} = ${eventRsvp.personId}
		where ${event.endsAt} >= ${eventsFrom}::timestamptz and ${event.endsAt} < ${now.toISOString()}::timestamptz and ${event.audience} in ('alumni', 'both')
		group by ${event.id}
		order by ${event.startsAt} desc
		limit 12`
	);
	const statuses = await rawRows<{ status: ReferralStatus; count: number }>(db, sql`select ${referral.status} as status, count(*)::int as count from ${referral} group by 1`);
	const [boomerangs] = await rawRows<{ count: number; median: number | null }>(
		db,
		sql`select count(*)::int as count, percentile_cont(0.5) within group (order by ${rehire.rehiredOn} - ${rehire.previousLeftOn})::float8 as median from ${rehire}`
	);
	const referrals: Record<ReferralStatus, number> = { submitted: 0, in_process: 0, hired: 0, not_hired: 0 };
	for (const row of statuses) referrals[row.status] = row.count;
	return {
		...(members ?? { members: 0, consented: 0, active: 0 }),
		// Raw rows carry timestamps as each driver gives them.
		events: events.map((row) => ({ ...row, startsAt: new Date(row.startsAt) })),
		referrals,
		boomerangs: boomerangs?.count ?? 0,
		medianGapDays: boomerangs?.median ?? null
	};
}
