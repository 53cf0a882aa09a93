import { m } from '$lib/paraglide/messages';
import { signature, type RenderedEmail } from '../mail/templates';
import type { Locale } from '../i18n';

export function exitSurveyEmail(locale: Locale, input: { organisation: string; name: string; link: string; days: number }): RenderedEmail {
	return {
		subject: m.alumni_email_survey_subject({ organisation: input.organisation }, { locale }),
		text: m.alumni_email_survey_body(input, { locale }) + signature(input.organisation, locale)
	};
}

export interface CheckInNews {
	months: number;
	events: string[];
	eventCount: number;
	joined: number;
	posts: number;
}

export function checkInEmail(locale: Locale, input: { organisation: string; name: string; profileLink: string; eventsLink: string; knowledgeLink: string } & CheckInNews): RenderedEmail {
	const lines = [
		input.eventCount ? m.alumni_email_checkin_events({ count: input.eventCount, link: input.eventsLink }, { locale }) + input.events.map((title) => `\n- ${title}`).join('') : null,
		input.posts ? m.alumni_email_checkin_posts({ count: input.posts, link: input.knowledgeLink }, { locale }) : null,
		input.joined ? m.alumni_email_checkin_joined({ count: input.joined }, { locale }) : null
	].filter(Boolean);
	return {
		subject: m.alumni_email_checkin_subject({ organisation: input.organisation }, { locale }),
		text:
			m.alumni_email_checkin_body({ name: input.name, organisation: input.organisation, months: input.months }, { locale }) +
			(lines.length ? `\n\n${m.alumni_email_checkin_news({}, { locale })}\n\n${lines.join('\n\n')}` : '') +
			`\n\n${m.alumni_email_checkin_profile({ link: input.profileLink }, { locale })}` +
			signature(input.organisation, locale)
	};
}

export function contactEmail(locale: Locale, input: { organisation: string; sender: string; body: string; replyLink: string; senderEmail: string | null }): RenderedEmail {
	return {
		subject: m.alumni_email_contact_subject({ sender: input.sender }, { locale }),
		text:
			m.alumni_email_contact_body({ sender: input.sender, organisation: input.organisation }, { locale }) +
			`\n\n${input.body}\n\n` +
			m.alumni_email_contact_reply({ link: input.replyLink }, { locale }) +
			(input.senderEmail ? `\n${m.alumni_email_contact_direct({ sender: input.sender, email: input.senderEmail }, { locale })}` : '') +
			signature(input.organisation, locale)
	};
}
