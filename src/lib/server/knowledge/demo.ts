import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { partnerOrg, person } from '../db/schema';
import { createRandom } from '../demo';
import { renderMarkdown } from './markdown';
import { comment, post, space, spaceModerator, spacePartner, type PostKind, type SpaceAudience } from './schema';

// Multi-row inserts stay far below PostgreSQL's parameter limit at this size.
const chunkSize = 500;

interface SpaceSpec {
	slug: string;
	name: string;
	description: string;
	audience: SpaceAudience;
	includeAlumni?: boolean;
	/** Partner organisations by name. */
	partners?: string[];
	topics: string[];
}

const spaceSpecs: SpaceSpec[] = [
	{ slug: 'platform', name: 'Platform & Kubernetes', description: 'Clusters, pipelines and keeping the platform boring.', audience: 'employees', topics: ['kubernetes', 'terraform', 'ci', 'observability'] },
	{ slug: 'security', name: 'Security champions', description: 'Threats, patches and secure defaults.', audience: 'employees', topics: ['security', 'patching', 'phishing', 'soc'] },
	{ slug: 'craft', name: 'Software craft', description: 'Code, tests and design, with the alumni who taught us.', audience: 'alumni', topics: ['typescript', 'testing', 'dotnet', 'architecture'] },
	{ slug: 'careers', name: 'Careers & mentoring', description: 'Growth paths, mentoring and life after Noorderlicht.', audience: 'alumni', topics: ['mentoring', 'career', 'learning', 'certification'] },
	{ slug: 'azure-fjord', name: 'Azure with Fjord', description: 'Landing zones and cloud migrations with Fjord Cloud Partners.', audience: 'partners', partners: ['Fjord Cloud Partners'], topics: ['azure', 'landing-zone', 'migration', 'cost'] },
	{ slug: 'delivery-deltawerk', name: 'Delivery with Deltawerk', description: 'Projects and change management with Deltawerk Consulting.', audience: 'partners', partners: ['Deltawerk Consulting'], includeAlumni: true, topics: ['project', 'change', 'agile', 'planning'] },
	{ slug: 'data', name: 'Data & AI', description: 'Dashboards, pipelines and machine learning.', audience: 'employees', topics: ['data', 'powerbi', 'python', 'ml'] },
	{ slug: 'open', name: 'Open Noorderlicht', description: 'What we share with everyone: talks, tips and open source.', audience: 'public', topics: ['opensource', 'talks', 'accessibility', 'community'] }
];

const english = {
	question: ['How do you handle {t} in a small team?', 'What is the best way to start with {t}?', 'Who has experience with {t} at a client?', 'Why does our {t} setup keep failing on Mondays?'],
	article: ['What we learned from a year of {t}', 'A practical guide to {t}', 'Five mistakes with {t} and how to avoid them', 'Our {t} checklist, revisited'],
	link: ['Good read on {t}', 'Talk recording: {t} in practice', 'Handy {t} cheat sheet'],
	body: [
		'We tried **{t}** on two projects this quarter. The short version: start small, write down the decisions, and ask for help early.',
		'Does anyone have a working example for {t}? I am stuck on the configuration and the documentation is thin.',
		'Sharing our notes on {t}:\n\n- keep it simple\n- automate the boring parts\n- review every change with a colleague',
		'After the last incident we looked at {t} again. The fix was small, but finding it took a day. Here is how we found it.'
	],
	answers: ['We had the same problem; pinning the version fixed it for us.', 'Ask Maarten, he set this up for the platform team.', 'Start with the official quick start and keep the defaults.', 'We wrote a runbook for this, I will link it here.'],
	replies: ['Thanks, that helped!', 'Same here.', 'Good point, I had not thought of that.']
};
const dutch = {
	question: ['Hoe pakken jullie {t} aan in een klein team?', 'Wat is de beste manier om met {t} te beginnen?', 'Wie heeft ervaring met {t} bij een klant?', 'Waarom faalt onze {t} steeds op maandag?'],
	article: ['Wat we leerden van een jaar {t}', 'Een praktische gids voor {t}', 'Vijf fouten met {t} en hoe je ze voorkomt', 'Onze checklist voor {t}, herzien'],
	link: ['Goed artikel over {t}', 'Opname van de talk: {t} in de praktijk', 'Handig spiekbriefje voor {t}'],
	body: [
		'We hebben **{t}** dit kwartaal op twee projecten geprobeerd. Kort gezegd: begin klein, schrijf de beslissingen op en vraag op tijd om hulp.',
		'Heeft iemand een werkend voorbeeld voor {t}? Ik loop vast op de configuratie en de documentatie is mager.',
		'Onze aantekeningen over {t}:\n\n- houd het eenvoudig\n- automatiseer het saaie werk\n- laat elke wijziging door een collega bekijken',
		'Na het laatste incident hebben we opnieuw naar {t} gekeken. De oplossing was klein, maar het zoeken kostte een dag.'
	],
	answers: ['Wij hadden hetzelfde probleem; de versie vastzetten loste het op.', 'Vraag het Maarten, hij heeft dit voor het platformteam opgezet.', 'Begin met de officiële quick start en houd de standaardinstellingen.', 'We hebben hier een runbook voor geschreven, ik zet de link erbij.'],
	replies: ['Bedankt, dat hielp!', 'Hier hetzelfde.', 'Goed punt, daar had ik niet aan gedacht.']
};

const postsPerSpace = 50;
const demoNow = Date.parse('2026-10-30T12:00:00Z');
const hourMs = 3_600_000;

type Random = ReturnType<typeof createRandom>;
type SeededSpace = SpaceSpec & { id: string };
interface Writer {
	id: string;
	kind: string;
	partnerOrgId: string | null;
	email: string;
}

/** Knowledge spaces over every audience, ~400 posts in English and Dutch with answers and replies. */
export async function seedKnowledgeDemo(executor: Executor): Promise<void> {
	const random = createRandom(0x6b6e6f77);
	const people = await writers(executor);
	const partners = await executor.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg);
	const partnerId = (name: string) => partners.find((partner) => partner.name === name)?.id;
	const manager = people.find((candidate) => candidate.email === 'manager@noorderlicht.example');

	const spaces = spaceSpecs.map((spec) => ({ ...spec, id: randomUUID() }));
	await executor.insert(space).values(
		spaces.map((spec) => ({ id: spec.id, slug: spec.slug, name: spec.name, description: spec.description, audience: spec.audience, includeAlumni: spec.includeAlumni ?? false }))
	);
	const shares = spaces.flatMap((spec) => (spec.partners ?? []).map((name) => ({ spaceId: spec.id, partnerOrgId: partnerId(name)! })));
	if (shares.length) await executor.insert(spacePartner).values(shares);
	if (manager) await executor.insert(spaceModerator).values(spaces.map((spec) => ({ spaceId: spec.id, personId: manager.id })));
	const partnerIds = new Map(spaces.map((spec) => [spec.id, (spec.partners ?? []).map((name) => partnerId(name))]));
	await insertPosts(executor, random, spaces, people, partnerIds, postsPerSpace);
}

/**
 * For the benchmark: `count` more posts (default 100k) spread over the demo's spaces, written by
 * the people already there. Run after `seedDemo` (and `seedLargeOrganisation`).
 */
export async function seedLargeKnowledge(executor: Executor, options: { count?: number } = {}): Promise<void> {
	const random = createRandom(0x6b6e6f78);
	const rows = await executor.select().from(space).orderBy(asc(space.slug));
	const spaces = rows.map((row) => ({ ...(spaceSpecs.find((spec) => spec.slug === row.slug) ?? { ...row, topics: ['notes'] }), id: row.id }));
	const shares = await executor.select().from(spacePartner);
	const partnerIds = new Map(spaces.map((spec) => [spec.id, shares.filter((share) => share.spaceId === spec.id).map((share) => share.partnerOrgId)]));
	// Every tenth person writes: plenty of authors without carrying 30k ids around per space.
	const people = (await writers(executor)).filter((writer, index) => index % 10 === 0 || writer.kind === 'partner');
	await insertPosts(executor, random, spaces, people, partnerIds, Math.ceil((options.count ?? 100_000) / spaces.length));
}

function writers(executor: Executor): Promise<Writer[]> {
	return executor
		.select({ id: person.id, kind: person.kind, partnerOrgId: person.partnerOrgId, email: person.email })
		.from(person)
		.where(eq(person.status, 'active'))
		.orderBy(asc(person.email));
}

async function insertPosts(
	executor: Executor,
	random: Random,
	spaces: SeededSpace[],
	people: Writer[],
	partnerIds: Map<string, (string | undefined)[]>,
	perSpace: number
): Promise<void> {
	const employees = people.filter((candidate) => candidate.kind === 'employee');
	const alumni = people.filter((candidate) => candidate.kind === 'alumni');
	// The texts come from a few templates: render each once.
	const rendered = new Map<string, string>();
	const html = (markdown: string) => rendered.get(markdown) ?? rendered.set(markdown, renderMarkdown(markdown)).get(markdown)!;
	const posts: (typeof post.$inferInsert)[] = [];
	const comments: (typeof comment.$inferInsert)[] = [];
	const accepted = new Map<string, string>();
	const flush = async () => {
		for (let start = 0; start < posts.length; start += chunkSize) await executor.insert(post).values(posts.slice(start, start + chunkSize));
		// Comments reference their post, and the post its accepted answer: answers go in, then the choice.
		for (let start = 0; start < comments.length; start += chunkSize) await executor.insert(comment).values(comments.slice(start, start + chunkSize));
		if (accepted.size) {
			await executor.execute(
				sql`update ${post} set accepted_comment_id = chosen.comment_id from (values ${sql.join(
					[...accepted].map(([postId, commentId]) => sql`(${postId}::uuid, ${commentId}::uuid)`),
					sql`, `
				)}) as chosen(post_id, comment_id) where ${post.id} = chosen.post_id`
			);
		}
		posts.length = 0;
		comments.length = 0;
		accepted.clear();
	};
	for (const spec of spaces) {
		// Who writes here: employees, plus whoever else the audience lets in. Some posts are by
		// people who have left since: they keep their name on them, shown as alumni.
		const shared = partnerIds.get(spec.id) ?? [];
		const writersHere = [
			...employees,
			...(spec.audience === 'alumni' || spec.includeAlumni || spec.audience === 'public' ? alumni : alumni.slice(0, 5)),
			...people.filter((candidate) => candidate.kind === 'partner' && shared.includes(candidate.partnerOrgId ?? undefined))
		];
		for (let index = 0; index < perSpace; index++) {
			const language = random.chance(0.55) ? 'nl' : 'en';
			const words = language === 'nl' ? dutch : english;
			const kind: PostKind = random.pick(['question', 'question', 'article', 'article', 'link']);
			const topic = random.pick(spec.topics);
			const body = random.pick(words.body).replaceAll('{t}', topic);
			const createdAt = new Date(demoNow - random.int(1, 24 * 300) * hourMs);
			const id = randomUUID();
			const answers = random.int(0, 3);
			const commentsBefore = comments.length;
			posts.push({
				id,
				spaceId: spec.id,
				authorId: random.pick(writersHere).id,
				kind,
				title: random.pick(words[kind]).replace('{t}', topic),
				body,
				bodyHtml: html(body),
				url: kind === 'link' ? `https://example.org/${spec.slug}/${topic}` : null,
				language,
				tags: [...new Set([topic, random.pick(spec.topics)])],
				createdAt,
				lastActivityAt: new Date(createdAt.getTime() + answers * hourMs)
			});
			for (let answer = 0; answer < answers; answer++) {
				const answerId = randomUUID();
				const text = random.pick(words.answers);
				const at = new Date(createdAt.getTime() + answer * hourMs);
				comments.push({ id: answerId, postId: id, authorId: random.pick(writersHere).id, body: text, bodyHtml: html(text), createdAt: at });
				if (random.chance(0.3)) {
					const reply = random.pick(words.replies);
					comments.push({ postId: id, parentId: answerId, authorId: random.pick(writersHere).id, body: reply, bodyHtml: html(reply), createdAt: at });
				}
				if (kind === 'question' && answer === 0 && random.chance(0.6)) accepted.set(id, answerId);
			}
			posts.at(-1)!.commentCount = comments.length - commentsBefore;
			if (posts.length >= 5 * chunkSize) await flush();
		}
	}
	await flush();
}
