import { m } from '$lib/paraglide/messages';
import { isLocale, baseLocale, type Locale } from '../i18n';

export interface RenderedEmail {
	subject: string;
	text: string;
}

/** Emails go out in the recipient's language, whatever the language of the request that caused them. */
export function recipientLocale(personLocale: string | null | undefined, fallback: string | null | undefined): Locale {
	if (personLocale && isLocale(personLocale)) return personLocale;
	if (fallback && isLocale(fallback)) return fallback;
	return baseLocale;
}

/** The closing line of every email; domains' templates end with it too. */
export const signature = (organisation: string, locale: Locale) => `\n\n-- \n${m.email_signature({ organisation }, { locale })}\n`;

export function invitationEmail(
	locale: Locale,
	input: { organisation: string; inviter: string; name: string; link: string; days: number }
): RenderedEmail {
	return {
		subject: m.email_invitation_subject({ organisation: input.organisation }, { locale }),
		text: m.email_invitation_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function passwordResetEmail(locale: Locale, input: { organisation: string; link: string; minutes: number }): RenderedEmail {
	return {
		subject: m.email_reset_subject({ organisation: input.organisation }, { locale }),
		text: m.email_reset_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function passwordChangedEmail(locale: Locale, input: { organisation: string; resetLink: string }): RenderedEmail {
	return {
		subject: m.email_password_changed_subject({ organisation: input.organisation }, { locale }),
		text: m.email_password_changed_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function alumniInvitationEmail(locale: Locale, input: { organisation: string; name: string; link: string; days: number }): RenderedEmail {
	return {
		subject: m.alumni_email_invitation_subject({ organisation: input.organisation }, { locale }),
		text: m.alumni_email_invitation_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function eventPromotedEmail(locale: Locale, input: { organisation: string; title: string; link: string }): RenderedEmail {
	return {
		subject: m.events_email_promoted_subject({ title: input.title }, { locale }),
		text: m.events_email_promoted_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function referralHiredEmail(locale: Locale, input: { organisation: string; name: string; candidate: string; title: string; link: string }): RenderedEmail {
	return {
		subject: m.vacancies_email_hired_subject({ candidate: input.candidate }, { locale }),
		text: m.vacancies_email_hired_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function eventReminderEmail(locale: Locale, input: { organisation: string; title: string; when: string; link: string }): RenderedEmail {
	return {
		subject: m.events_email_reminder_subject({ title: input.title }, { locale }),
		text: m.events_email_reminder_body(input, { locale }) + signature(input.organisation, locale)
	};
}
