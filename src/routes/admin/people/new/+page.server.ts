import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { invitePerson } from '$lib/server/people';
import { listUnits } from '$lib/server/org';
import { listPartners } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { personSchema } from '$lib/schemas/people';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = authorize(locals, url, 'people.manage');
	const [units, partners] = await Promise.all([listUnits(), listPartners()]);
	const partnerOrgId = url.searchParams.get('partner');
	return {
		person: {
			name: '',
			email: '',
			jobTitle: null,
			kind: partnerOrgId ? 'partner' : 'employee',
			roles: [],
			unitId: null,
			managerEmail: null,
			partnerOrgId,
			locale: null
		},
		units: units.map((unit) => ({ value: unit.id, label: unit.path })),
		partners: partners.map((partner) => ({ value: partner.id, label: partner.name })),
		canManageRoles: can(actor, 'roles.manage')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = authorize(event.locals, event.url, 'people.manage');
		const parsed = parseForm(personSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await invitePerson(actor, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors);
		setFlash(event.cookies, m.flash_invited({ email: parsed.data.email }));
		redirect(303, `/admin/people/${result.id}`);
	}
};
