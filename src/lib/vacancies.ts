// The vacancies' vocabularies, shared by the tables, the forms and the pages.

/** Each audience widens the one before: employees only; employees and alumni; anyone, signed out too. */
export const vacancyAudiences = ['employees', 'alumni', 'public'] as const;
export type VacancyAudience = (typeof vacancyAudiences)[number];

export const vacancyStatuses = ['open', 'closed'] as const;
export type VacancyStatus = (typeof vacancyStatuses)[number];

export const referralStatuses = ['submitted', 'in_process', 'hired', 'not_hired'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Where HR may move a referral from each status; hired and not hired are final. */
export const referralMoves: Record<ReferralStatus, readonly ReferralStatus[]> = {
	submitted: ['in_process', 'not_hired'],
	in_process: ['hired', 'not_hired'],
	hired: [],
	not_hired: []
};
