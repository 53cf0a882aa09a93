import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { readConfig } from '$lib/server/config';
import { startKring, stopKring } from '$lib/server/startup';
import { installedDatabase } from '$lib/server/db';
import { validateSessionToken } from '$lib/server/auth/session';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from '$lib/server/auth/cookie';
import { localeCookieName, negotiateLocale, setLocaleCookie, withLocale } from '$lib/server/i18n';
import { demoLogins, demoPassword } from '$lib/server/demo';
import { getOrganisation } from '$lib/server/organisation';
import { themeCookieName, toTheme } from '$lib/theme';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	if (building) return;
	const config = readConfig();
	const { seeded, opened } = await startKring(config);
	process.once('sveltekit:shutdown', () => void stopKring());
	// A database handed in (tests) belongs to its owner, and so does the talking.
	if (!opened) return;
	const lines = [
		`Kring is running at ${config.origin}`,
		`Database: ${installedDatabase()?.driver === 'postgres' ? 'PostgreSQL' : `embedded (PGlite) in ${config.dataDir}`}`
	];
	if (seeded || (await getOrganisation()).isDemo) {
		lines.push(`Demo logins (password "${demoPassword}"):`, ...demoLogins.map((login) => `  ${login.role.padEnd(9)} ${login.email}`));
	}
	console.log(lines.join('\n'));
};

const yearInSeconds = 365 * 24 * 60 * 60;

export const handle: Handle = async ({ event, resolve }) => {
	const { cookies, url } = event;
	event.locals.actor = null;
	event.locals.session = null;
	const token = cookies.get(sessionCookieName(url));
	if (token) {
		const valid = await validateSessionToken(token);
		if (valid) {
			event.locals.actor = valid.actor;
			event.locals.session = valid.session;
			if (valid.renewed) setSessionCookie(cookies, url, token, valid.session.expiresAt);
		} else {
			deleteSessionCookie(cookies, url);
		}
	}

	const locale = negotiateLocale(event.request, event.locals.actor?.locale);
	event.locals.locale = locale;
	// The browser-side runtime reads the same cookie, so hydration speaks the language the server chose.
	if (cookies.get(localeCookieName) !== locale) setLocaleCookie(cookies, url, locale);
	const theme = toTheme(cookies.get(themeCookieName));

	const response = await withLocale(locale, url.origin, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%kring.lang%', locale).replace('%kring.theme%', theme)
		})
	);

	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('X-Frame-Options', 'DENY');
	// Invitation and reset links carry their token in the path: never send it to another site.
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Cross-Origin-Resource-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
	if (url.protocol === 'https:') headers.set('Strict-Transport-Security', `max-age=${yearInSeconds}; includeSubDomains`);
	// Pages for a signed-in person are theirs alone: no shared cache may keep them.
	if (event.locals.actor && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: m.error_404_title() };
	const errorId = crypto.randomUUID();
	console.error(`[kring] ${errorId} ${event.request.method} ${event.url.pathname}`, error);
	return { message: m.error_500_title(), errorId };
};
