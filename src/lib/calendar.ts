// Calendar feeds, shared by the table and the pages: whose whereabouts a secret address carries.

/** `person`: my own arrangements and the events I go to; `team`: where my team works. */
export const calendarFeedScopes = ['person', 'team'] as const;
export type CalendarFeedScope = (typeof calendarFeedScopes)[number];
