import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { db, installedDatabase, isId, outer, prepared, rawRows, type Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { listUnits, type OrgUnitNode } from '../org';
import { can, type Actor, type PulseGroupResource } from '../authz';
import { getOrganisation } from '../organisation';
import { readConfig } from '../config';
import { queueEmails } from '../mail/outbox';
import { recipientLocale } from '../mail/templates';
import { pulseInvitationEmail, pulseReminderEmail } from './mail';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../request-meta';
import { groupTree, orgWide, shownGroups, type GroupTree } from './anonymity';
import { sharedCache, shortLived, shortLivedByKey } from '../cache';
import {
	pulseAction,
	pulseAnswer,
	pulseComment,
	pulseParticipation,
	pulseQuestion,
	pulseRound,
	pulseRoundUnit,
	pulseSurvey,
	pulseTally
} from './schema';
import { defaultMinGroupSize, pulseDimensions, type PulseDimension, type PulseQuestionKind, type SurveySettings } from '$lib/pulse';
import { calendarDate } from '$lib/formats';

export { orgWide } from './anonymity';

const dayMs = 86_400_000;
export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
/** Today in the organisation's time zone: rounds open and close by its calendar. */
export const today = calendarDate;

// ---------------------------------------------------------------------------------------------
// Defining a pulse (HR)

export interface SurveyInput extends SurveySettings {
	firstOpensOn: string;
}

export async function createSurvey(input: SurveyInput, executor: Executor = db): Promise<{ ok: true; id: string } | { ok: false; field: 'audienceUnitIds'; reason: 'unit_not_found' }> {
	const created = await executor.transaction(async (tx) => {
		const units = new Set((await listUnits(tx)).map((unit) => unit.id));
		if (input.audienceUnitIds.some((id) => !units.has(id))) return { ok: false, field: 'audienceUnitIds', reason: 'unit_not_found' } as const;
		const [survey] = await tx
			.insert(pulseSurvey)
			.values({
				name: input.name,
				audienceUnitIds: input.audienceUnitIds,
				recurrenceDays: input.recurrenceDays,
				windowDays: input.windowDays,
				minGroupSize: input.minGroupSize,
				allowComment: input.allowComment,
				nextOpensOn: input.firstOpensOn
			})
			.returning({ id: pulseSurvey.id });
		await tx.insert(pulseQuestion).values(input.questions.map((question, position) => ({ surveyId: survey!.id, position, ...question })));
		return { ok: true, id: survey!.id } as const;
	});
	if (created.ok) pulseResultsChanged();
	return created;
}

export async function listSurveys() {
	return db
		.select({
			id: pulseSurvey.id,
			name: pulseSurvey.name,
			active: pulseSurvey.active,
			recurrenceDays: pulseSurvey.recurrenceDays,
			windowDays: pulseSurvey.windowDays,
			minGroupSize: pulseSurvey.minGroupSize,
			nextOpensOn: pulseSurvey.nextOpensOn,
			audienceUnitIds: pulseSurvey.audienceUnitIds,
			rounds: sql<number>`(select count(*)::int from ${pulseRound} where ${pulseRound.surveyId} = ${outer(pulseSurvey.id)})`
		})
		.from(pulseSurvey)
		.orderBy(desc(pulseSurvey.createdAt));
}

/** A survey to edit; `questions` are the ones the next round asks. */
export interface SurveyEdit extends SurveySettings {
	id: string;
	active: boolean;
	nextOpensOn: string;
	rounds: number;
}

/** A survey as its edit form shows it: the questions still asked, not the retired ones. */
export async function getSurvey(id: string): Promise<SurveyEdit | null> {
	if (!isId(id)) return null;
	const [survey] = await db.select().from(pulseSurvey).where(eq(pulseSurvey.id, id));
	if (!survey) return null;
	const [questions, [counted]] = await Promise.all([
		db
			.select({ kind: pulseQuestion.kind, prompt: pulseQuestion.prompt })
			.from(pulseQuestion)
			.where(and(eq(pulseQuestion.surveyId, id), isNull(pulseQuestion.lastRound)))
			.orderBy(asc(pulseQuestion.position)),
		db.select({ rounds: sql<number>`count(*)::int` }).from(pulseRound).where(eq(pulseRound.surveyId, id))
	]);
	const { createdAt: _created, ...fields } = survey;
	return { ...fields, questions, rounds: counted?.rounds ?? 0 };
}

type UpdateRefusal = { ok: false; field: 'audienceUnitIds' | 'minGroupSize'; reason: 'unit_not_found' | 'pulse_min_group_lowered' } | { ok: false; reason: 'not_found' };

/**
 * Changes a survey from its next round on: a round already opened keeps the questions it asked
 * (they are retired, not changed, so that its tallies still name them). N may only go up: people
 * answered under the promise of the N they were shown.
 */
export async function updateSurvey(actor: Actor, id: string, input: SurveySettings, meta: RequestMeta): Promise<{ ok: true } | UpdateRefusal> {
	if (!isId(id)) return { ok: false, reason: 'not_found' };
	const updated = await db.transaction(async (tx) => {
		const [survey] = await tx.select().from(pulseSurvey).where(eq(pulseSurvey.id, id)).for('update');
		if (!survey) return { ok: false, reason: 'not_found' } as const;
		const units = new Set((await listUnits(tx)).map((unit) => unit.id));
		if (input.audienceUnitIds.some((unit) => !units.has(unit))) return { ok: false, field: 'audienceUnitIds', reason: 'unit_not_found' } as const;
		if (input.minGroupSize < survey.minGroupSize) return { ok: false, field: 'minGroupSize', reason: 'pulse_min_group_lowered' } as const;
		const current = await tx
			.select({ kind: pulseQuestion.kind, prompt: pulseQuestion.prompt })
			.from(pulseQuestion)
			.where(and(eq(pulseQuestion.surveyId, id), isNull(pulseQuestion.lastRound)))
			.orderBy(asc(pulseQuestion.position));
		// The eNPS question's wording comes from the editor's language: keeping it is not a change.
		const keptEnps = current.find((question) => question.kind === 'enps');
		const questions = input.questions.map((question) => (question.kind === 'enps' && keptEnps ? keptEnps : question));
		const questionsChanged = JSON.stringify(current) !== JSON.stringify(questions);
		if (questionsChanged) {
			const [last] = await tx.select({ number: sql<number | null>`max(${pulseRound.number})` }).from(pulseRound).where(eq(pulseRound.surveyId, id));
			const asked = last?.number ?? 0;
			// Questions no round has asked yet are simply replaced; the others stay with the rounds that asked them.
			await tx.delete(pulseQuestion).where(and(eq(pulseQuestion.surveyId, id), isNull(pulseQuestion.lastRound), sql`${pulseQuestion.firstRound} > ${asked}`));
			await tx.update(pulseQuestion).set({ lastRound: asked }).where(and(eq(pulseQuestion.surveyId, id), isNull(pulseQuestion.lastRound)));
			await tx.insert(pulseQuestion).values(questions.map((question, position) => ({ surveyId: id, position, firstRound: asked + 1, ...question })));
		}
		await tx
			.update(pulseSurvey)
			.set({
				name: input.name,
				audienceUnitIds: input.audienceUnitIds,
				recurrenceDays: input.recurrenceDays,
				windowDays: input.windowDays,
				minGroupSize: input.minGroupSize,
				allowComment: input.allowComment
			})
			.where(eq(pulseSurvey.id, id));
		const changed: string[] = (['name', 'recurrenceDays', 'windowDays', 'minGroupSize', 'allowComment'] as const).filter((key) => survey[key] !== input[key]);
		if (JSON.stringify(survey.audienceUnitIds) !== JSON.stringify(input.audienceUnitIds)) changed.push('audienceUnitIds');
		if (questionsChanged) changed.push('questions');
		await recordAudit(tx, { actorId: actor.id, action: 'pulse.survey_updated', target: { type: 'pulse_survey', id, label: input.name }, ip: meta.ip, details: { changed } });
		return { ok: true } as const;
	});
	if (updated.ok) pulseResultsChanged();
	return updated;
}

/**
 * Pausing stops new rounds (the cycle only opens rounds of active surveys); a round already open
 * runs to its end. Resuming opens the next round no earlier than today.
 */
export async function setSurveyPaused(actor: Actor, id: string, paused: boolean, meta: RequestMeta): Promise<boolean> {
	if (!isId(id)) return false;
	const day = today((await getOrganisation()).timeZone);
	return db.transaction(async (tx) => {
		const [survey] = await tx
			.update(pulseSurvey)
			.set(paused ? { active: false } : { active: true, nextOpensOn: sql`greatest(${pulseSurvey.nextOpensOn}, ${day}::date)` })
			.where(and(eq(pulseSurvey.id, id), eq(pulseSurvey.active, paused)))
			.returning({ name: pulseSurvey.name });
		if (!survey) return false;
		await recordAudit(tx, { actorId: actor.id, action: paused ? 'pulse.survey_paused' : 'pulse.survey_resumed', target: { type: 'pulse_survey', id, label: survey.name }, ip: meta.ip });
		return true;
	});
}

/** Whether a question is part of a round: edits retire questions and add new ones from the next round on. */
export const askedIn = (question: { firstRound: number; lastRound: number | null }, round: number): boolean =>
	question.firstRound <= round && (question.lastRound === null || question.lastRound >= round);

// ---------------------------------------------------------------------------------------------
// Audience

/** Whether someone placed in `unitId` belongs to an audience (units with everything below them). */
function inAudience(tree: GroupTree, audience: readonly string[], unitId: string | null): boolean {
	if (audience.length === 0) return true;
	for (let id: string | undefined = unitId ?? undefined; id && id !== orgWide; id = tree.parentOf.get(id)) {
		if (audience.includes(id)) return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------
// Answering

export interface OpenRound {
	roundId: string;
	surveyName: string;
	number: number;
	closesOn: string;
	allowComment: boolean;
	minGroupSize: number;
	questions: { position: number; kind: PulseQuestionKind; prompt: string }[];
	answered: boolean;
}

/** The rounds open today that ask this person, and whether they have answered them. */
export async function openRoundsFor(actor: Actor, on?: string): Promise<OpenRound[]> {
	if (actor.kind !== 'employee') return [];
	const day = on ?? today((await getOrganisation()).timeZone);
	const rounds = await db
		.select({
			roundId: pulseRound.id,
			surveyId: pulseSurvey.id,
			surveyName: pulseSurvey.name,
			number: pulseRound.number,
			closesOn: pulseRound.closesOn,
			allowComment: pulseSurvey.allowComment,
			minGroupSize: pulseSurvey.minGroupSize,
			audience: pulseSurvey.audienceUnitIds,
			answered: sql<boolean>`exists (select 1 from ${pulseParticipation} where ${pulseParticipation.roundId} = ${outer(pulseRound.id)} and ${pulseParticipation.personId} = ${actor.id})`
		})
		.from(pulseRound)
		.innerJoin(pulseSurvey, eq(pulseSurvey.id, pulseRound.surveyId))
		.where(and(eq(pulseRound.closed, false), lte(pulseRound.opensOn, day), sql`${pulseRound.closesOn} >= ${day}`))
		.orderBy(asc(pulseRound.closesOn));
	if (rounds.length === 0) return [];
	const tree = groupTree(await listUnits());
	const mine = rounds.filter((round) => inAudience(tree, round.audience, actor.unitId));
	if (mine.length === 0) return [];
	const questions = await db
		.select({
			surveyId: pulseQuestion.surveyId,
			position: pulseQuestion.position,
			kind: pulseQuestion.kind,
			prompt: pulseQuestion.prompt,
			firstRound: pulseQuestion.firstRound,
			lastRound: pulseQuestion.lastRound
		})
		.from(pulseQuestion)
		.where(
			inArray(
				pulseQuestion.surveyId,
				mine.map((round) => round.surveyId)
			)
		)
		.orderBy(asc(pulseQuestion.position));
	return mine.map(({ surveyId, audience: _audience, ...round }) => ({
		...round,
		questions: questions
			.filter((question) => question.surveyId === surveyId && askedIn(question, round.number))
			.map(({ position, kind, prompt }) => ({ position, kind, prompt }))
	}));
}

export type AnswerResult = { ok: true } | { ok: false; reason: 'not_found' | 'already_answered' | 'invalid' };

/**
 * Records one answer. Participation and answer are written in one transaction but share nothing:
 * the answer has its own random id, the author's unit and the scores; participation has the person
 * and the round. The participation's primary key refuses a second answer, also from parallel requests.
 */
export async function submitAnswer(actor: Actor, roundId: string, scores: number[], comment: string | null, on?: string): Promise<AnswerResult> {
	if (!isId(roundId)) return { ok: false, reason: 'not_found' };
	const round = (await openRoundsFor(actor, on)).find((candidate) => candidate.roundId === roundId);
	if (!round) return { ok: false, reason: 'not_found' };
	if (round.answered) return { ok: false, reason: 'already_answered' };
	if (scores.length !== round.questions.length || scores.some((score) => !Number.isInteger(score) || score < 0 || score > 10)) return { ok: false, reason: 'invalid' };
	return db.transaction(async (tx) => {
		const taken = await tx.insert(pulseParticipation).values({ roundId, personId: actor.id }).onConflictDoNothing().returning({ roundId: pulseParticipation.roundId });
		if (taken.length === 0) return { ok: false, reason: 'already_answered' } as const;
		await tx.insert(pulseAnswer).values({ roundId, unitId: actor.unitId, scores });
		if (comment && round.allowComment) await tx.insert(pulseComment).values({ roundId, unitId: actor.unitId, body: comment });
		return { ok: true } as const;
	});
}

// ---------------------------------------------------------------------------------------------
// The cycle (pg-boss runs it hourly; tests call it with a date)

/**
 * Closes the rounds whose window has passed, opens the rounds that are due (with invitations), and
 * sends the one reminder half-way through a window. Each step is its own transaction.
 */
export async function runPulseCycle(on?: string): Promise<{ closed: number; opened: number; reminded: number }> {
	const organisation = await getOrganisation();
	const day = on ?? today(organisation.timeZone);
	let closed = 0;
	let opened = 0;
	let reminded = 0;
	const due = await db.select({ id: pulseRound.id }).from(pulseRound).where(and(eq(pulseRound.closed, false), sql`${pulseRound.closesOn} < ${day}`));
	for (const round of due) if (await closeRound(round.id)) closed++;

	const surveys = await db.select().from(pulseSurvey).where(and(eq(pulseSurvey.active, true), lte(pulseSurvey.nextOpensOn, day)));
	for (const survey of surveys) if (await openRound(survey.id, day, organisation.name)) opened++;

	const open = await db
		.select({ id: pulseRound.id })
		.from(pulseRound)
		.innerJoin(pulseSurvey, eq(pulseSurvey.id, pulseRound.surveyId))
		.where(
			and(
				eq(pulseRound.closed, false),
				eq(pulseRound.reminded, false),
				sql`${pulseRound.opensOn} + (${pulseSurvey.windowDays} / 2) <= ${day}::date`,
				sql`${pulseRound.closesOn} >= ${day}`
			)
		);
	for (const round of open) if (await remind(round.id, organisation.name)) reminded++;
	return { closed, opened, reminded };
}

async function audienceMembers(executor: Executor, audience: readonly string[]) {
	const tree = groupTree(await listUnits(executor));
	const people = await executor
		.select({ id: person.id, email: person.email, locale: person.locale, unitId: person.unitId })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')));
	return people.filter((member) => inAudience(tree, audience, member.unitId));
}

async function openRound(surveyId: string, day: string, organisationName: string): Promise<boolean> {
	const config = readConfig();
	const { defaultLocale } = await getOrganisation();
	return db.transaction(async (tx) => {
		// Locked, so that two instances running the cycle open the round once.
		const [survey] = await tx.select().from(pulseSurvey).where(and(eq(pulseSurvey.id, surveyId), lte(pulseSurvey.nextOpensOn, day))).for('update');
		if (!survey) return false;
		let next = survey.nextOpensOn;
		while (next <= day) next = addDays(next, survey.recurrenceDays);
		const [last] = await tx.select({ number: pulseRound.number }).from(pulseRound).where(eq(pulseRound.surveyId, surveyId)).orderBy(desc(pulseRound.number)).limit(1);
		const closesOn = addDays(day, survey.windowDays - 1);
		const [round] = await tx
			.insert(pulseRound)
			.values({ surveyId, number: (last?.number ?? 0) + 1, opensOn: day, closesOn })
			.returning({ id: pulseRound.id });
		await tx.update(pulseSurvey).set({ nextOpensOn: next }).where(eq(pulseSurvey.id, surveyId));
		const members = await audienceMembers(tx, survey.audienceUnitIds);
		const invited = new Map<string | null, number>();
		for (const member of members) invited.set(member.unitId, (invited.get(member.unitId) ?? 0) + 1);
		if (invited.size) await tx.insert(pulseRoundUnit).values([...invited].map(([unitId, count]) => ({ roundId: round!.id, unitId, invited: count })));
		const link = `${config.origin}/pulse`;
		await queueEmails(
			tx,
			members.map((member) => ({
				to: member.email,
				personId: member.id,
				purpose: 'pulse_invitation',
				...pulseInvitationEmail(recipientLocale(member.locale, defaultLocale), { organisation: organisationName, survey: survey.name, link, closesOn })
			}))
		);
		return true;
	});
}

/** One reminder, to those in the audience who have not answered yet. */
async function remind(roundId: string, organisationName: string): Promise<boolean> {
	const config = readConfig();
	const { defaultLocale } = await getOrganisation();
	return db.transaction(async (tx) => {
		const [round] = await tx
			.update(pulseRound)
			.set({ reminded: true })
			.where(and(eq(pulseRound.id, roundId), eq(pulseRound.reminded, false)))
			.returning({ surveyId: pulseRound.surveyId, closesOn: pulseRound.closesOn });
		if (!round) return false;
		const [survey] = await tx.select().from(pulseSurvey).where(eq(pulseSurvey.id, round.surveyId));
		const answered = new Set(
			(await tx.select({ personId: pulseParticipation.personId }).from(pulseParticipation).where(eq(pulseParticipation.roundId, roundId))).map((row) => row.personId)
		);
		const waiting = (await audienceMembers(tx, survey!.audienceUnitIds)).filter((member) => !answered.has(member.id));
		await queueEmails(
			tx,
			waiting.map((member) => ({
				to: member.email,
				personId: member.id,
				purpose: 'pulse_reminder',
				...pulseReminderEmail(recipientLocale(member.locale, defaultLocale), {
					organisation: organisationName,
					survey: survey!.name,
					link: `${config.origin}/pulse`,
					closesOn: round.closesOn
				})
			}))
		);
		return true;
	});
}

/**
 * Closing a round: the answers become tallies per unit and question and are deleted; comments are
 * rewritten in random order (so their order on disk no longer follows the order people answered
 * in); who took part is forgotten, only the count per unit stays.
 */
export async function closeRound(roundId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [round] = await tx.update(pulseRound).set({ closed: true }).where(and(eq(pulseRound.id, roundId), eq(pulseRound.closed, false))).returning({ id: pulseRound.id });
		if (!round) return false;
		await tx.execute(sql`
			insert into pulse_tally (round_id, unit_id, question_id, answers, total, promoters, detractors)
			select a.round_id, a.unit_id, q.id, count(*)::int, sum(s.score)::int,
				count(*) filter (where s.score >= 9)::int, count(*) filter (where s.score <= 6)::int
			from pulse_answer a
			cross join lateral unnest(a.scores) with ordinality as s(score, position)
			join pulse_round r on r.id = a.round_id
			join pulse_question q on q.survey_id = r.survey_id and q.position = s.position - 1
				and q.first_round <= r.number and (q.last_round is null or q.last_round >= r.number)
			where a.round_id = ${roundId}
			group by a.round_id, a.unit_id, q.id`);
		const answered = await rawRows<{ unit_id: string | null; count: number }>(
			tx,
			sql`select unit_id, count(*)::int as count from pulse_answer where round_id = ${roundId} group by unit_id`
		);
		for (const row of answered) {
			const updated = await tx
				.update(pulseRoundUnit)
				.set({ answered: row.count })
				.where(and(eq(pulseRoundUnit.roundId, roundId), row.unit_id ? eq(pulseRoundUnit.unitId, row.unit_id) : sql`${pulseRoundUnit.unitId} is null`))
				.returning({ roundId: pulseRoundUnit.roundId });
			// Someone who moved into a unit after the round opened: that unit had nobody invited.
			if (updated.length === 0) await tx.insert(pulseRoundUnit).values({ roundId, unitId: row.unit_id, invited: 0, answered: row.count });
		}
		await tx.execute(sql`
			with old as (delete from pulse_comment where round_id = ${roundId} returning unit_id, body)
			insert into pulse_comment (round_id, unit_id, body) select ${roundId}, unit_id, body from old order by random()`);
		await tx.delete(pulseAnswer).where(eq(pulseAnswer.roundId, roundId));
		await tx.delete(pulseParticipation).where(eq(pulseParticipation.roundId, roundId));
		return true;
	}).then((closed) => {
		if (closed) pulseResultsChanged();
		return closed;
	});
}

// ---------------------------------------------------------------------------------------------
// Results

export interface GroupScores {
	answered: number;
	invited: number;
	/** Mean per dimension on the 0–10 scale; null where the survey does not ask it. */
	dimensions: Partial<Record<PulseDimension, number>>;
	/** Happiness quotient: see `happinessQuotient`. */
	hq: number | null;
	/** eNPS: % promoters (9–10) minus % detractors (0–6), −100 to 100. */
	enps: number | null;
}

/**
 * The happiness quotient, 0–100: the mean of the dimension means (each 0–10), times ten. Every
 * dimension weighs the same; eNPS is not part of it. Published on the results page.
 */
export function happinessQuotient(dimensionMeans: readonly number[]): number | null {
	if (dimensionMeans.length === 0) return null;
	return Math.round((dimensionMeans.reduce((sum, value) => sum + value, 0) / dimensionMeans.length) * 10);
}

export function netPromoterScore(answers: number, promoters: number, detractors: number): number | null {
	if (answers === 0) return null;
	return Math.round(((promoters - detractors) / answers) * 100);
}

export interface ResultGroup {
	id: string;
	name: string;
	depth: number;
}

export interface PulseResults {
	surveys: { id: string; name: string }[];
	survey: { id: string; name: string; minGroupSize: number; dimensions: PulseDimension[]; hasEnps: boolean } | null;
	groups: ResultGroup[];
	rounds: { id: string; number: number; opensOn: string; closesOn: string }[];
	/** Per group, per round (in `rounds` order): the scores, or null when the group is not shown. */
	series: Record<string, (GroupScores | null)[]>;
	/** The latest round's comments for `selected`, when shown (2N answers), in random order. */
	comments: string[] | null;
	selected: string;
	/** "You said, we did" for `selected`, newest first, with the dimension's score before and since. */
	actions: ActionView[];
	/** Whether this viewer may record an action for `selected`. */
	canAct: boolean;
}

export interface ActionView {
	id: string;
	dimension: PulseDimension;
	title: string;
	description: string | null;
	takenOn: string;
	/** The group's score on the dimension in the last round closed before the action, and in the latest round after it (null where not shown). */
	before: number | null;
	since: number | null;
}

/** A group as the authorisation rules see it: the organisation, or a unit with the leads of it and every unit above. */
function groupResources(units: readonly OrgUnitNode[], tree: GroupTree): (id: string) => PulseGroupResource {
	const leadOf = new Map(units.map((unit) => [unit.id, unit.leadId]));
	return (id) => {
		const leadIds: string[] = [];
		for (let at: string | undefined = id; at && at !== orgWide; at = tree.parentOf.get(at)) {
			const lead = leadOf.get(at);
			if (lead) leadIds.push(lead);
		}
		return { orgWide: id === orgWide, leadIds };
	};
}

/** The groups a viewer's role may ask for, before counting answers: the authorisation rule, per group. */
function candidateGroups(actor: Actor, units: readonly OrgUnitNode[], tree: GroupTree): string[] {
	const resource = groupResources(units, tree);
	return tree.order.filter((id) => can(actor, 'pulse.group.view', resource(id)));
}

const strictestActive = prepared((database) =>
	database.select({ strictest: sql<number | null>`max(${pulseSurvey.minGroupSize})` }).from(pulseSurvey).where(eq(pulseSurvey.active, true)).prepare('pulse_strictest_active')
);

/**
 * N for anonymous answers outside a pulse (exit surveys): the strictest minimum group size among
 * the active pulses, never below the default.
 */
export async function anonymityThreshold(): Promise<number> {
	const [row] = await strictestActive().execute();
	return Math.max(defaultMinGroupSize, row?.strictest ?? 0);
}

export function shuffle<T>(items: T[]): T[] {
	for (let index = items.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[items[index], items[other]] = [items[other]!, items[index]!];
	}
	return items;
}

/**
 * The per-unit tallies and counts of a set of closed rounds, the same for every viewer (who sees
 * which group is decided after, per request). Closing a round is what writes them, so keyed by the
 * exact rounds and cleared by `closeRound`; the lifetime bounds how long another instance's close lags.
 */
const closedRoundFigures = shortLivedByKey(30_000, async (key) => {
	const roundIds = key.split(',');
	const [tallies, roundUnits] = await Promise.all([
		db.select().from(pulseTally).where(inArray(pulseTally.roundId, roundIds)),
		db.select().from(pulseRoundUnit).where(inArray(pulseRoundUnit.roundId, roundIds))
	]);
	return { tallies, roundUnits };
});

type Sums = { answered: number; invited: number; byKind: Map<PulseQuestionKind, { answers: number; total: number; promoters: number; detractors: number }> };
type ClosedRoundFigures = Awaited<ReturnType<typeof closedRoundFigures.get>>;

/** A unit and the groups above it up to the organisation; a unit no longer in the tree counts for the organisation only. */
function ancestryIn(tree: GroupTree, unitId: string | null): string[] {
	const chain: string[] = [];
	for (let at: string | undefined = unitId && tree.parentOf.has(unitId) ? unitId : orgWide; at; at = at === orgWide ? undefined : tree.parentOf.get(at)) chain.push(at);
	return chain;
}

/** The figures summed per round and group, up the unit tree: the same for every viewer. */
function rollUp(figures: ClosedRoundFigures, tree: GroupTree, kindOf: ReadonlyMap<string, PulseQuestionKind>): Map<string, Sums> {
	const sums = new Map<string, Sums>();
	const sumsFor = (roundId: string, group: string): Sums => {
		const key = `${roundId}:${group}`;
		let entry = sums.get(key);
		if (!entry) sums.set(key, (entry = { answered: 0, invited: 0, byKind: new Map() }));
		return entry;
	};
	for (const row of figures.roundUnits) {
		for (const group of ancestryIn(tree, row.unitId)) {
			const entry = sumsFor(row.roundId, group);
			entry.answered += row.answered;
			entry.invited += row.invited;
		}
	}
	for (const row of figures.tallies) {
		const kind = kindOf.get(row.questionId);
		if (!kind) continue;
		for (const group of ancestryIn(tree, row.unitId)) {
			const byKind = sumsFor(row.roundId, group).byKind;
			const entry = byKind.get(kind) ?? { answers: 0, total: 0, promoters: 0, detractors: 0 };
			entry.answers += row.answers;
			entry.total += row.total;
			entry.promoters += row.promoters;
			entry.detractors += row.detractors;
			byKind.set(kind, entry);
		}
	}
	return sums;
}

/** What a set of viewers who may ask for the same groups sees of a survey's closed rounds. */
interface ResultsView {
	/** Per round (in the rounds' order), the groups shown. */
	shownPerRound: Set<string>[];
	series: Record<string, (GroupScores | null)[]>;
	/** The groups whose comments the latest round shows (2N answers). */
	commentGroups: Set<string>;
}

/**
 * The sums and each viewer's view, worked out once per cached figures, unit tree, questions and N
 * rather than on every request: they follow from those alone (the viewer's role only picks the
 * candidate groups), and working them out cost a fifth of the page.
 */
const resultViews = new WeakMap<ClosedRoundFigures, { shape: string; sums: Map<string, Sums>; views: Map<string, ResultsView> }>();
function viewOf(
	figures: ClosedRoundFigures,
	tree: GroupTree,
	kindOf: ReadonlyMap<string, PulseQuestionKind>,
	survey: { minGroupSize: number; dimensions: readonly PulseDimension[] },
	rounds: readonly { id: string }[],
	candidates: readonly string[]
): ResultsView {
	const shape = JSON.stringify([[...tree.parentOf], [...kindOf]]);
	let known = resultViews.get(figures);
	if (known?.shape !== shape) resultViews.set(figures, (known = { shape, sums: rollUp(figures, tree, kindOf), views: new Map() }));
	const key = `${survey.minGroupSize}:${candidates.join(',')}`;
	const cached = known.views.get(key);
	if (cached) return cached;

	/** Answers per unit in one round; a unit no longer in the tree counts for the organisation only. */
	const directCounts = (roundId: string) => {
		const direct = new Map<string | null, number>();
		for (const row of figures.roundUnits) {
			if (row.roundId !== roundId) continue;
			const unit = row.unitId && tree.parentOf.has(row.unitId) ? row.unitId : null;
			direct.set(unit, (direct.get(unit) ?? 0) + row.answered);
		}
		return direct;
	};
	const allowed = new Set(candidates);
	const shownPerRound = rounds.map((round) => shownGroups(tree, directCounts(round.id), allowed, survey.minGroupSize));
	const none: Sums = { answered: 0, invited: 0, byKind: new Map() };
	const series: ResultsView['series'] = {};
	for (const group of candidates) {
		series[group] = rounds.map((round, index) => {
			if (!shownPerRound[index]!.has(group)) return null;
			const entry = known.sums.get(`${round.id}:${group}`) ?? none;
			const means: Partial<Record<PulseDimension, number>> = {};
			for (const dimension of survey.dimensions) {
				const tally = entry.byKind.get(dimension);
				if (tally && tally.answers > 0) means[dimension] = Math.round((tally.total / tally.answers) * 10) / 10;
			}
			const enps = entry.byKind.get('enps');
			return {
				answered: entry.answered,
				invited: entry.invited,
				dimensions: means,
				hq: happinessQuotient(Object.values(means)),
				enps: enps ? netPromoterScore(enps.answers, enps.promoters, enps.detractors) : null
			};
		});
	}
	const latest = rounds.length - 1;
	// Comments need 2N answers, and the same guard against differencing among the groups shown.
	const commentGroups = shownGroups(tree, directCounts(rounds[latest]!.id), shownPerRound[latest]!, survey.minGroupSize * 2);
	const view = { shownPerRound, series, commentGroups };
	known.views.set(key, view);
	return view;
}

/**
 * What the results read besides the tallies: every survey with its questions and closed rounds,
 * and the "you said, we did" actions. The same for every viewer, and changed only when HR creates
 * or edits a survey or records an action, or a round closes: each clears it here at once, another
 * instance sees the change within the 30 s (a raised N too: what it still shows meanwhile was
 * answered under the N it showed before).
 */
const resultCatalogue = sharedCache('pulse-results', () =>
	shortLived(30_000, async () => {
		const [surveys, questions, rounds, actions] = await Promise.all([
			db
				.select({ id: pulseSurvey.id, name: pulseSurvey.name, minGroupSize: pulseSurvey.minGroupSize })
				.from(pulseSurvey)
				.orderBy(desc(pulseSurvey.createdAt)),
			db.select({ id: pulseQuestion.id, surveyId: pulseQuestion.surveyId, kind: pulseQuestion.kind }).from(pulseQuestion),
			db
				.select({ id: pulseRound.id, surveyId: pulseRound.surveyId, number: pulseRound.number, opensOn: pulseRound.opensOn, closesOn: pulseRound.closesOn })
				.from(pulseRound)
				.where(eq(pulseRound.closed, true))
				.orderBy(asc(pulseRound.number)),
			db.select().from(pulseAction).orderBy(desc(pulseAction.takenOn), desc(pulseAction.createdAt))
		]);
		const bySurvey = <T extends { surveyId: string }>(rows: T[], surveyId: string) => rows.filter((row) => row.surveyId === surveyId);
		return surveys.map((survey) => ({
			...survey,
			questions: bySurvey(questions, survey.id).map(({ id, kind }) => ({ id, kind })),
			rounds: bySurvey(rounds, survey.id).map(({ surveyId: _surveyId, ...round }) => round),
			actions: bySurvey(actions, survey.id)
		}));
	})
);

/** A closed round's comments: they no longer change (closing rewrote them in random order). */
const closedRoundComments = shortLivedByKey(30_000, (roundId) =>
	db.select({ unitId: pulseComment.unitId, body: pulseComment.body }).from(pulseComment).where(eq(pulseComment.roundId, roundId))
);

/** Forgets what the results read: after a change here, or after seeding or a test wrote rounds directly. */
export function pulseResultsChanged(): void {
	// Seeding a database no server has opened yet: nothing read from it is kept.
	if (installedDatabase()) resultCatalogue().clear();
	closedRoundFigures.clear();
	closedRoundComments.clear();
}

/**
 * What a viewer may see of a pulse: only closed rounds, only groups their role allows, and of
 * those only the ones `shownGroups` lets through for that round.
 */
export async function pulseResults(actor: Actor, options: { surveyId?: string | null; group?: string | null }): Promise<PulseResults | null> {
	const [catalogue, units] = await Promise.all([resultCatalogue().get(), listUnits()]);
	const surveys = catalogue.map((survey) => ({ ...survey, hasResults: survey.rounds.length > 0 }));
	const tree = groupTree(units);
	const candidates = candidateGroups(actor, units, tree);
	const names = new Map(units.map((unit) => [unit.id, { name: unit.name, depth: unit.depth + 1 }]));
	const groups = candidates.map((id) => ({ id, name: names.get(id)?.name ?? '', depth: names.get(id)?.depth ?? 0 }));
	if (options.group && !candidates.includes(options.group)) return null;
	const resource = groupResources(units, tree);
	// A lead starts at their own units, everyone else (HR included) at the organisation.
	const led = candidates.filter((id) => resource(id).leadIds.includes(actor.id));
	let selected = options.group ?? led[0] ?? orgWide;
	// By default the newest survey with results.
	const survey = options.surveyId ? surveys.find((candidate) => candidate.id === options.surveyId) : (surveys.find((candidate) => candidate.hasResults) ?? surveys[0]);
	const empty: PulseResults = {
		surveys: surveys.map(({ id, name }) => ({ id, name })),
		survey: null,
		groups,
		rounds: [],
		series: {},
		comments: null,
		selected,
		actions: [],
		canAct: false
	};
	if (options.surveyId && !survey) return null;
	if (!survey) return empty;

	const { questions, rounds } = survey;
	const kindOf = new Map(questions.map((question) => [question.id, question.kind]));
	const dimensions = pulseDimensions.filter((dimension) => questions.some((question) => question.kind === dimension));
	const hasEnps = questions.some((question) => question.kind === 'enps');
	const result: PulseResults = { ...empty, survey: { id: survey.id, name: survey.name, minGroupSize: survey.minGroupSize, dimensions, hasEnps }, rounds };
	const finish = () => {
		result.canAct = can(actor, 'pulse.action.record', resource(result.selected));
		const unitId = result.selected === orgWide ? null : result.selected;
		const points = result.series[result.selected] ?? [];
		const score = (index: number, dimension: PulseDimension) => (index >= 0 ? (points[index]?.dimensions[dimension] ?? null) : null);
		result.actions = survey.actions
			.filter((action) => action.unitId === unitId)
			.map((action) => {
				const before = rounds.findLastIndex((round) => round.closesOn < action.takenOn);
				const latest = rounds.length - 1;
				return {
					id: action.id,
					dimension: action.dimension,
					title: action.title,
					description: action.description,
					takenOn: action.takenOn,
					before: score(before, action.dimension),
					since: latest > before && rounds[latest]!.opensOn >= action.takenOn ? score(latest, action.dimension) : null
				};
			});
		return result;
	};
	if (rounds.length === 0) return finish();

	const figures = await closedRoundFigures.get(rounds.map((round) => round.id).join(','));
	const view = viewOf(figures, tree, kindOf, { minGroupSize: survey.minGroupSize, dimensions }, rounds, candidates);
	result.series = view.series;
	const latest = rounds.length - 1;
	// A lead starts at the first of their own units that the latest round shows.
	if (!options.group) selected = led.find((id) => view.shownPerRound[latest]!.has(id)) ?? orgWide;
	result.selected = selected;

	if (view.commentGroups.has(selected)) {
		const rows = await closedRoundComments.get(rounds[latest]!.id);
		const ancestry = (unitId: string | null) => ancestryIn(tree, unitId);
		result.comments = shuffle(rows.filter((row) => ancestry(row.unitId).includes(selected)).map((row) => row.body));
	}
	return finish();
}

export interface ActionInput {
	surveyId: string;
	group: string;
	dimension: PulseDimension;
	title: string;
	description: string | null;
	takenOn: string;
}

/** Records "you said, we did" for a group; not_found when the survey is unknown or the group is not the actor's to act for. */
export async function recordAction(actor: Actor, input: ActionInput, meta: RequestMeta): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
	const units = await listUnits();
	const tree = groupTree(units);
	const known = input.group === orgWide || tree.parentOf.has(input.group);
	if (!known || !can(actor, 'pulse.action.record', groupResources(units, tree)(input.group))) return { ok: false, reason: 'not_found' };
	const [survey] = await db.select({ id: pulseSurvey.id }).from(pulseSurvey).where(eq(pulseSurvey.id, input.surveyId));
	if (!survey) return { ok: false, reason: 'not_found' };
	await db.transaction(async (tx) => {
		const [action] = await tx
			.insert(pulseAction)
			.values({
				surveyId: survey.id,
				unitId: input.group === orgWide ? null : input.group,
				dimension: input.dimension,
				title: input.title,
				description: input.description,
				takenOn: input.takenOn,
				createdBy: actor.id
			})
			.returning({ id: pulseAction.id });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'pulse.action_recorded',
			target: { type: 'pulse_action', id: action!.id, label: input.title },
			ip: meta.ip,
			details: { surveyId: survey.id, group: input.group, dimension: input.dimension }
		});
	});
	pulseResultsChanged();
	return { ok: true };
}

/** The actions taken for the groups someone belongs to (their unit, the units above it, the organisation), newest first. */
export async function actionsFor(actor: Actor, limit = 10) {
	const tree = groupTree(await listUnits());
	const mine: string[] = [];
	for (let at: string | undefined = actor.unitId && tree.parentOf.has(actor.unitId) ? actor.unitId : undefined; at && at !== orgWide; at = tree.parentOf.get(at)) mine.push(at);
	return db
		.select({ id: pulseAction.id, dimension: pulseAction.dimension, title: pulseAction.title, description: pulseAction.description, takenOn: pulseAction.takenOn, unitName: orgUnit.name })
		.from(pulseAction)
		.leftJoin(orgUnit, eq(orgUnit.id, pulseAction.unitId))
		.where(mine.length ? or(isNull(pulseAction.unitId), inArray(pulseAction.unitId, mine)) : isNull(pulseAction.unitId))
		.orderBy(desc(pulseAction.takenOn), desc(pulseAction.createdAt))
		.limit(limit);
}
