import { and, asc, desc, eq, gte, lt, sql, type Placeholder } from 'drizzle-orm';
import { db, isId, outer, literalCount, preparedShapes, rawRows, type Executor } from '../db';
import { event, eventRsvp, person, type EventAudience, type RsvpStatus } from '../db/schema';
import { can, eventAudienceFilter, eventAudiences, eventViewerFilter, visibleEventsFilter, type Actor } from '../authz';
import { queueEmail, queueEmails } from '../mail/outbox';
import { eventPromotedEmail, eventReminderEmail, recipientLocale } from '../mail/templates';
import { dateTimeFormat } from '$lib/formats';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';
import { renderCalendar, type CalendarEntry } from '../calendar/ics';

/** The UTC offset of a zone at an instant, in ms (positive east of Greenwich). */
function offsetMs(instant: number, timeZone: string): number {
	const parts = Object.fromEntries(
		dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
			.formatToParts(new Date(instant))
			.map((part) => [part.type, Number(part.value)])
	);
	return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time ("2026-12-01T18:30") means in a zone. Twice, because the offset
 * at the guess may differ from the offset at the answer around a daylight-saving change.
 */
export function zonedInstant(local: string, timeZone: string): Date {
	const wall = Date.parse(`${local}:00Z`);
	const first = wall - offsetMs(wall, timeZone);
	return new Date(wall - offsetMs(first, timeZone));
}

export interface EventInput {
	title: string;
	description: string | null;
	startsAt: string;
	endsAt: string;
	timeZone: string;
	place: string | null;
	onlineUrl: string | null;
	audience: EventAudience;
	capacity: number | null;
}

export type EventResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<keyof EventInput, Reason>> };

export async function createEvent(actor: Actor, input: EventInput): Promise<EventResult> {
	const startsAt = zonedInstant(input.startsAt, input.timeZone);
	const endsAt = zonedInstant(input.endsAt, input.timeZone);
	const errors: Partial<Record<keyof EventInput, Reason>> = {};
	if (endsAt <= startsAt) errors.endsAt = 'events_end_before_start';
	if (!input.place && !input.onlineUrl) errors.place = 'events_where_required';
	if (Object.keys(errors).length) return { ok: false, errors };
	const [created] = await db
		.insert(event)
		.values({ ...input, startsAt, endsAt, createdBy: actor.id })
		.returning({ id: event.id });
	return { ok: true, id: created!.id };
}

const goingCount = sql<number>`(select count(*)::int from ${eventRsvp} where ${eventRsvp.eventId} = ${outer(event.id)} and ${eventRsvp.status} = 'going')`;
const waitingCount = sql<number>`(select count(*)::int from ${eventRsvp} where ${eventRsvp.eventId} = ${outer(event.id)} and ${eventRsvp.status} = 'waiting')`;
const myStatus = (viewerId: string | Placeholder) =>
	sql<RsvpStatus | null>`(select ${eventRsvp.status} from ${eventRsvp} where ${eventRsvp.eventId} = ${outer(event.id)} and ${eventRsvp.personId} = ${viewerId})`;

const columns = (viewerId: string | Placeholder) => ({
	id: event.id,
	title: event.title,
	description: event.description,
	startsAt: event.startsAt,
	endsAt: event.endsAt,
	timeZone: event.timeZone,
	place: event.place,
	onlineUrl: event.onlineUrl,
	audience: event.audience,
	capacity: event.capacity,
	going: goingCount,
	waiting: waitingCount,
	myStatus: myStatus(viewerId)
});

// Built once per audience list, direction and length (written in: `literalCount`): building the
// two selects anew cost half a millisecond of node time on every /events page.
const eventList = preparedShapes(
	(shape: { audiences: readonly EventAudience[] | null; when: 'upcoming' | 'past'; limit: number }) => `${shape.audiences?.join(',') ?? 'all'}:${shape.when}:${shape.limit}`,
	(database, { audiences, when, limit }) => {
		const now = sql.placeholder('now');
		return database
			.select(columns(sql.placeholder('viewer')))
			.from(event)
			.where(and(eventAudienceFilter(audiences), when === 'upcoming' ? gte(event.endsAt, now) : lt(event.endsAt, now)))
			.orderBy(when === 'upcoming' ? asc(event.startsAt) : desc(event.startsAt))
			.limit(literalCount(limit))
			.prepare(`events_${when}_${audiences?.join('_') ?? 'all'}_${limit}`);
	}
);

/** Upcoming (soonest first) or past (latest first) events the actor is in the audience of. */
export async function listEvents(actor: Actor, when: 'upcoming' | 'past', now = new Date(), limit = 50) {
	return eventList({ audiences: eventAudiences(actor), when, limit }).execute({ viewer: actor.id, now: now.toISOString() });
}

/** One event, or null when it does not exist or the actor is not in its audience (the page says 404). */
export async function getEvent(actor: Actor, id: string) {
	if (!isId(id)) return null;
	const [row] = await db.select(columns(actor.id)).from(event).where(eq(event.id, id));
	return row && can(actor, 'event.view', row) ? row : null;
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** Who comes and who waits, for HR: in the order they answered. */
export async function eventAttendees(id: string) {
	return db
		.select({ id: person.id, name: person.name, status: eventRsvp.status })
		.from(eventRsvp)
		.innerJoin(person, eq(person.id, eventRsvp.personId))
		.where(eq(eventRsvp.eventId, id))
		.orderBy(asc(eventRsvp.createdAt), asc(person.name));
}

/** Locks the event for the rest of the transaction: RSVPs and cancellations of one event queue up here. */
async function lockedEvent(tx: Executor, actor: Actor, id: string) {
	if (!isId(id)) return null;
	const [row] = await tx.select().from(event).where(eq(event.id, id)).for('update');
	return row && can(actor, 'event.view', row) ? row : null;
}

async function countGoing(tx: Executor, id: string): Promise<number> {
	const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(eventRsvp).where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.status, 'going')));
	return row?.count ?? 0;
}

export type RsvpResult = { ok: true; status: RsvpStatus } | { ok: false; reason: 'not_found' | 'events_started' };

/**
 * Going while there is room, else on the waitlist. The event row is locked, so parallel answers
 * are counted one after another and the capacity holds.
 */
export async function rsvp(actor: Actor, id: string, now = new Date()): Promise<RsvpResult> {
	return db.transaction(async (tx) => {
		const found = await lockedEvent(tx, actor, id);
		if (!found) return { ok: false, reason: 'not_found' } as const;
		if (found.startsAt <= now) return { ok: false, reason: 'events_started' } as const;
		const [already] = await tx.select({ status: eventRsvp.status }).from(eventRsvp).where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.personId, actor.id)));
		if (already) return { ok: true, status: already.status } as const;
		const status: RsvpStatus = found.capacity === null || (await countGoing(tx, id)) < found.capacity ? 'going' : 'waiting';
		await tx.insert(eventRsvp).values({ eventId: id, personId: actor.id, status });
		return { ok: true, status } as const;
	});
}

/** Cancelling frees the place for the first on the waitlist, who is told by email. */
export async function cancelRsvp(actor: Actor, id: string, meta: Pick<RequestMeta, 'origin'>): Promise<boolean> {
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const found = await lockedEvent(tx, actor, id);
		if (!found) return false;
		const [removed] = await tx
			.delete(eventRsvp)
			.where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.personId, actor.id)))
			.returning({ status: eventRsvp.status });
		if (removed?.status !== 'going' || (found.capacity !== null && (await countGoing(tx, id)) >= found.capacity)) return true;
		const [next] = await tx
			.select({ personId: eventRsvp.personId, email: person.email, locale: person.locale })
			.from(eventRsvp)
			.innerJoin(person, eq(person.id, eventRsvp.personId))
			.where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.status, 'waiting')))
			.orderBy(asc(eventRsvp.createdAt))
			.limit(1);
		if (!next) return true;
		await tx.update(eventRsvp).set({ status: 'going' }).where(and(eq(eventRsvp.eventId, id), eq(eventRsvp.personId, next.personId)));
		await queueEmail(tx, {
			to: next.email,
			personId: next.personId,
			purpose: 'event_promoted',
			...eventPromotedEmail(recipientLocale(next.locale, organisation.defaultLocale), { organisation: organisation.name, title: found.title, link: `${meta.origin}/events/${id}` })
		});
		return true;
	});
}

type Calendared = Pick<EventDetail, 'id' | 'title' | 'description' | 'onlineUrl' | 'place' | 'startsAt' | 'endsAt'>;

/** An event as a calendar entry: the same uid in its own file and in a person's feed. */
function eventEntry(detail: Calendared, origin: string): CalendarEntry {
	return {
		uid: `${detail.id}@kring`,
		title: detail.title,
		description: [detail.description, detail.onlineUrl].filter(Boolean).join('\n\n') || undefined,
		location: detail.place ?? detail.onlineUrl ?? undefined,
		url: `${origin}/events/${detail.id}`,
		startsAt: detail.startsAt,
		endsAt: detail.endsAt
	};
}

/** The event as an iCalendar file. */
export function eventCalendar(detail: EventDetail, origin: string): string {
	return renderCalendar([eventEntry(detail, origin)], detail.title);
}

/** For a person's calendar feed: the events they go to and may still see, from `since` on. */
export async function goingEventEntries(actor: Actor, origin: string, since: Date, limit = 500): Promise<CalendarEntry[]> {
	const rows = await db
		.select({ id: event.id, title: event.title, description: event.description, onlineUrl: event.onlineUrl, place: event.place, startsAt: event.startsAt, endsAt: event.endsAt })
		.from(eventRsvp)
		.innerJoin(event, eq(event.id, eventRsvp.eventId))
		.where(and(eq(eventRsvp.personId, actor.id), eq(eventRsvp.status, 'going'), gte(event.endsAt, since), visibleEventsFilter(actor)))
		.orderBy(asc(event.startsAt))
		.limit(limit);
	return rows.map((row) => eventEntry(row, origin));
}

const reminderLeadMs = 24 * 60 * 60_000;

/**
 * The job's work: a reminder to everyone going to an event that starts within the next day and
 * who may still see it, once per answer. The mark is set by the same statement that picks the
 * answers, in the transaction that queues the mail: a parallel run waits on the row locks, then
 * finds them marked. Returns how many went out.
 */
export async function remindAttendees(now: Date, origin: string): Promise<number> {
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const due = await rawRows<{ person_id: string; email: string; locale: string | null; event_id: string; title: string; starts_at: string | Date; time_zone: string }>(
			tx,
			sql`update ${eventRsvp} set reminded = true
				from ${event}, ${person}
				where ${event.id} = ${eventRsvp.eventId} and ${person.id} = ${eventRsvp.personId}
					and ${eventRsvp.status} = 'going' and not ${eventRsvp.reminded} and ${person.status} = 'active' and ${eventViewerFilter(person)}
					and ${event.startsAt} > ${now.toISOString()}::timestamptz and ${event.startsAt} <= ${new Date(now.getTime() + reminderLeadMs).toISOString()}::timestamptz
				returning ${eventRsvp.personId} as person_id, ${person.email} as email, ${person.locale} as locale, ${event.id} as event_id, ${event.title} as title, ${event.startsAt} as starts_at, ${event.timeZone} as time_zone`
		);
		await queueEmails(
			tx,
			due.map((row) => {
				const locale = recipientLocale(row.locale, organisation.defaultLocale);
				const when = dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: row.time_zone, timeZoneName: 'short' }).format(new Date(row.starts_at));
				return {
					to: row.email,
					personId: row.person_id,
					purpose: 'event_reminder',
					...eventReminderEmail(locale, { organisation: organisation.name, title: row.title, when, link: `${origin}/events/${row.event_id}` })
				};
			})
		);
		return due.length;
	});
}
