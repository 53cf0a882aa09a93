import { m } from '$lib/paraglide/messages';

/** Everything the audit log records. Names are stable: they are stored and filtered on. */
export const auditActions = [
	'auth.sign_in',
	'auth.sign_in_failed',
	'auth.sign_out_everywhere',
	'auth.password_changed',
	'auth.password_reset_requested',
	'auth.password_reset',
	'person.invited',
	'person.invitation_accepted',
	'person.updated',
	'person.roles_changed',
	'person.kind_changed',
	'person.email_changed',
	'person.deactivated',
	'person.reactivated',
	'people.imported',
	'org.unit_created',
	'org.unit_updated',
	'org.unit_moved',
	'org.unit_deleted',
	'partner.created',
	'partner.updated',
	'partner.deleted',
	'settings.updated',
	'alumni.offboarding_started',
	'alumni.offboarding_cancelled',
	'alumni.offboarding_completed',
	'alumni.joined',
	'alumni.consent_given',
	'alumni.consent_withdrawn'
] as const;
export type AuditAction = (typeof auditActions)[number];

const labels: Record<AuditAction, () => string> = {
	'auth.sign_in': m.audit_auth_sign_in,
	'auth.sign_in_failed': m.audit_auth_sign_in_failed,
	'auth.sign_out_everywhere': m.audit_auth_sign_out_everywhere,
	'auth.password_changed': m.audit_auth_password_changed,
	'auth.password_reset_requested': m.audit_auth_password_reset_requested,
	'auth.password_reset': m.audit_auth_password_reset,
	'person.invited': m.audit_person_invited,
	'person.invitation_accepted': m.audit_person_invitation_accepted,
	'person.updated': m.audit_person_updated,
	'person.roles_changed': m.audit_person_roles_changed,
	'person.kind_changed': m.audit_person_kind_changed,
	'person.email_changed': m.audit_person_email_changed,
	'person.deactivated': m.audit_person_deactivated,
	'person.reactivated': m.audit_person_reactivated,
	'people.imported': m.audit_people_imported,
	'org.unit_created': m.audit_org_unit_created,
	'org.unit_updated': m.audit_org_unit_updated,
	'org.unit_moved': m.audit_org_unit_moved,
	'org.unit_deleted': m.audit_org_unit_deleted,
	'partner.created': m.audit_partner_created,
	'partner.updated': m.audit_partner_updated,
	'partner.deleted': m.audit_partner_deleted,
	'settings.updated': m.audit_settings_updated,
	'alumni.offboarding_started': m.alumni_audit_offboarding_started,
	'alumni.offboarding_cancelled': m.alumni_audit_offboarding_cancelled,
	'alumni.offboarding_completed': m.alumni_audit_offboarding_completed,
	'alumni.joined': m.alumni_audit_joined,
	'alumni.consent_given': m.alumni_audit_consent_given,
	'alumni.consent_withdrawn': m.alumni_audit_consent_withdrawn
};

/** The action in the reader's language; unknown (older) names show as stored. */
export function auditActionLabel(action: string): string {
	return labels[action as AuditAction]?.() ?? action;
}
