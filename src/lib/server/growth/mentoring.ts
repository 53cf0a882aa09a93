import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { m } from '$lib/paraglide/messages';
import { db, isId, outer } from '../db';
import { growthPlan, mentorOffer, mentorOfferSkill, mentorship, mentorshipNote, person, personSkill, skill } from '../db/schema';
import { can, type Actor } from '../authz';
import { queueEmail } from '../mail/outbox';
import { recipientLocale, signature } from '../mail/templates';
import { getOrganisation } from '../organisation';
import { expectationsOf } from './framework';
import { gapAnalysis } from './gaps';
import { proficiencies } from './skills';
import type { GrowthResult } from './results';

export interface OfferInput {
	capacity: number;
	note: string;
	active: boolean;
	/** Offered at the level of the mentor's own assessment, which must be 3 or more. */
	skillIds: string[];
}

/** The lowest own level at which someone may offer a skill: they do it on their own. */
export const mentorMinimum = 3;

const notFound = { ok: false, reason: 'not_found', status: 404 } as const;
const today = () => new Date().toISOString().slice(0, 10);

/** Relationships that take a place of the mentor's capacity. */
const holdsAPlace = eq(mentorship.status, 'accepted');

export async function getOffer(personId: string) {
	const [offer] = await db.select().from(mentorOffer).where(eq(mentorOffer.personId, personId));
	if (!offer) return null;
	const skills = await db
		.select({ skillId: mentorOfferSkill.skillId, name: skill.name, proficiency: mentorOfferSkill.proficiency })
		.from(mentorOfferSkill)
		.innerJoin(skill, eq(skill.id, mentorOfferSkill.skillId))
		.where(eq(mentorOfferSkill.personId, personId))
		.orderBy(asc(skill.name));
	return { ...offer, skills };
}

/** Offers mentoring, or changes the offer: the skills listed replace those offered before. */
export async function saveOffer(actor: Actor, input: OfferInput): Promise<GrowthResult> {
	if (!can(actor, 'growth.use')) return { ok: false, reason: 'not_found', status: 403 };
	return db.transaction(async (tx) => {
		const skills = input.skillIds.length
			? await tx
					.select({ skillId: personSkill.skillId, proficiency: personSkill.proficiency })
					.from(personSkill)
					.where(and(eq(personSkill.personId, actor.id), inArray(personSkill.skillId, input.skillIds), gte(personSkill.proficiency, mentorMinimum)))
			: [];
		if (!skills.length) return { ok: false, field: 'skillIds', reason: 'required' } as const;
		await tx
			.insert(mentorOffer)
			.values({ personId: actor.id, capacity: input.capacity, note: input.note, active: input.active })
			.onConflictDoUpdate({ target: mentorOffer.personId, set: { capacity: input.capacity, note: input.note, active: input.active } });
		await tx.delete(mentorOfferSkill).where(eq(mentorOfferSkill.personId, actor.id));
		await tx.insert(mentorOfferSkill).values(skills.map((row) => ({ personId: actor.id, ...row })));
		return { ok: true, id: actor.id } as const;
	});
}

export interface Suggestion {
	mentorId: string;
	name: string;
	kind: string;
	note: string;
	/** Places left: capacity minus current mentees. */
	places: number;
	/** Why: per gap of mine the mentor covers, what they offer. */
	reasons: { skillId: string; skill: string; offered: number; gap: number; wantToGrow: boolean }[];
	score: number;
}

/**
 * My largest gaps: against the track levels my plans aim at (the largest gap per skill wins),
 * and the skills I want to grow (a gap of at least one step).
 */
export async function myGaps(actor: Actor): Promise<Map<string, { gap: number; wantToGrow: boolean }>> {
	const [targets, current, wanted] = await Promise.all([
		db.selectDistinct({ levelId: growthPlan.targetLevelId }).from(growthPlan).where(and(eq(growthPlan.ownerId, actor.id), sql`${growthPlan.targetLevelId} is not null`)),
		proficiencies(actor.id),
		db.select({ skillId: personSkill.skillId }).from(personSkill).where(and(eq(personSkill.personId, actor.id), eq(personSkill.wantToGrow, true)))
	]);
	const expectations = await expectationsOf(targets.flatMap((row) => (row.levelId ? [row.levelId] : [])));
	const gaps = new Map<string, { gap: number; wantToGrow: boolean }>();
	for (const gap of gapAnalysis(expectations, current)) {
		if (gap.gap > (gaps.get(gap.skillId)?.gap ?? 0)) gaps.set(gap.skillId, { gap: gap.gap, wantToGrow: false });
	}
	for (const { skillId } of wanted) gaps.set(skillId, { gap: Math.max(1, gaps.get(skillId)?.gap ?? 0), wantToGrow: true });
	return gaps;
}

const mentor = alias(person, 'mentor');
const mentee = alias(person, 'mentee');

/**
 * Mentors for my largest gaps, best first: a mentor covers a gap when they offer the skill above
 * my current level. The score is the sum of the gaps covered (a skill I want to grow adds one);
 * full mentors are left out. Every part of the score is in `reasons`.
 */
export async function suggestMentors(actor: Actor, limit = 10): Promise<Suggestion[]> {
	const [gaps, current] = await Promise.all([myGaps(actor), proficiencies(actor.id)]);
	if (!gaps.size) return [];
	const rows = await db
		.select({
			mentorId: mentorOffer.personId,
			name: mentor.name,
			kind: mentor.kind,
			note: mentorOffer.note,
			capacity: mentorOffer.capacity,
			taken: sql<number>`(select count(*)::int from ${mentorship} where ${mentorship.mentorId} = ${outer(mentorOffer.personId)} and ${holdsAPlace})`,
			skillId: mentorOfferSkill.skillId,
			skill: skill.name,
			offered: mentorOfferSkill.proficiency
		})
		.from(mentorOfferSkill)
		.innerJoin(mentorOffer, eq(mentorOffer.personId, mentorOfferSkill.personId))
		.innerJoin(mentor, eq(mentor.id, mentorOffer.personId))
		.innerJoin(skill, eq(skill.id, mentorOfferSkill.skillId))
		.where(
			and(
				inArray(mentorOfferSkill.skillId, [...gaps.keys()]),
				eq(mentorOffer.active, true),
				ne(mentorOffer.personId, actor.id),
				eq(mentor.status, 'active'),
				inArray(mentor.kind, ['employee', 'alumni'])
			)
		);
	const byMentor = new Map<string, Suggestion>();
	for (const row of rows) {
		const gap = gaps.get(row.skillId)!;
		if (row.offered <= (current.get(row.skillId) ?? 0) || row.taken >= row.capacity) continue;
		const suggestion = byMentor.get(row.mentorId) ?? { mentorId: row.mentorId, name: row.name, kind: row.kind, note: row.note, places: row.capacity - row.taken, reasons: [], score: 0 };
		suggestion.reasons.push({ skillId: row.skillId, skill: row.skill, offered: row.offered, gap: gap.gap, wantToGrow: gap.wantToGrow });
		suggestion.score += gap.gap + (gap.wantToGrow ? 1 : 0);
		byMentor.set(row.mentorId, suggestion);
	}
	return [...byMentor.values()]
		.map((suggestion) => ({ ...suggestion, reasons: suggestion.reasons.sort((a, b) => b.gap - a.gap || a.skill.localeCompare(b.skill)) }))
		.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
		.slice(0, limit);
}

/** Mentorships with both people's names and the skill: the list and the single page read the same. */
function mentorshipRows() {
	return db
		.select({
			id: mentorship.id,
			status: mentorship.status,
			message: mentorship.message,
			startedOn: mentorship.startedOn,
			endedOn: mentorship.endedOn,
			createdAt: mentorship.createdAt,
			mentorId: mentor.id,
			mentorName: mentor.name,
			menteeId: mentee.id,
			menteeName: mentee.name,
			skill: skill.name
		})
		.from(mentorship)
		.innerJoin(mentor, eq(mentor.id, mentorship.mentorId))
		.innerJoin(mentee, eq(mentee.id, mentorship.menteeId))
		.leftJoin(skill, eq(skill.id, mentorship.skillId));
}

/** My mentorships, as mentor and as mentee, open and past. */
export async function listMentorships(actor: Actor) {
	const rows = await mentorshipRows()
		.where(or(eq(mentorship.mentorId, actor.id), eq(mentorship.menteeId, actor.id)))
		.orderBy(desc(mentorship.createdAt));
	return { asMentor: rows.filter((row) => row.mentorId === actor.id), asMentee: rows.filter((row) => row.menteeId === actor.id) };
}

/** I ask someone who offers mentoring; they hear of it by email. */
export async function requestMentoring(actor: Actor, input: { mentorId: string; skillId: string | null; message: string }, origin: string): Promise<GrowthResult> {
	if (!can(actor, 'growth.use')) return { ok: false, reason: 'not_found', status: 403 };
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		const [offer] = await tx
			.select({ personId: mentorOffer.personId, active: mentorOffer.active, email: person.email, locale: person.locale, name: person.name, status: person.status })
			.from(mentorOffer)
			.innerJoin(person, eq(person.id, mentorOffer.personId))
			.where(eq(mentorOffer.personId, input.mentorId));
		if (!offer || !offer.active || offer.status !== 'active' || offer.personId === actor.id) return { ok: false, field: 'mentorId', reason: 'growth_no_offer' } as const;
		const [open] = await tx
			.select({ id: mentorship.id })
			.from(mentorship)
			.where(and(eq(mentorship.mentorId, input.mentorId), eq(mentorship.menteeId, actor.id), inArray(mentorship.status, ['requested', 'accepted'])));
		if (open) return { ok: false, field: 'mentorId', reason: 'growth_already_requested', status: 409 } as const;
		const [created] = await tx
			.insert(mentorship)
			.values({ mentorId: input.mentorId, menteeId: actor.id, skillId: input.skillId, message: input.message })
			.onConflictDoNothing()
			.returning({ id: mentorship.id });
		// Two requests at once: the unique index lets one in.
		if (!created) return { ok: false, field: 'mentorId', reason: 'growth_already_requested', status: 409 } as const;
		const locale = recipientLocale(offer.locale, organisation.defaultLocale);
		await queueEmail(tx, {
			to: offer.email,
			personId: offer.personId,
			purpose: 'growth.mentoring_request',
			subject: m.growth_email_request_subject({ name: actor.name }, { locale }),
			text: m.growth_email_request_body({ mentor: offer.name, name: actor.name, link: `${origin}/growth/mentors` }, { locale }) + signature(organisation.name, locale)
		});
		return { ok: true, id: created.id } as const;
	});
}

/**
 * The mentor answers a request. Accepting takes a place: the offer row is locked, so parallel
 * accepts count the places one after another and the capacity holds.
 */
export async function answerRequest(actor: Actor, mentorshipId: string, accept: boolean): Promise<GrowthResult> {
	if (!isId(mentorshipId)) return notFound;
	return db.transaction(async (tx) => {
		await tx.select({ personId: mentorOffer.personId }).from(mentorOffer).where(eq(mentorOffer.personId, actor.id)).for('update');
		const [request] = await tx.select().from(mentorship).where(and(eq(mentorship.id, mentorshipId), eq(mentorship.mentorId, actor.id))).for('update');
		if (!request) return notFound;
		if (request.status !== 'requested') return { ok: false, field: 'form', reason: 'growth_not_pending', status: 409 } as const;
		if (accept) {
			const [offer] = await tx.select({ capacity: mentorOffer.capacity }).from(mentorOffer).where(eq(mentorOffer.personId, actor.id));
			const [taken] = await tx.select({ count: sql<number>`count(*)::int` }).from(mentorship).where(and(eq(mentorship.mentorId, actor.id), holdsAPlace));
			if (!offer || (taken?.count ?? 0) >= offer.capacity) return { ok: false, field: 'form', reason: 'growth_no_capacity', status: 409 } as const;
		}
		await tx
			.update(mentorship)
			.set(accept ? { status: 'accepted', startedOn: today() } : { status: 'declined' })
			.where(eq(mentorship.id, mentorshipId));
		return { ok: true, id: mentorshipId } as const;
	});
}

/** One mentorship with its shared notes, for its mentor and mentee only (else null: 404). */
export async function getMentorship(actor: Actor, mentorshipId: string) {
	if (!isId(mentorshipId)) return null;
	const [row] = await mentorshipRows().where(eq(mentorship.id, mentorshipId));
	if (!row || !can(actor, 'growth.mentorship.view', row)) return null;
	const notes = await db
		.select({ id: mentorshipNote.id, body: mentorshipNote.body, createdAt: mentorshipNote.createdAt, authorName: person.name })
		.from(mentorshipNote)
		.innerJoin(person, eq(person.id, mentorshipNote.authorId))
		.where(eq(mentorshipNote.mentorshipId, mentorshipId))
		.orderBy(asc(mentorshipNote.createdAt));
	return { ...row, notes };
}

async function partyTo(actor: Actor, mentorshipId: string) {
	if (!isId(mentorshipId)) return null;
	const [row] = await db.select().from(mentorship).where(eq(mentorship.id, mentorshipId));
	return row && can(actor, 'growth.mentorship.view', row) ? row : null;
}

/** Either side writes in the shared notes while the relationship is on. */
export async function addMentorshipNote(actor: Actor, mentorshipId: string, body: string): Promise<GrowthResult> {
	const row = await partyTo(actor, mentorshipId);
	if (!row) return notFound;
	if (row.status !== 'accepted') return { ok: false, field: 'body', reason: 'growth_not_pending', status: 409 };
	const [created] = await db.insert(mentorshipNote).values({ mentorshipId, authorId: actor.id, body }).returning({ id: mentorshipNote.id });
	return { ok: true, id: created!.id };
}

/** Either side ends a relationship (or the mentee withdraws a request); the notes stay. */
export async function endMentorship(actor: Actor, mentorshipId: string): Promise<GrowthResult> {
	const row = await partyTo(actor, mentorshipId);
	if (!row) return notFound;
	if (row.status !== 'accepted' && row.status !== 'requested') return { ok: false, field: 'form', reason: 'growth_not_pending', status: 409 };
	await db
		.update(mentorship)
		.set({ status: 'ended', endedOn: today() })
		.where(and(eq(mentorship.id, mentorshipId), inArray(mentorship.status, ['requested', 'accepted'])));
	return { ok: true, id: mentorshipId };
}

/** The skills someone may offer: those they assessed at `mentorMinimum` or more. */
export async function offerableSkills(personId: string) {
	return db
		.select({ id: skill.id, name: skill.name, proficiency: personSkill.proficiency })
		.from(personSkill)
		.innerJoin(skill, eq(skill.id, personSkill.skillId))
		.where(and(eq(personSkill.personId, personId), gte(personSkill.proficiency, mentorMinimum)))
		.orderBy(asc(skill.name));
}
