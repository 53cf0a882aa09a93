// The alumni network's vocabularies, shared by the tables, the forms and the pages.

/** Why someone left. HR-only, like rehire eligibility: never shown to the person, managers or alumni. */
export const leavingReasons = ['new_job', 'relocation', 'career_change', 'personal', 'end_of_contract', 'retirement', 'dismissal', 'other'] as const;
export type LeavingReason = (typeof leavingReasons)[number];

/** What an alumnus may share in the directory; each is shown only when chosen. */
export const sharedFields = ['formerUnit', 'employer', 'role', 'location', 'openTo'] as const;
export type SharedField = (typeof sharedFields)[number];

/** The directory consent text's version; raise it when `alumni_consent_text` changes in meaning. */
export const consentVersion = '2026-11';

export const openToFlags = ['rehire', 'mentoring', 'referrals', 'speaking', 'introductions'] as const;
export type OpenToFlag = (typeof openToFlags)[number];
