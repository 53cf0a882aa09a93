import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in markdown is shown as text, and markdown-it refuses javascript:, vbscript: and most
// data: links itself; the sanitiser after it is the second lock, so that a parser bug alone never
// lets a script or an event handler through.
const parser = new MarkdownIt({ html: false, linkify: true, typographer: false });

const allowed: sanitizeHtml.IOptions = {
	allowedTags: [
		'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 's',
		'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
	],
	allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
	allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: ['https'] },
	allowProtocolRelative: false,
	// Links written by people go elsewhere: never pass the reader's page on, never rank them.
	transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) }
};

/** Markdown a person wrote, as HTML that is safe to put in a page. */
export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(parser.render(markdown), allowed);
}
