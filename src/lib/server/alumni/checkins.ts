import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { db, type Executor } from '../db';
import { alumniCheckIn, alumniProfile, event, person, post, space } from '../db/schema';
import { listedAlumniFilter, readableSpaceFilter, visibleEventsFilter, type Actor } from '../authz';
import { actorColumns } from '../authz/actor';
import { queueEmail } from '../mail/outbox';
import { recipientLocale } from '../mail/templates';
import { getOrganisation, type Organisation } from '../organisation';
import { checkInEmail } from './mail';
import { checkInMonths } from '$lib/alumni';
import { dateIn } from '.';

/** The upcoming events the alumnus may join, by the events' own audience rule. */
async function upcomingEvents(executor: Executor, alumnus: Actor, now: Date) {
	const where = and(visibleEventsFilter(alumnus), gt(event.startsAt, now));
	const titles = await executor.select({ title: event.title }).from(event).where(where).orderBy(asc(event.startsAt)).limit(3);
	const [counted] = await executor.select({ count: sql<number>`count(*)::int` }).from(event).where(where);
	return { events: titles.map((row) => row.title), eventCount: counted?.count ?? 0 };
}

/**
 * The job's work: each member of the network (confirmed, not opted out) gets a check-in 6 and 13
 * months after their last day. A milestone is due for a month after it passes, so people who left
 * long before are not written to; the check-in's key sends each one once, also when two instances
 * run this at once. Returns how many went out.
 */
export async function sendCheckIns(now: Date, origin: string): Promise<number> {
	const organisation = await getOrganisation();
	const today = dateIn(organisation.timeZone, now);
	let sent = 0;
	for (const months of checkInMonths) {
		const due = await db
			.select({ ...actorColumns, leftOn: person.leftOn })
			.from(person)
			.innerJoin(alumniProfile, eq(alumniProfile.personId, person.id))
			.where(
				and(
					eq(person.kind, 'alumni'),
					eq(person.status, 'active'),
					sql`${alumniProfile.confirmedAt} is not null`,
					eq(alumniProfile.checkIns, true),
					sql`${person.leftOn} <= ${today}::date - ${months} * interval '1 month'`,
					sql`${person.leftOn} > ${today}::date - ${months + 1} * interval '1 month'`,
					sql`not exists (select 1 from ${alumniCheckIn} where ${alumniCheckIn.personId} = ${person.id} and ${alumniCheckIn.months} = ${months})`
				)
			);
		// Alumni lead no one: the rest of an actor is what the person row says.
		for (const { status: _status, leftOn, ...alumnus } of due) if (await sendCheckIn({ ...alumnus, isManager: false }, leftOn, months, now, organisation, origin)) sent++;
	}
	return sent;
}

async function sendCheckIn(
	alumnus: Actor,
	leftOn: string | null,
	months: number,
	now: Date,
	organisation: Organisation,
	origin: string
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const claimed = await tx.insert(alumniCheckIn).values({ personId: alumnus.id, months }).onConflictDoNothing().returning({ personId: alumniCheckIn.personId });
		if (claimed.length === 0) return false;
		const news = await upcomingEvents(tx, alumnus, now);
		const [joined] = await tx
			.select({ count: sql<number>`count(*)::int` })
			.from(person)
			.innerJoin(alumniProfile, eq(alumniProfile.personId, person.id))
			.where(and(listedAlumniFilter(), sql`${alumniProfile.consentedAt} > ${leftOn}::date`, sql`${person.id} <> ${alumnus.id}`));
		// Posts since they left in the spaces they may read, by the same rule as their knowledge pages.
		const [posts] = await tx
			.select({ count: sql<number>`count(*)::int` })
			.from(post)
			.innerJoin(space, eq(space.id, post.spaceId))
			.where(and(readableSpaceFilter(alumnus), sql`${post.hiddenAt} is null`, sql`${post.createdAt} > ${leftOn}::date`));
		await queueEmail(tx, {
			to: alumnus.email,
			personId: alumnus.id,
			purpose: 'alumni_check_in',
			...checkInEmail(recipientLocale(alumnus.locale, organisation.defaultLocale), {
				organisation: organisation.name,
				name: alumnus.name,
				profileLink: `${origin}/alumni`,
				eventsLink: `${origin}/events`,
				knowledgeLink: `${origin}/knowledge`,
				posts: posts?.count ?? 0,
				months,
				...news,
				joined: joined?.count ?? 0
			})
		});
		return true;
	});
}
