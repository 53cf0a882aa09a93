// The opportunity marketplace: projects, gigs, rotations, mentoring asks and open roles, the
// applications to them and the explained match. Who sees which opportunity is authz's
// `opportunity.view` and `visibleOpportunitiesFilter`, nothing here. Routes import from here.
import { and, asc, desc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { m } from '$lib/paraglide/messages';
import { db, fieldsOf, isId, outer, paged, preparedShapes, type Executor } from '../db';
import { opportunity, opportunityApplication, opportunitySkill, person, personSkill, skill, type OpportunityAudience, type OpportunityKind } from '../db/schema';
import { can, opportunityReader, visibleOpportunitiesFilter, type Actor, type OpportunityReader } from '../authz';
import { recordAudit } from '../audit';
import { shortLivedByKey } from '../cache';
import { queueEmail } from '../mail/outbox';
import { recipientLocale, signature } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { GrowthResult } from '../growth/results';
import type { Asked } from '../growth/gaps';
import { matchOf, recommend } from './match';

export * from './match';

export interface OpportunityInput {
	kind: OpportunityKind;
	title: string;
	description: string;
	audience: OpportunityAudience;
	hoursPerWeek: number;
	startsOn: string;
	endsOn: string | null;
	/** Required skills with the proficiency asked; at least one. */
	skills: { skillId: string; proficiency: number }[];
}

export interface ApplicationInput {
	note: string;
	tellManager: boolean;
}

const notFound = { ok: false, reason: 'not_found', status: 404 } as const;
const closed = { ok: false, field: 'form', reason: 'opportunities_closed', status: 409 } as const;
const poster = alias(person, 'poster');
const pageSize = 20;

/** What a person brings: their own proficiencies, and the skills they want to grow. */
async function assessmentOf(personId: string) {
	const rows = await db
		.select({ skillId: personSkill.skillId, proficiency: personSkill.proficiency, wantToGrow: personSkill.wantToGrow })
		.from(personSkill)
		.where(eq(personSkill.personId, personId));
	return { current: new Map(rows.map((row) => [row.skillId, row.proficiency])), wanted: new Set(rows.filter((row) => row.wantToGrow).map((row) => row.skillId)) };
}

/** The required skills of these opportunities, as gap analysis reads them, per opportunity. */
async function askedOf(ids: readonly string[]): Promise<Map<string, Asked[]>> {
	const asked = new Map<string, Asked[]>();
	if (!ids.length) return asked;
	const rows = await db
		.select({ opportunityId: opportunitySkill.opportunityId, skillId: opportunitySkill.skillId, name: skill.name, expected: opportunitySkill.proficiency })
		.from(opportunitySkill)
		.innerJoin(skill, eq(skill.id, opportunitySkill.skillId))
		.where(inArray(opportunitySkill.opportunityId, [...ids]))
		.orderBy(asc(skill.name));
	for (const { opportunityId, ...row } of rows) asked.set(opportunityId, [...(asked.get(opportunityId) ?? []), row]);
	return asked;
}

const listColumns = {
	id: opportunity.id,
	kind: opportunity.kind,
	title: opportunity.title,
	audience: opportunity.audience,
	status: opportunity.status,
	hoursPerWeek: opportunity.hoursPerWeek,
	startsOn: opportunity.startsOn,
	endsOn: opportunity.endsOn,
	posterId: opportunity.posterId,
	posterName: poster.name,
	createdAt: opportunity.createdAt
};

type ListShape = { reader: OpportunityReader; byKind: boolean; firstPage: boolean };

// Built once per reader, with or without a kind, first page or later: the list is every visit's.
const listQuery = preparedShapes(
	({ reader, byKind, firstPage }: ListShape) => `${reader}:${byKind}:${firstPage}`,
	(database, { reader, byKind, firstPage }) => {
		// 'open' written in, so that the partial index on open ones fits every plan.
		const where = and(sql`${opportunity.status} = 'open'`, visibleOpportunitiesFilter(reader, sql.placeholder('self')), byKind ? eq(opportunity.kind, sql.placeholder('kind')) : undefined);
		// The page first, then its posters: joined before the limit, every open one met every person.
		const { posterName: _posterName, ...opportunityColumns } = listColumns;
		const page = paged(
			database.select(opportunityColumns).from(opportunity).where(where).orderBy(desc(opportunity.createdAt), desc(opportunity.id)).$dynamic(),
			pageSize,
			firstPage ? 0 : sql.placeholder('offset')
		).as('page');
		const name = `opportunities_${reader}_${byKind}_${firstPage}`;
		return {
			rows: database
				.select({ ...fieldsOf(page, Object.keys(opportunityColumns) as (keyof typeof opportunityColumns)[]), posterName: poster.name })
				.from(page)
				.innerJoin(poster, eq(poster.id, page.posterId))
				.orderBy(desc(page.createdAt), desc(page.id))
				.prepare(`${name}_page`),
			total: database.select({ count: sql<number>`count(*)::int` }).from(opportunity).where(where).prepare(`${name}_total`)
		};
	}
);

/** Open opportunities this person may see, newest first, a page at a time, with how many there are. */
export async function listOpportunities(actor: Actor, options: { kind?: OpportunityKind; page: number }) {
	const query = listQuery({ reader: opportunityReader(actor), byKind: !!options.kind, firstPage: options.page === 1 });
	const values = { self: actor.id, kind: options.kind, offset: (options.page - 1) * pageSize };
	const [rows, [total]] = await Promise.all([query.rows.execute(values), query.total.execute(values)]);
	return { opportunities: rows, total: total?.count ?? 0, pageSize };
}

/**
 * The candidates for my recommendations: open, for me to apply to, not applied to yet, and asking
 * at least one skill I assessed (anything else scores nothing and grows nothing of mine).
 */
async function candidatesFor(actor: Actor) {
	const rows = await db
		.select(listColumns)
		.from(opportunity)
		.innerJoin(poster, eq(poster.id, opportunity.posterId))
		.where(
			and(
				eq(opportunity.status, 'open'),
				visibleOpportunitiesFilter(actor),
				ne(opportunity.posterId, actor.id),
				sql`${opportunity.id} in (select ${opportunitySkill.opportunityId} from ${opportunitySkill} join ${personSkill} on ${personSkill.skillId} = ${opportunitySkill.skillId} where ${personSkill.personId} = ${actor.id})`,
				notExists(
					db
						.select({ one: sql`1` })
						.from(opportunityApplication)
						.where(and(eq(opportunityApplication.opportunityId, opportunity.id), eq(opportunityApplication.applicantId, actor.id)))
				)
			)
		);
	const asked = await askedOf(rows.map((row) => row.id));
	return rows.filter((row) => can(actor, 'opportunity.apply', row)).map((row) => ({ ...row, asked: asked.get(row.id) ?? [] }));
}

const recommendationLimit = 6;
/** Ranking every candidate is the page's cost: kept 30 s per person, forgotten on any change made here. */
const recommendations = shortLivedByKey(30_000, async (key) => {
	// The key is the actor itself (plain data): what it may see follows from its kind and roles.
	const actor = JSON.parse(key) as Actor;
	const [candidates, { current, wanted }] = await Promise.all([candidatesFor(actor), assessmentOf(actor.id)]);
	return recommend(candidates, current, wanted, recommendationLimit);
});

/** "Recommended for you": open opportunities ranked by my match and the skills I want to grow, each with why. */
export function recommendedFor(actor: Actor) {
	return recommendations.get(JSON.stringify(actor));
}

/** A change to opportunities, applications or someone's skills: recommendations are worked out again. */
export function forgetRecommendations(): void {
	recommendations.clear();
}

async function resourceOf(executor: Executor, id: string, lock = false) {
	if (!isId(id)) return null;
	const query = executor.select({ id: opportunity.id, posterId: opportunity.posterId, audience: opportunity.audience, status: opportunity.status, title: opportunity.title }).from(opportunity).where(eq(opportunity.id, id));
	const [row] = await (lock ? query.for('update') : query);
	return row ?? null;
}

/**
 * One opportunity for someone who may see it (else null: 404): what it asks, my match and my
 * application; for its poster also the applicants, each with their match explained.
 */
export async function getOpportunity(actor: Actor, id: string) {
	if (!isId(id)) return null;
	const [row] = await db
		.select({ ...listColumns, description: opportunity.description })
		.from(opportunity)
		.innerJoin(poster, eq(poster.id, opportunity.posterId))
		.where(eq(opportunity.id, id));
	if (!row || !can(actor, 'opportunity.view', row)) return null;
	const [asked, { current }, [mine]] = await Promise.all([
		askedOf([id]).then((map) => map.get(id) ?? []),
		assessmentOf(actor.id),
		db.select().from(opportunityApplication).where(and(eq(opportunityApplication.opportunityId, id), eq(opportunityApplication.applicantId, actor.id)))
	]);
	const applicants = can(actor, 'opportunity.manage', row) ? await applicantsOf(id, asked) : null;
	return { ...row, asked, match: matchOf(asked, current), application: mine ?? null, applicants, canApply: can(actor, 'opportunity.apply', row) };
}

/** The poster's view of the applicants: best match first, each score with its parts. */
async function applicantsOf(opportunityId: string, asked: Asked[]) {
	const applicant = alias(person, 'applicant');
	const rows = await db
		.select({
			id: opportunityApplication.id,
			applicantId: applicant.id,
			name: applicant.name,
			kind: applicant.kind,
			note: opportunityApplication.note,
			status: opportunityApplication.status,
			createdAt: opportunityApplication.createdAt
		})
		.from(opportunityApplication)
		.innerJoin(applicant, eq(applicant.id, opportunityApplication.applicantId))
		.where(eq(opportunityApplication.opportunityId, opportunityId))
		.orderBy(asc(opportunityApplication.createdAt));
	const levels = rows.length && asked.length
		? await db
				.select({ personId: personSkill.personId, skillId: personSkill.skillId, proficiency: personSkill.proficiency })
				.from(personSkill)
				.where(and(inArray(personSkill.personId, rows.map((row) => row.applicantId)), inArray(personSkill.skillId, asked.map((skill) => skill.skillId))))
		: [];
	return rows
		.map((row) => ({ ...row, match: matchOf(asked, new Map(levels.filter((level) => level.personId === row.applicantId).map((level) => [level.skillId, level.proficiency]))) }))
		.sort((a, b) => b.match.score - a.match.score || a.name.localeCompare(b.name));
}

/** What I posted (open and closed) with how many applied, and what I applied to. */
export async function listMine(actor: Actor) {
	const [posts, applications] = await Promise.all([
		db
			.select({ ...listColumns, applicants: sql<number>`(select count(*)::int from ${opportunityApplication} where ${opportunityApplication.opportunityId} = ${outer(opportunity.id)})` })
			.from(opportunity)
			.innerJoin(poster, eq(poster.id, opportunity.posterId))
			.where(eq(opportunity.posterId, actor.id))
			.orderBy(desc(opportunity.createdAt)),
		db
			.select({ ...listColumns, applicationStatus: opportunityApplication.status, appliedAt: opportunityApplication.createdAt })
			.from(opportunityApplication)
			.innerJoin(opportunity, eq(opportunity.id, opportunityApplication.opportunityId))
			.innerJoin(poster, eq(poster.id, opportunity.posterId))
			.where(eq(opportunityApplication.applicantId, actor.id))
			.orderBy(desc(opportunityApplication.createdAt))
	]);
	return { posts, applications };
}

/** Someone to email, in their own language. */
interface Recipient {
	id: string;
	name: string;
	email: string;
	locale: string | null;
}
const recipientColumns = { id: person.id, name: person.name, email: person.email, locale: person.locale };

async function managerOf(executor: Executor, personId: string): Promise<Recipient | null> {
	const manager = alias(person, 'manager');
	const [row] = await executor
		.select({ id: manager.id, name: manager.name, email: manager.email, locale: manager.locale })
		.from(person)
		.innerJoin(manager, eq(manager.id, person.managerId))
		.where(and(eq(person.id, personId), eq(manager.status, 'active')));
	return row ?? null;
}

type Organisation = Awaited<ReturnType<typeof getOrganisation>>;

/**
 * One email about an opportunity: subject and body from messages, with the link and the signature.
 * The organisation is read before the transaction: embedded PostgreSQL has one connection, which
 * the transaction holds.
 */
async function tell(executor: Executor, organisation: Organisation, to: Recipient, purpose: string, text: (locale: ReturnType<typeof recipientLocale>) => { subject: string; body: string }) {
	const locale = recipientLocale(to.locale, organisation.defaultLocale);
	const { subject, body } = text(locale);
	await queueEmail(executor, { to: to.email, personId: to.id, purpose, subject, text: body + signature(organisation.name, locale) });
}

/**
 * Posts an opportunity. An employee's manager hears of it (the time comes out of their team);
 * what HR posts is the organisation's own.
 */
export async function postOpportunity(actor: Actor, input: OpportunityInput, meta: { origin: string; ip: string | null }): Promise<GrowthResult> {
	if (!can(actor, 'opportunities.post')) return { ok: false, reason: 'not_found', status: 403 };
	const skillIds = input.skills.map((row) => row.skillId);
	const organisation = await getOrganisation();
	const result = await db.transaction(async (tx) => {
		const known = skillIds.length ? await tx.select({ id: skill.id }).from(skill).where(inArray(skill.id, skillIds)) : [];
		if (!known.length) return { ok: false, field: 'skills', reason: 'opportunities_skills_required' } as const;
		const knownIds = new Set(known.map((row) => row.id));
		const { skills, ...fields } = input;
		const [created] = await tx.insert(opportunity).values({ ...fields, posterId: actor.id }).returning({ id: opportunity.id });
		const id = created!.id;
		await tx.insert(opportunitySkill).values(skills.filter((row) => knownIds.has(row.skillId)).map((row) => ({ opportunityId: id, ...row })));
		await recordAudit(tx, { actorId: actor.id, action: 'opportunity.posted', target: { type: 'opportunity', id, label: input.title }, ip: meta.ip });
		const manager = actor.roles.includes('hr') ? null : await managerOf(tx, actor.id);
		if (manager)
			await tell(tx, organisation, manager, 'opportunities.posted', (locale) => ({
				subject: m.opportunities_email_posted_subject({ name: actor.name }, { locale }),
				body: m.opportunities_email_posted_body({ manager: manager.name, name: actor.name, title: input.title, hours: input.hoursPerWeek, link: `${meta.origin}/opportunities/${id}` }, { locale })
			}));
		return { ok: true, id } as const;
	});
	if (result.ok) forgetRecommendations();
	return result;
}

/** The poster closes an opportunity (no more applications or decisions) or opens it again. */
export async function setOpportunityOpen(actor: Actor, id: string, open: boolean, meta: { ip: string | null }): Promise<GrowthResult> {
	const result = await db.transaction(async (tx) => {
		const row = await resourceOf(tx, id, true);
		if (!row || !can(actor, 'opportunity.view', row)) return notFound;
		if (!can(actor, 'opportunity.manage', row)) return { ok: false, reason: 'opportunities_poster_only', status: 403 } as const;
		const status = open ? 'open' : 'closed';
		if (row.status === status) return { ok: true, id } as const;
		await tx.update(opportunity).set({ status }).where(eq(opportunity.id, id));
		await recordAudit(tx, { actorId: actor.id, action: open ? 'opportunity.reopened' : 'opportunity.closed', target: { type: 'opportunity', id, label: row.title }, ip: meta.ip });
		return { ok: true, id } as const;
	});
	if (result.ok) forgetRecommendations();
	return result;
}

/**
 * I apply, once. Confidential: my manager hears of it only when I tick "tell my manager" (or
 * later, when I am selected). The poster is told someone applied; the audit log (HR's) is not.
 */
export async function applyTo(actor: Actor, id: string, input: ApplicationInput, origin: string): Promise<GrowthResult> {
	const organisation = await getOrganisation();
	const result = await db.transaction(async (tx) => {
		const row = await resourceOf(tx, id);
		if (!row || !can(actor, 'opportunity.view', row)) return notFound;
		if (!can(actor, 'opportunity.apply', row)) return { ok: false, field: 'form', reason: 'opportunities_not_for_you', status: 403 } as const;
		if (row.status !== 'open') return closed;
		const [created] = await tx
			.insert(opportunityApplication)
			.values({ opportunityId: id, applicantId: actor.id, note: input.note, tellManager: input.tellManager })
			.onConflictDoNothing()
			.returning({ id: opportunityApplication.id });
		// Two at once: the unique index lets one in.
		if (!created) return { ok: false, field: 'form', reason: 'opportunities_already_applied', status: 409 } as const;
		const link = `${origin}/opportunities/${id}`;
		const [posterRow] = await tx.select(recipientColumns).from(person).where(eq(person.id, row.posterId));
		if (posterRow)
			await tell(tx, organisation, posterRow, 'opportunities.applied', (locale) => ({
				subject: m.opportunities_email_applied_subject({ title: row.title }, { locale }),
				body: m.opportunities_email_applied_body({ poster: posterRow.name, name: actor.name, title: row.title, link }, { locale })
			}));
		const manager = input.tellManager ? await managerOf(tx, actor.id) : null;
		if (manager)
			await tell(tx, organisation, manager, 'opportunities.applied_manager', (locale) => ({
				subject: m.opportunities_email_manager_applied_subject({ name: actor.name }, { locale }),
				body: m.opportunities_email_manager_applied_body({ manager: manager.name, name: actor.name, title: row.title, link }, { locale })
			}));
		return { ok: true, id: created.id } as const;
	});
	if (result.ok) forgetRecommendations();
	return result;
}

/**
 * The poster selects or declines an applicant. The opportunity row is locked, so a decision and
 * closing take turns; the first decision on an application wins. The applicant is told, and on
 * selection their manager too (the move is no longer theirs alone to keep quiet). Audited.
 */
export async function decideApplication(actor: Actor, opportunityId: string, applicationId: string, select: boolean, meta: { origin: string; ip: string | null }): Promise<GrowthResult> {
	if (!isId(applicationId) || !isId(opportunityId)) return notFound;
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const [application] = await tx.select().from(opportunityApplication).where(eq(opportunityApplication.id, applicationId));
		const row = application?.opportunityId === opportunityId ? await resourceOf(tx, opportunityId, true) : null;
		if (!application || !row || !can(actor, 'opportunity.manage', row)) return notFound;
		if (row.status !== 'open') return closed;
		const [decided] = await tx
			.update(opportunityApplication)
			.set({ status: select ? 'selected' : 'declined', decidedAt: sql`now()` })
			.where(and(eq(opportunityApplication.id, applicationId), eq(opportunityApplication.status, 'applied')))
			.returning({ id: opportunityApplication.id });
		if (!decided) return { ok: false, field: 'form', reason: 'opportunities_already_decided', status: 409 } as const;
		await recordAudit(tx, {
			actorId: actor.id,
			action: select ? 'opportunity.applicant_selected' : 'opportunity.applicant_declined',
			target: { type: 'opportunity', id: row.id, label: row.title },
			ip: meta.ip,
			details: { applicantId: application.applicantId }
		});
		const link = `${meta.origin}/opportunities/${row.id}`;
		const [applicant] = await tx.select(recipientColumns).from(person).where(eq(person.id, application.applicantId));
		if (applicant)
			await tell(tx, organisation, applicant, select ? 'opportunities.selected' : 'opportunities.declined', (locale) =>
				select
					? { subject: m.opportunities_email_selected_subject({ title: row.title }, { locale }), body: m.opportunities_email_selected_body({ name: applicant.name, title: row.title, link }, { locale }) }
					: { subject: m.opportunities_email_declined_subject({ title: row.title }, { locale }), body: m.opportunities_email_declined_body({ name: applicant.name, title: row.title, link }, { locale }) }
			);
		const manager = select && applicant ? await managerOf(tx, applicant.id) : null;
		if (manager && applicant && manager.id !== actor.id)
			await tell(tx, organisation, manager, 'opportunities.selected_manager', (locale) => ({
				subject: m.opportunities_email_manager_selected_subject({ name: applicant.name }, { locale }),
				body: m.opportunities_email_manager_selected_body({ manager: manager.name, name: applicant.name, title: row.title, link }, { locale })
			}));
		return { ok: true, id: applicationId } as const;
	});
}
