// The events' vocabularies, shared by the tables, the forms and the pages.

export const eventAudiences = ['employees', 'alumni', 'both', 'partners'] as const;
export type EventAudience = (typeof eventAudiences)[number];

export const rsvpStatuses = ['going', 'waiting'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
