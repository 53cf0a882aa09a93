import type { Actor } from '$lib/server/authz/actor';
import type { SessionInfo } from '$lib/server/auth/session';
import type { Locale } from '$lib/paraglide/runtime';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to support when something broke, to find it in the logs. */
			errorId?: string;
		}
		interface Locals {
			actor: Actor | null;
			session: SessionInfo | null;
			locale: Locale;
		}
	}
}

export {};
