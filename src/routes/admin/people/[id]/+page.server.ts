import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '$lib/paraglide/messages';
import { listAuditEvents } from '$lib/server/audit';
import { authorize, can } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm, refuseFor } from '$lib/server/forms';
import { getPerson, resendInvitation, setPersonActive, updatePerson } from '$lib/server/people';
import { listUnits } from '$lib/server/org';
import { listPartners } from '$lib/server/partners';
import { requestMeta } from '$lib/server/request-meta';
import { isRehireable } from '$lib/server/vacancies/rehire';
import { personSchema } from '$lib/schemas/people';
import { reasonMessage, type Reason } from '$lib/reasons';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'people.manage');
	const person = await getPerson(params.id);
	if (!person) error(404);
	if (!can(actor, 'person.manage', person)) error(403);
	const [units, partners, history] = await Promise.all([listUnits(), listPartners(), listAuditEvents({ targetId: person.id, limit: 10 })]);
	return {
		person: { ...person, managerEmail: person.managerEmail },
		units: units.map((unit) => ({ value: unit.id, label: unit.path })),
		partners: partners.map((partner) => ({ value: partner.id, label: partner.name })),
		history: history.events,
		canManageRoles: can(actor, 'roles.manage'),
		// Rehiring lives with the boomerangs (/admin/alumni); the alumnus's own page points there.
		canRehire: isRehireable(person) && can(actor, 'alumni.rehire'),
		isSelf: actor.id === person.id
	};
};

const statusOf = (reason: Reason | undefined) => (reason === 'not_found' ? 404 : reason === 'staff_admin_only' ? 403 : 400);

/** The access actions (deactivate, reactivate, resend) answer in their own box, not in the form. */
function refuseAccess(reason: Reason | undefined) {
	return fail(statusOf(reason), { accessError: reasonMessage(reason ?? 'invalid') });
}

/** Each action re-checks the permission: the page's load guard does not protect a POST. */
async function setActive(event: RequestEvent, active: boolean) {
	const actor = authorize(event.locals, event.url, 'people.manage');
	const result = await setPersonActive(actor, event.params.id, active, requestMeta(event));
	if (!result.ok) return refuseAccess(result.errors.person);
	setFlash(event.cookies, active ? m.flash_reactivated() : m.flash_deactivated());
	redirect(303, `/admin/people/${event.params.id}`);
}

export const actions: Actions = {
	save: async (event) => {
		const actor = authorize(event.locals, event.url, 'people.manage');
		const parsed = parseForm(personSchema, await event.request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await updatePerson(actor, event.params.id, parsed.data, requestMeta(event));
		if (!result.ok) return refuseFor(parsed.values, result.errors, statusOf(result.errors.person));
		setFlash(event.cookies, m.flash_saved());
		redirect(303, `/admin/people/${event.params.id}`);
	},
	deactivate: (event) => setActive(event, false),
	reactivate: (event) => setActive(event, true),
	resend: async (event) => {
		const actor = authorize(event.locals, event.url, 'people.manage');
		const result = await resendInvitation(actor, event.params.id, requestMeta(event));
		if (!result.ok) return refuseAccess(result.errors.person);
		setFlash(event.cookies, m.flash_invitation_resent());
		redirect(303, `/admin/people/${event.params.id}`);
	}
};
