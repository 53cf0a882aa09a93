// Calendar feeds: a secret address per person and scope that calendar apps subscribe to. What a
// feed holds comes from the domains (flexible work, events), decided anew at every fetch with the
// owner's rights of that moment.
import { and, eq, sql } from 'drizzle-orm';
import { db, prepared } from '../db';
import { calendarFeed, person } from '../db/schema';
import { issueToken, parseToken, secretMatches } from '../auth/tokens';
import { can, type Actor } from '../authz';
import { actorColumns } from '../authz/actor';
import { recordAudit } from '../audit';
import { recipientLocale } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import { arrangementEntries } from '../flex/calendar';
import { goingEventEntries } from '../events';
import { m } from '$lib/paraglide/messages';
import type { CalendarFeedScope } from '$lib/calendar';
import { feedDaysBack, renderCalendar } from './ics';

/** The address a calendar app subscribes to. */
export const feedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;

// /flex and /flex/team ask on every visit.
const feedsQuery = prepared((database) =>
	database.select({ scope: calendarFeed.scope, createdAt: calendarFeed.createdAt }).from(calendarFeed).where(eq(calendarFeed.personId, sql.placeholder('person'))).prepare('calendar_feeds_of')
);

/** Since when the person has a live feed of each scope (the address itself is never shown again). */
export async function feedsOf(personId: string): Promise<Partial<Record<CalendarFeedScope, Date>>> {
	const rows = await feedsQuery().execute({ person: personId });
	return Object.fromEntries(rows.map((row) => [row.scope, row.createdAt]));
}

/** A new secret address for the scope; one the person had stops working. Returned once, stored only as a hash. */
export async function issueFeed(actor: Actor, scope: CalendarFeedScope, meta: RequestMeta): Promise<string> {
	const issued = issueToken();
	await db.transaction(async (tx) => {
		const replaced = await tx.delete(calendarFeed).where(and(eq(calendarFeed.personId, actor.id), eq(calendarFeed.scope, scope))).returning({ id: calendarFeed.id });
		await tx.insert(calendarFeed).values({ id: issued.id, secretHash: issued.secretHash, personId: actor.id, scope });
		await recordAudit(tx, { actorId: actor.id, action: 'calendar.feed_created', target: { type: 'calendar_feed', id: issued.id, label: scope }, ip: meta.ip, details: { scope, replaced: replaced.length > 0 } });
	});
	return feedUrl(meta.origin, issued.token);
}

/** The address stops working at once; false when there was none. */
export async function revokeFeed(actor: Actor, scope: CalendarFeedScope, meta: RequestMeta): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [removed] = await tx.delete(calendarFeed).where(and(eq(calendarFeed.personId, actor.id), eq(calendarFeed.scope, scope))).returning({ id: calendarFeed.id });
		if (removed) await recordAudit(tx, { actorId: actor.id, action: 'calendar.feed_revoked', target: { type: 'calendar_feed', id: removed.id, label: scope }, ip: meta.ip, details: { scope } });
		return !!removed;
	});
}

/**
 * The calendar behind a secret address, or null (the route says 404) when the address is unknown,
 * revoked or wrong, or its owner may no longer have it: deactivated, or for a team's feed no
 * longer employed. Read with the owner's rights now, so it never shows what they may not see.
 */
export async function feedCalendar(token: string, origin: string, now = new Date()): Promise<string | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const [row] = await db
		.select({ secretHash: calendarFeed.secretHash, scope: calendarFeed.scope, ...actorColumns })
		.from(calendarFeed)
		.innerJoin(person, eq(person.id, calendarFeed.personId))
		.where(eq(calendarFeed.id, parsed.id));
	if (!row || !secretMatches(parsed.secret, row.secretHash) || row.status !== 'active') return null;
	const { secretHash: _hash, scope, status: _status, ...owner } = row;
	// Whether the owner manages anyone decides only who may make a team feed, not what one holds (their team, now).
	const actor: Actor = { ...owner, isManager: false };
	if (!can(actor, scope === 'person' ? 'calendar.feed.person' : 'flex.use')) return null;
	const locale = recipientLocale(owner.locale, (await getOrganisation()).defaultLocale);
	if (scope === 'team') return renderCalendar(await arrangementEntries(actor, 'team', origin, locale, now), m.calendar_feed_team_name({}, { locale }));
	const since = new Date(now.getTime() - feedDaysBack * 86_400_000);
	const [arrangements, events] = await Promise.all([
		can(actor, 'flex.use') ? arrangementEntries(actor, 'person', origin, locale, now) : [],
		goingEventEntries(actor, origin, since)
	]);
	return renderCalendar([...arrangements, ...events], m.calendar_feed_person_name({}, { locale }));
}
