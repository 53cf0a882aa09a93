import { m } from '$lib/paraglide/messages';
import { vacancyAudiences, type ReferralStatus, type VacancyAudience } from './vacancies';

const audienceLabels: Record<VacancyAudience, () => string> = {
	employees: m.vacancies_audience_employees,
	alumni: m.vacancies_audience_alumni,
	public: m.vacancies_audience_public
};

const statusLabels: Record<ReferralStatus, () => string> = {
	submitted: m.vacancies_referral_submitted,
	in_process: m.vacancies_referral_in_process,
	hired: m.vacancies_referral_hired,
	not_hired: m.vacancies_referral_not_hired
};

export const vacancyAudienceLabel = (audience: string) => audienceLabels[audience as VacancyAudience]?.() ?? audience;
export const vacancyAudienceOptions = () => vacancyAudiences.map((value) => ({ value, label: vacancyAudienceLabel(value) }));
export const referralStatusLabel = (status: string) => statusLabels[status as ReferralStatus]?.() ?? status;
