import type { Cookies } from '@sveltejs/kit';

const name = 'kring_flash';

/** A one-time message for the page after a redirect ("Invitation sent"); works without JavaScript. */
export function setFlash(cookies: Cookies, message: string): void {
	cookies.set(name, message, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(cookies: Cookies): string | null {
	const message = cookies.get(name);
	if (message) cookies.delete(name, { path: '/' });
	return message ?? null;
}
