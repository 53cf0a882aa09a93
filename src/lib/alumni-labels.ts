import { m } from '$lib/paraglide/messages';
import { exitReasons, leavingReasons, openToFlags, sharedFields, type ExitReason, type ExitSurveyQuestion, type LeavingReason, type OpenToFlag, type SharedField } from './alumni';

const reasonLabels: Record<LeavingReason, () => string> = {
	new_job: m.alumni_leaving_new_job,
	relocation: m.alumni_leaving_relocation,
	career_change: m.alumni_leaving_career_change,
	personal: m.alumni_leaving_personal,
	end_of_contract: m.alumni_leaving_end_of_contract,
	retirement: m.alumni_leaving_retirement,
	dismissal: m.alumni_leaving_dismissal,
	other: m.alumni_leaving_other
};
const openToLabels: Record<OpenToFlag, () => string> = {
	rehire: m.alumni_open_rehire,
	mentoring: m.alumni_open_mentoring,
	referrals: m.alumni_open_referrals,
	speaking: m.alumni_open_speaking,
	introductions: m.alumni_open_introductions
};
const sharedLabels: Record<SharedField, () => string> = {
	formerUnit: m.alumni_field_former_unit,
	employer: m.alumni_field_employer,
	years: m.alumni_field_years,
	role: m.alumni_field_role,
	location: m.alumni_field_location,
	skills: m.alumni_field_skills,
	openTo: m.alumni_field_open_to
};
const exitReasonLabels: Record<ExitReason, () => string> = {
	pay: m.alumni_exit_pay,
	growth: m.alumni_exit_growth,
	manager: m.alumni_exit_manager,
	workload: m.alumni_exit_workload,
	culture: m.alumni_exit_culture,
	flexibility: m.alumni_exit_flexibility,
	relocation: m.alumni_leaving_relocation,
	personal: m.alumni_leaving_personal,
	other: m.alumni_leaving_other
};
const exitQuestionLabels: Record<ExitSurveyQuestion, () => string> = {
	recommend: m.alumni_question_recommend,
	manager: m.alumni_question_manager,
	growth: m.alumni_question_growth,
	workload: m.alumni_question_workload,
	return: m.alumni_question_return
};

export const leavingReasonLabel = (reason: string) => reasonLabels[reason as LeavingReason]?.() ?? reason;
export const openToLabel = (flag: string) => openToLabels[flag as OpenToFlag]?.() ?? flag;
export const sharedFieldLabel = (field: string) => sharedLabels[field as SharedField]?.() ?? field;
export const leavingReasonOptions = () => leavingReasons.map((value) => ({ value, label: leavingReasonLabel(value) }));
export const openToOptions = () => openToFlags.map((value) => ({ value, label: openToLabel(value) }));
export const sharedFieldOptions = () => sharedFields.map((value) => ({ value, label: sharedFieldLabel(value) }));
export const exitReasonLabel = (reason: string) => exitReasonLabels[reason as ExitReason]?.() ?? reason;
export const exitQuestionLabel = (question: string) => exitQuestionLabels[question as ExitSurveyQuestion]?.() ?? question;
export const exitReasonOptions = () => exitReasons.map((value) => ({ value, label: exitReasonLabel(value) }));
