import { inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { event, eventRsvp, person, type EventAudience } from '../db/schema';
import { createRandom } from '../demo';

const day = 86_400_000;

interface DemoEvent {
	title: string;
	description: string;
	/** Days from today (upcoming) or from the demo's fixed date (past), at 16:00 UTC. */
	offsetDays: number;
	hours: number;
	place: string | null;
	onlineUrl: string | null;
	audience: EventAudience;
	capacity: number | null;
	guests: number;
}

const upcoming: DemoEvent[] = [
	{ title: 'Alumni reunion: Noorderlicht then and now', description: 'Drinks, a short talk on what changed, and old colleagues.', offsetDays: 10, hours: 3, place: 'Groningen office, roof terrace', onlineUrl: null, audience: 'both', capacity: 12, guests: 14 },
	{ title: 'Cloud architecture meet-up', description: 'Alumni at clients share what they run on Azure and AWS.', offsetDays: 24, hours: 2, place: null, onlineUrl: 'https://meet.example/cloud-meetup', audience: 'both', capacity: null, guests: 9 },
	{ title: 'Partner day: joint delivery', description: 'How we deliver with our partners.', offsetDays: 38, hours: 4, place: 'Amsterdam, Keizersgracht 100', onlineUrl: null, audience: 'partners', capacity: 40, guests: 3 }
];
const past: DemoEvent[] = [
	{ title: 'Summer barbecue', description: 'The yearly barbecue.', offsetDays: -120, hours: 4, place: 'Groningen office', onlineUrl: null, audience: 'employees', capacity: 80, guests: 20 },
	{ title: 'Alumni career evening', description: 'Alumni tell where their careers went.', offsetDays: -75, hours: 2, place: null, onlineUrl: 'https://meet.example/career', audience: 'both', capacity: null, guests: 12 },
	{ title: 'Security Operations open house', description: 'A look inside the SOC.', offsetDays: -40, hours: 2, place: 'Zwolle office', onlineUrl: null, audience: 'alumni', capacity: 15, guests: 10 },
	{ title: 'New year reception', description: 'Toast to the new year.', offsetDays: -300, hours: 3, place: 'Groningen office', onlineUrl: null, audience: 'both', capacity: null, guests: 18 }
];
const fixedDate = Date.parse('2026-10-30T16:00:00Z');

/** Three upcoming and four past events with RSVPs (a full one with a waitlist): two statements. */
export async function seedEventsDemo(executor: Executor, now = new Date()): Promise<void> {
	const random = createRandom(0x65766e74);
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16);
	const specs = [...upcoming.map((spec) => ({ spec, base: today })), ...past.map((spec) => ({ spec, base: fixedDate }))];
	const rows = await executor
		.insert(event)
		.values(
			specs.map(({ spec, base }) => ({
				title: spec.title,
				description: spec.description,
				startsAt: new Date(base + spec.offsetDays * day),
				endsAt: new Date(base + spec.offsetDays * day + spec.hours * 3_600_000),
				timeZone: 'Europe/Amsterdam',
				place: spec.place,
				onlineUrl: spec.onlineUrl,
				audience: spec.audience,
				capacity: spec.capacity
			}))
		)
		.returning({ id: event.id, audience: event.audience });
	const people = await executor
		.select({ id: person.id, kind: person.kind, email: person.email })
		.from(person)
		.where(inArray(person.status, ['active']));
	// Not the demo logins themselves: their pages start empty, ready to try an RSVP.
	const pool = people.filter((candidate) => !/^(employee|manager|hr|admin|alumni)@|^partner@partner/.test(candidate.email)).sort((a, b) => a.email.localeCompare(b.email));
	const kindsFor: Record<EventAudience, string[]> = { employees: ['employee'], alumni: ['alumni'], both: ['employee', 'alumni'], partners: ['partner'] };
	const rsvps = rows.flatMap((row, index) => {
		const spec = specs[index]!.spec;
		const candidates = pool.filter((candidate) => kindsFor[row.audience].includes(candidate.kind));
		const chosen = new Set<string>();
		while (chosen.size < Math.min(spec.guests, candidates.length)) chosen.add(random.pick(candidates).id);
		return [...chosen].map((personId, order) => ({
			eventId: row.id,
			personId,
			status: spec.capacity !== null && order >= spec.capacity ? ('waiting' as const) : ('going' as const),
			createdAt: new Date(now.getTime() - (spec.guests - order) * 3_600_000)
		}));
	});
	if (rsvps.length) await executor.insert(eventRsvp).values(rsvps);
}
