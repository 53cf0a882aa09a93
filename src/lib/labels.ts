import { m } from '$lib/paraglide/messages';

/** Labels for the stored vocabularies (kinds, roles, statuses), in the reader's language. */
export const kindLabel = (kind: string) => ({ employee: m.kind_employee(), alumni: m.kind_alumni(), partner: m.kind_partner() })[kind] ?? kind;
export const roleLabel = (role: string) => ({ hr: m.role_hr(), admin: m.role_admin() })[role] ?? role;
export const statusLabel = (status: string) =>
	({ invited: m.status_invited(), active: m.status_active(), deactivated: m.status_deactivated() })[status] ?? status;

const options = (values: string[], label: (value: string) => string) => values.map((value) => ({ value, label: label(value) }));
export const kindOptions = () => options(['employee', 'alumni', 'partner'], kindLabel);
export const roleOptions = () => options(['hr', 'admin'], roleLabel);
export const statusOptions = () => options(['invited', 'active', 'deactivated'], statusLabel);
export const localeOptions = () => [
	{ value: 'en', label: 'English' },
	{ value: 'nl', label: 'Nederlands' }
];
