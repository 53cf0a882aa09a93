import { m } from '$lib/paraglide/messages';
import { eventAudiences, type EventAudience } from './events';

const audienceLabels: Record<EventAudience, () => string> = {
	employees: m.events_audience_employees,
	alumni: m.events_audience_alumni,
	both: m.events_audience_both,
	partners: m.events_audience_partners
};

export const audienceLabel = (audience: string) => audienceLabels[audience as EventAudience]?.() ?? audience;
export const audienceOptions = () => eventAudiences.map((value) => ({ value, label: audienceLabel(value) }));
