import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	cookieName,
	extractLocaleFromRequestWithStrategies,
	isLocale,
	locales,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';

export { cookieName as localeCookieName, isLocale, locales, baseLocale, type Locale };

type Store = { locale: Locale; origin: string; messageCalls: Set<string> };
const storage = new AsyncLocalStorage<Store>();
overwriteServerAsyncLocalStorage(storage as never);

/**
 * The language of a request: the person's own choice when signed in, else the language cookie
 * (set by the switcher), else the browser's Accept-Language, else English.
 */
export function negotiateLocale(request: Request, personLocale: string | null | undefined): Locale {
	if (personLocale && isLocale(personLocale)) return personLocale;
	return extractLocaleFromRequestWithStrategies(request, ['cookie', 'preferredLanguage', 'baseLocale']);
}

/** Runs `fn` with every message function (`m.*`) answering in `locale`. */
export function withLocale<T>(locale: Locale, origin: string, fn: () => T): T {
	return storage.run({ locale, origin, messageCalls: new Set() }, fn);
}
