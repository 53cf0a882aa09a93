import { m } from '$lib/paraglide/messages';

/** Labels for the marketplace's stored vocabularies, in the reader's language. */
export const opportunityKindLabel = (kind: string) =>
	({
		project: m.opportunities_kind_project(),
		gig: m.opportunities_kind_gig(),
		rotation: m.opportunities_kind_rotation(),
		mentoring: m.opportunities_kind_mentoring(),
		role: m.opportunities_kind_role()
	})[kind] ?? kind;
export const opportunityKindOptions = () => ['project', 'gig', 'rotation', 'mentoring', 'role'].map((value) => ({ value, label: opportunityKindLabel(value) }));

export const opportunityAudienceLabel = (audience: string) =>
	({
		employees: m.opportunities_audience_employees(),
		employees_alumni: m.opportunities_audience_employees_alumni(),
		partners: m.opportunities_audience_partners()
	})[audience] ?? audience;
export const opportunityAudienceOptions = () => ['employees', 'employees_alumni', 'partners'].map((value) => ({ value, label: opportunityAudienceLabel(value) }));

export const applicationStatusLabel = (status: string) =>
	({ applied: m.opportunities_status_applied(), selected: m.opportunities_status_selected(), declined: m.opportunities_status_declined() })[status] ?? status;
