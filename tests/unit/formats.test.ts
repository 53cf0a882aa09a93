import { describe, expect, it } from 'vitest';
import { dateRange } from '$lib/formats';

const options = (timeZone: string): Intl.DateTimeFormatOptions => ({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });

describe('dateRange', () => {
	const start = new Date('2026-12-10T15:00:00Z');
	const end = new Date('2026-12-10T17:30:00Z');

	it('says what Intl says, for each locale, zone and end it is asked about', () => {
		for (const locale of ['en', 'nl']) {
			for (const timeZone of ['Europe/Amsterdam', 'America/New_York']) {
				for (const until of [end, new Date('2026-12-11T09:00:00Z')]) {
					// Twice: the second answer comes from what the first one kept.
					for (let round = 0; round < 2; round++) {
						expect(dateRange(locale, options(timeZone), start, until)).toBe(new Intl.DateTimeFormat(locale, options(timeZone)).formatRange(start, until));
					}
				}
			}
		}
	});

	it('keeps answering correctly once it has forgotten what it kept', () => {
		for (let minute = 0; minute < 5100; minute++) dateRange('en', options('UTC'), start, new Date(end.getTime() + minute * 60_000));
		expect(dateRange('nl', options('Europe/Amsterdam'), start, end)).toBe(new Intl.DateTimeFormat('nl', options('Europe/Amsterdam')).formatRange(start, end));
	});
});
