import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { checkbox, many, optionalText, page, requiredText } from './common';
import { postKinds, postLanguages, reactionKinds, spaceAudiences } from '$lib/server/knowledge/schema';

/** Slugs that are routes of their own under /knowledge. */
export const reservedSlugs = ['posts', 'new', 'bookmarks'];

export const spaceSchema = z.object({
	name: requiredText(80),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.refine((slug) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length >= 2 && slug.length <= 40 && !reservedSlugs.includes(slug), {
			error: () => m.knowledge_validation_slug()
		}),
	description: optionalText(500).transform((value) => value ?? ''),
	audience: z.enum(spaceAudiences),
	includeAlumni: checkbox,
	partnerOrgIds: many(z.uuid()),
	/** Email addresses, one per line or separated by commas. */
	moderators: z
		.string()
		.optional()
		.transform((value) =>
			(value ?? '')
				.split(/[\s,;]+/)
				.map((item) => item.trim().toLowerCase())
				.filter(Boolean)
		)
		.pipe(z.array(z.email()).max(20))
});
export type SpaceInput = z.output<typeof spaceSchema>;

/** What a space's moderators change after it is made; the address stays, links keep working. */
export const spaceDetailsSchema = spaceSchema.pick({ name: true, description: true, moderators: true });
export type SpaceDetailsInput = z.output<typeof spaceDetailsSchema>;

/** Who reads a space: HR and admins change it, after a preview. */
export const audienceSchema = spaceSchema.pick({ audience: true, includeAlumni: true, partnerOrgIds: true });
export type AudienceInput = z.output<typeof audienceSchema>;

const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u;

/** "Kubernetes, on-call  DevOps" → ["kubernetes", "on-call", "devops"]. */
const tags = z
	.string()
	.optional()
	.transform((value) => [...new Set((value ?? '').split(/[\s,]+/).map((tag) => tag.trim().toLowerCase().replace(/^#/, '')).filter(Boolean))])
	.refine((list) => list.length <= 8 && list.every((tag) => tagPattern.test(tag)), { error: () => m.knowledge_validation_tags() });

export const postSchema = z
	.object({
		kind: z.enum(postKinds),
		title: requiredText(160),
		body: z.string().trim().max(20_000).default(''),
		url: z
			.string()
			.trim()
			.max(500)
			.optional()
			.transform((value) => value || null)
			.pipe(z.url({ protocol: /^https?$/ }).nullable()),
		language: z.enum(postLanguages),
		tags
	})
	// A link post is its link; the others are their text.
	.superRefine((input, context) => {
		if (input.kind === 'link' && !input.url) context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['url'], input: '' });
		if (input.kind !== 'link' && !input.body) context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: ['body'], input: '' });
	})
	.transform((input) => ({ ...input, url: input.kind === 'link' ? input.url : null }));
export type PostInput = z.output<typeof postSchema>;

const optionalCommentId = z
	.string()
	.optional()
	.transform((value) => value || null)
	.pipe(z.uuid().nullable());

export const commentSchema = z.object({
	body: requiredText(10_000),
	parentId: optionalCommentId
});

export const acceptSchema = z.object({ commentId: z.uuid() });
export const reactSchema = z.object({ kind: z.enum(reactionKinds) });
/** Hiding, restoring and reporting are about the post, or one of its comments. */
export const hideSchema = z.object({ reason: requiredText(300), commentId: optionalCommentId });
export const restoreSchema = z.object({ commentId: optionalCommentId });
export const reportSchema = z.object({ reason: requiredText(300), commentId: optionalCommentId });

const optionalFilter = z
	.string()
	.trim()
	.max(200)
	.optional()
	.transform((value) => value || undefined);

export const feedQuerySchema = z.object({ page });
/** The feed's page, and whether the list of spaces shows archived ones too. */
export const knowledgeHomeQuerySchema = feedQuerySchema.extend({ archived: z.enum(['yes']).optional().catch(undefined) });
export const followTagSchema = z.object({ tag: z.string().trim().toLowerCase().regex(tagPattern) });

export const searchQuerySchema = z.object({
	q: optionalFilter,
	space: optionalFilter,
	kind: z.enum(postKinds).optional().catch(undefined),
	tag: optionalFilter.transform((value) => value?.toLowerCase().replace(/^#/, '')),
	author: z.uuid().optional().catch(undefined),
	answered: z.enum(['yes', 'no']).optional().catch(undefined),
	page
});
export type SearchQuery = z.output<typeof searchQuerySchema>;
