// iCalendar text from plain entries: what every calendar file and feed Kring serves is made of.
import { createEvents, type DateArray, type EventAttributes } from 'ics';

interface EntryBase {
	/** Stable across fetches, so that calendar apps update an entry instead of adding it again. */
	uid: string;
	title: string;
	description?: string;
	location?: string;
	url?: string;
	/** Whereabouts (working remotely) do not make anyone busy; being off does. */
	show?: 'free' | 'busy' | 'away';
}

/** Whole days, both included. */
export interface DayEntry extends EntryBase {
	startsOn: string;
	endsOn: string;
}

/** Those weekdays (ISO 1–7) of every week in the period, which may be open at the end. */
export interface WeeklyEntry extends EntryBase {
	startsOn: string;
	endsOn: string | null;
	weekdays: number[];
}

export interface TimedEntry extends EntryBase {
	startsAt: Date;
	endsAt: Date;
}

export type CalendarEntry = DayEntry | WeeklyEntry | TimedEntry;

/** A feed reaches this far back: enough for "where was I last month", without all of history. */
export const feedDaysBack = 90;

const dayMs = 86_400_000;
const dayArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
const ruleDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const isoWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

function attributes(entry: CalendarEntry): EventAttributes | null {
	const common = {
		uid: entry.uid,
		title: entry.title,
		description: entry.description,
		location: entry.location,
		url: entry.url,
		transp: entry.show === 'free' ? ('TRANSPARENT' as const) : ('OPAQUE' as const),
		busyStatus: entry.show === 'free' ? ('FREE' as const) : entry.show === 'away' ? ('OOF' as const) : ('BUSY' as const)
	};
	if ('startsAt' in entry) {
		return { ...common, start: entry.startsAt.getTime(), startInputType: 'utc', startOutputType: 'utc', end: entry.endsAt.getTime(), endInputType: 'utc', endOutputType: 'utc' };
	}
	if (!('weekdays' in entry)) return { ...common, start: dayArray(entry.startsOn), end: dayArray(nextDay(entry.endsOn)) };
	// A weekly rule starts on a day it matches: calendars count the first day as an occurrence.
	let first = entry.startsOn;
	for (let step = 0; step < 7 && !entry.weekdays.includes(isoWeekday(first)); step++) first = nextDay(first);
	if (!entry.weekdays.includes(isoWeekday(first)) || (entry.endsOn && first > entry.endsOn)) return null;
	const days = [...entry.weekdays].sort().map((day) => ruleDays[day - 1]).join(',');
	const until = entry.endsOn ? `;UNTIL=${entry.endsOn.replaceAll('-', '')}` : '';
	return { ...common, start: dayArray(first), end: dayArray(nextDay(first)), recurrenceRule: `FREQ=WEEKLY;BYDAY=${days}${until}` };
}

/** One calendar (a file or a feed) holding the entries; times in UTC, which every calendar app converts. */
export function renderCalendar(entries: CalendarEntry[], name: string): string {
	const events = entries.map(attributes).filter((event) => event !== null);
	const { error, value } = createEvents(events, { productId: 'kring', calName: name });
	if (error || value === null) throw error ?? new Error('No calendar');
	return value;
}

export const calendarHeaders = (filename?: string): Record<string, string> => ({
	'content-type': 'text/calendar; charset=utf-8',
	...(filename ? { 'content-disposition': `attachment; filename="${filename}"` } : {})
});
