import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/authz';
import { getOrganisation } from '$lib/server/organisation';
import { takeFlash } from '$lib/server/flash';
import { themeCookieName, toTheme } from '$lib/theme';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	const { actor } = locals;
	const organisation = await getOrganisation();
	return {
		actor: actor && { id: actor.id, name: actor.name, kind: actor.kind, roles: actor.roles, isManager: actor.isManager },
		organisation: { name: organisation.name, timeZone: organisation.timeZone },
		locale: locals.locale,
		theme: toTheme(cookies.get(themeCookieName)),
		flash: takeFlash(cookies),
		nav: {
			people: can(actor, 'people.browse'),
			flex: can(actor, 'flex.use'),
			flexTeam: can(actor, 'flex.team'),
			growth: can(actor, 'growth.use'),
			opportunities: can(actor, 'opportunities.browse'),
			pulse: can(actor, 'pulse.answer'),
			xla: can(actor, 'xla.view'),
			insights: can(actor, 'insights.view'),
			// Alumni land on their network home; employees reach the directory.
			alumni: can(actor, 'alumni.home') ? '/alumni' : can(actor, 'alumni.directory') ? '/alumni/directory' : null,
			events: can(actor, 'events.browse'),
			admin: can(actor, 'people.manage') || can(actor, 'settings.manage') || can(actor, 'growth.framework.manage')
		}
	};
};
