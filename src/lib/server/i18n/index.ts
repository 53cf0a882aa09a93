import { AsyncLocalStorage } from 'node:async_hooks';
import type { Cookies } from '@sveltejs/kit';
import { isSecureContext } from '../auth/cookie';
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

const yearInSeconds = 365 * 24 * 60 * 60;

/** Remembers a language choice; not HttpOnly, since the browser-side runtime reads it when hydrating. */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: yearInSeconds, httpOnly: false, sameSite: 'lax', secure: isSecureContext(url) });
}
