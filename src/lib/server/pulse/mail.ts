import { m } from '$lib/paraglide/messages';
import { signature, type RenderedEmail } from '../mail/templates';
import type { Locale } from '../i18n';

interface PulseMailInput {
	organisation: string;
	survey: string;
	link: string;
	closesOn: string;
}

export function pulseInvitationEmail(locale: Locale, input: PulseMailInput): RenderedEmail {
	return {
		subject: m.pulse_email_invitation_subject({ survey: input.survey }, { locale }),
		text: m.pulse_email_invitation_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export function pulseReminderEmail(locale: Locale, input: PulseMailInput): RenderedEmail {
	return {
		subject: m.pulse_email_reminder_subject({ survey: input.survey }, { locale }),
		text: m.pulse_email_reminder_body(input, { locale }) + signature(input.organisation, locale)
	};
}
