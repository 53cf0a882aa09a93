/**
 * Intl formatters, made once per locale and options: building one costs far more than formatting
 * with it, and a page of dates or numbers would otherwise build one per value.
 */
function memoised<F>(create: (locale: string, options: object) => F) {
	const made = new Map<string, F>();
	return (locale: string, options: object = {}): F => {
		const key = `${locale}|${JSON.stringify(options)}`;
		let format = made.get(key);
		if (!format) made.set(key, (format = create(locale, options)));
		return format;
	};
}

export const dateTimeFormat: (locale: string, options?: Intl.DateTimeFormatOptions) => Intl.DateTimeFormat = memoised(
	(locale, options) => new Intl.DateTimeFormat(locale, options)
);
export const numberFormat: (locale: string, options?: Intl.NumberFormatOptions) => Intl.NumberFormat = memoised(
	(locale, options) => new Intl.NumberFormat(locale, options)
);

/** The calendar date at `at` in a time zone, as YYYY-MM-DD: rounds, bounds and check-ins go by the organisation's calendar. */
export function calendarDate(timeZone: string, at = new Date()): string {
	return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
