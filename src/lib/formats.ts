const made = new Map<string, unknown>();

/**
 * An Intl formatter, made once per kind, locale and options: building one costs far more than
 * formatting with it, and a page of dates or numbers would otherwise build one per value.
 * Paraglide's generated message registry is rewritten at build time to use it too (vite.config.ts).
 */
export function intlFormatter<F>(Formatter: new (locale: string, options?: never) => F, locale: string, options: object = {}): F {
	const key = `${Formatter.name}|${locale}|${JSON.stringify(options)}`;
	let format = made.get(key) as F | undefined;
	if (!format) made.set(key, (format = new Formatter(locale, options as never)));
	return format;
}

export const dateTimeFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => intlFormatter(Intl.DateTimeFormat, locale, options);
export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat => intlFormatter(Intl.NumberFormat, locale, options);

const ranges = new Map<string, string>();
const maxRanges = 5000;

/**
 * `formatRange`, remembered: ICU's interval formatting costs ten times a plain format (~20 µs), and
 * every visitor of the events pages sees the same few ranges. Bounded, so odd ranges cannot grow it.
 */
export function dateRange(locale: string, options: Intl.DateTimeFormatOptions, start: Date, end: Date): string {
	const key = `${locale}|${JSON.stringify(options)}|${start.getTime()}|${end.getTime()}`;
	let text = ranges.get(key);
	if (text === undefined) {
		if (ranges.size >= maxRanges) ranges.clear();
		ranges.set(key, (text = dateTimeFormat(locale, options).formatRange(start, end)));
	}
	return text;
}

/** The calendar date at `at` in a time zone, as YYYY-MM-DD: rounds, bounds and check-ins go by the organisation's calendar. */
export function calendarDate(timeZone: string, at = new Date()): string {
	return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
