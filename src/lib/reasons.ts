import { m } from '$lib/paraglide/messages';

/**
 * Why the domain refused something. Server modules return these codes; pages show the message
 * next to the field it concerns.
 */
const messages = {
	required: m.validation_required,
	invalid: m.validation_invalid,
	invalid_email: m.validation_email,
	invalid_date: m.validation_date,
	invalid_choice: m.validation_choice,
	too_long: m.reason_too_long,
	not_found: m.reason_not_found,
	cycle: m.reason_cycle,
	duplicate: m.reason_duplicate,
	has_children: m.reason_has_children,
	has_members: m.reason_has_members,
	partner_has_members: m.reason_partner_has_members,
	email_taken: m.reason_email_taken,
	manager_not_found: m.reason_manager_not_found,
	manager_cycle: m.reason_manager_cycle,
	not_employee: m.reason_not_employee,
	partner_required: m.reason_partner_required,
	partner_not_found: m.reason_partner_not_found,
	unit_not_found: m.reason_unit_not_found,
	ambiguous_unit: m.reason_ambiguous_unit,
	not_invited: m.reason_not_invited,
	staff_admin_only: m.reason_staff_admin_only,
	last_admin: m.reason_last_admin,
	self_deactivate: m.reason_self_deactivate,
	file_too_large: m.reason_file_too_large,
	missing_columns: m.reason_missing_columns,
	no_rows: m.reason_no_rows,
	too_many_rows: m.reason_too_many_rows,
	malformed_row: m.reason_malformed_row,
	duplicate_in_file: m.reason_duplicate_in_file,
	knowledge_moderator_not_found: m.knowledge_reason_moderator_not_found,
	knowledge_not_question: m.knowledge_reason_not_question,
	knowledge_partners_required: m.knowledge_reason_partners_required,
	flex_in_past: m.flex_reason_in_past,
	flex_already_decided: m.flex_reason_already_decided,
	flex_beyond_ceiling: m.flex_reason_beyond_ceiling,
	flex_cannot_switch_off: m.flex_reason_cannot_switch_off,
	flex_never_stays_never: m.flex_reason_never_stays_never,
	flex_ceiling_stricter: m.flex_reason_ceiling_stricter,
	flex_started: m.flex_reason_started,
	flex_not_running: m.flex_reason_not_running,
	flex_end_in_past: m.flex_reason_end_in_past,
	flex_end_not_earlier: m.flex_reason_end_not_earlier,
	growth_owner_only: m.growth_reason_owner_only,
	growth_not_shareable: m.growth_reason_not_shareable,
	growth_no_capacity: m.growth_reason_no_capacity,
	growth_no_offer: m.growth_reason_no_offer,
	growth_already_requested: m.growth_reason_already_requested,
	growth_not_pending: m.growth_reason_not_pending,
	alumni_already_offboarding: m.alumni_reason_already_offboarding,
	alumni_self_offboard: m.alumni_reason_self_offboard,
	events_end_before_start: m.events_reason_end_before_start,
	events_where_required: m.events_reason_where_required,
	events_started: m.events_reason_started,
	pulse_min_group_lowered: m.pulse_reason_min_group_lowered,
	xla_measure_not_found: m.xla_reason_measure_not_found,
	xla_measure_computed: m.xla_reason_measure_computed,
	xla_already_rated: m.xla_reason_already_rated
} satisfies Record<string, () => string>;

export type Reason = keyof typeof messages;

export function reasonMessage(reason: Reason): string {
	return messages[reason]();
}
