import type { LayoutServerLoad } from './$types';
import { can, requireActor } from '$lib/server/authz';

// Navigation only: every page and action below checks its own permission.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals, url);
	return {
		adminNav: {
			people: can(actor, 'people.manage'),
			org: can(actor, 'org.manage'),
			partners: can(actor, 'partners.manage'),
			knowledge: can(actor, 'knowledge.spaces.manage'),
			offboarding: can(actor, 'offboarding.manage'),
			boomerangs: can(actor, 'alumni.rehire'),
			audit: can(actor, 'audit.view'),
			pulse: can(actor, 'pulse.manage'),
			outbox: can(actor, 'outbox.view'),
			settings: can(actor, 'settings.manage'),
			growth: can(actor, 'growth.framework.manage')
		}
	};
};
