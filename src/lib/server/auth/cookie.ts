import type { Cookies } from '@sveltejs/kit';

/** Plain http is fine on this machine only; everywhere else cookies are Secure. */
export function isSecureContext(url: URL): boolean {
	return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

/** `__Host-` binds the cookie to this exact host over https (no Domain, path /, Secure). */
export function sessionCookieName(url: URL): string {
	return isSecureContext(url) ? '__Host-kring_session' : 'kring_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureContext(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), { path: '/', secure: isSecureContext(url) });
}
