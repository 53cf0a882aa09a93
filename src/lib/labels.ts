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

/** Knowledge: post kinds and who a space is for. */
export const postKindLabel = (kind: string) =>
	({ article: m.knowledge_kind_article(), question: m.knowledge_kind_question(), link: m.knowledge_kind_link() })[kind] ?? kind;
export const postKindOptions = () => options(['article', 'question', 'link'], postKindLabel);
export const audienceLabel = (audience: string, includeAlumni = false) =>
	({
		employees: m.knowledge_audience_employees(),
		alumni: m.knowledge_audience_alumni(),
		partners: includeAlumni ? m.knowledge_audience_partners_alumni() : m.knowledge_audience_partners(),
		public: m.knowledge_audience_public()
	})[audience] ?? audience;
export const audienceOptions = () => options(['employees', 'alumni', 'partners', 'public'], (audience) => audienceLabel(audience));
export const reactionLabel = (kind: string) =>
	({ like: m.knowledge_reaction_like(), thanks: m.knowledge_reaction_thanks(), insightful: m.knowledge_reaction_insightful() })[kind] ?? kind;
