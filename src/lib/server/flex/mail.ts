import { m } from '$lib/paraglide/messages';
import type { ArrangementType } from '$lib/flex';
import type { Locale } from '../i18n';
import { signature, type RenderedEmail } from '../mail/templates';
import { typeLabel } from '$lib/flex-text';
import { dateTimeFormat } from '$lib/formats';

interface About {
	organisation: string;
	name: string;
	type: ArrangementType;
	link: string;
}

/** To the decider: a request beyond the bounds waits for them. */
export function pendingEmail(locale: Locale, input: About): RenderedEmail {
	const type = typeLabel(input.type, locale);
	return {
		subject: m.flex_email_pending_subject({ name: input.name, type }, { locale }),
		text: m.flex_email_pending_body({ ...input, type }, { locale }) + signature(input.organisation, locale)
	};
}

/** To the decider, a day before the deadline. */
export function reminderEmail(locale: Locale, input: About): RenderedEmail {
	const type = typeLabel(input.type, locale);
	return {
		subject: m.flex_email_reminder_subject({ name: input.name, type }, { locale }),
		text: m.flex_email_reminder_body({ ...input, type }, { locale }) + signature(input.organisation, locale)
	};
}

/** To the decider's own manager, once the deadline has passed. */
export function escalatedEmail(locale: Locale, input: About): RenderedEmail {
	const type = typeLabel(input.type, locale);
	return {
		subject: m.flex_email_escalated_subject({ name: input.name, type }, { locale }),
		text: m.flex_email_escalated_body({ ...input, type }, { locale }) + signature(input.organisation, locale)
	};
}

/** To the manager: the bounds approved a request of their report; nothing to do. */
export function informedEmail(locale: Locale, input: About): RenderedEmail {
	const type = typeLabel(input.type, locale);
	return {
		subject: m.flex_email_informed_subject({ name: input.name, type }, { locale }),
		text: m.flex_email_informed_body({ ...input, type }, { locale }) + signature(input.organisation, locale)
	};
}

/** To the person who asked: the decider's answer. */
export function decisionEmail(locale: Locale, input: { organisation: string; decider: string; type: ArrangementType; approved: boolean; note: string; link: string }): RenderedEmail {
	const type = typeLabel(input.type, locale);
	const values = { decider: input.decider, type, note: input.note || '—', link: input.link };
	return {
		subject: (input.approved ? m.flex_email_approved_subject : m.flex_email_declined_subject)({ type }, { locale }),
		text: (input.approved ? m.flex_email_approved_body : m.flex_email_declined_body)(values, { locale }) + signature(input.organisation, locale)
	};
}

/** A calendar date in the reader's language: "12 December 2026". */
const longDate = (iso: string, locale: Locale) => dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** An approved arrangement was ended early: to its decider when the person ended it (`own`), else to the person. */
export function endedEarlyEmail(locale: Locale, input: About & { own: boolean; endsOn: string }): RenderedEmail {
	const values = { name: input.name, type: typeLabel(input.type, locale), endsOn: longDate(input.endsOn, locale), link: input.link };
	return {
		subject: m.flex_email_ended_subject(values, { locale }),
		text: (input.own ? m.flex_email_ended_own_body : m.flex_email_ended_yours_body)(values, { locale }) + signature(input.organisation, locale)
	};
}

/** The review date is near: to the person (`own`) and to whoever decided it. */
export function reviewEmail(locale: Locale, input: About & { own: boolean; reviewOn: string }): RenderedEmail {
	const values = { name: input.name, type: typeLabel(input.type, locale), reviewOn: longDate(input.reviewOn, locale), link: input.link };
	return {
		subject: m.flex_email_review_subject(values, { locale }),
		text: (input.own ? m.flex_email_review_own_body : m.flex_email_review_decider_body)(values, { locale }) + signature(input.organisation, locale)
	};
}
