// The alumni network's vocabularies, shared by the tables, the forms and the pages.

/** Why someone left. HR-only, like rehire eligibility: never shown to the person, managers or alumni. */
export const leavingReasons = ['new_job', 'relocation', 'career_change', 'personal', 'end_of_contract', 'retirement', 'dismissal', 'other'] as const;
export type LeavingReason = (typeof leavingReasons)[number];

/** What an alumnus may share in the directory; each is shown only when chosen. */
export const sharedFields = ['formerUnit', 'years', 'employer', 'role', 'location', 'skills', 'openTo'] as const;
export type SharedField = (typeof sharedFields)[number];

/** The directory consent text's version; raise it when `alumni_consent_text` changes in meaning. */
export const consentVersion = '2026-11';

export const openToFlags = ['rehire', 'mentoring', 'referrals', 'speaking', 'introductions'] as const;
export type OpenToFlag = (typeof openToFlags)[number];

/** The exit survey's 0–10 questions, in the order answers store their scores. */
export const exitSurveyQuestions = ['recommend', 'manager', 'growth', 'workload', 'return'] as const;
export type ExitSurveyQuestion = (typeof exitSurveyQuestions)[number];

/** The leaver's own main reason, chosen in the anonymous exit survey (apart from HR's category). */
export const exitReasons = ['pay', 'growth', 'manager', 'workload', 'culture', 'flexibility', 'relocation', 'personal', 'other'] as const;
export type ExitReason = (typeof exitReasons)[number];

/** Check-ins go to alumni this many months after their last day. */
export const checkInMonths = [6, 13] as const;

/** Messages one person may send through the directory per day. */
export const contactsPerDay = 10;
