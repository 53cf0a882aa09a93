import { and, desc, eq, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { db, literalCount, prepared, preparedShapes, type Executor } from '../db';
import { exitSurveyAnswer, exitSurveyComment, offboarding } from '../db/schema';
import { issueToken, parseToken, secretMatches } from '../auth/tokens';
import { queueEmail } from '../mail/outbox';
import { recipientLocale } from '../mail/templates';
import type { Organisation } from '../organisation';
import { anonymityThreshold, shuffle } from '../pulse';
import { groupTree, shownGroups } from '../pulse/anonymity';
import { exitSurveyEmail } from './mail';
import { exitReasons, exitSurveyQuestions, type ExitReason, type ExitSurveyQuestion } from '$lib/alumni';

const surveyLifetimeDays = 60;

/** The quarter a calendar date falls in: the only time an answer keeps. */
export function quarterOf(isoDate: string): string {
	return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Attaches the exit survey to a new offboarding and mails its single-use link to the personal
 * address, in the caller's transaction. It goes out at once: the link outlives the work account.
 */
export async function attachExitSurvey(tx: Executor, offboardingId: string, leaver: { id: string; name: string; locale: string | null }, to: string, organisation: Organisation, origin: string, now: Date) {
	const issued = issueToken();
	await tx
		.update(offboarding)
		.set({ surveyTokenId: issued.id, surveySecretHash: issued.secretHash, surveyExpiresAt: new Date(now.getTime() + surveyLifetimeDays * 86_400_000) })
		.where(eq(offboarding.id, offboardingId));
	await queueEmail(tx, {
		to,
		personId: leaver.id,
		purpose: 'exit_survey',
		...exitSurveyEmail(recipientLocale(leaver.locale, organisation.defaultLocale), {
			organisation: organisation.name,
			name: leaver.name,
			link: `${origin}/alumni/exit-survey/${issued.token}`,
			days: surveyLifetimeDays
		})
	});
}

/** The offboarding behind a survey link while it can still be answered (not answered, not expired, not cancelled). */
async function findSurvey(executor: Executor, token: string, options: { lock?: boolean; now?: Date } = {}) {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const query = executor
		.select({ id: offboarding.id, secretHash: offboarding.surveySecretHash })
		.from(offboarding)
		.where(
			and(
				eq(offboarding.surveyTokenId, parsed.id),
				eq(offboarding.surveyAnswered, false),
				ne(offboarding.status, 'cancelled'),
				gt(offboarding.surveyExpiresAt, options.now ?? new Date())
			)
		);
	const [row] = options.lock ? await query.for('update') : await query;
	return row?.secretHash && secretMatches(parsed.secret, row.secretHash) ? { id: row.id } : null;
}

export const exitSurveyOpen = async (token: string) => !!(await findSurvey(db, token));

export interface ExitSurveyInput {
	scores: Record<ExitSurveyQuestion, number>;
	reason: ExitReason;
	comment: string | null;
}

/**
 * Records one answer. The link is spent and the answer written in one transaction, but they share
 * nothing: the offboarding only learns that it was answered, the answer only its quarter. The row
 * lock makes a link answer once, also when submitted twice at once.
 */
export async function answerExitSurvey(token: string, input: ExitSurveyInput, today: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const survey = await findSurvey(tx, token, { lock: true });
		if (!survey) return false;
		await tx.update(offboarding).set({ surveyAnswered: true, surveySecretHash: null }).where(eq(offboarding.id, survey.id));
		const quarter = quarterOf(today);
		await tx.insert(exitSurveyAnswer).values({ quarter, scores: exitSurveyQuestions.map((question) => input.scores[question]), reason: input.reason });
		if (input.comment) await tx.insert(exitSurveyComment).values({ quarter, body: input.comment });
		return true;
	});
}

export interface ExitSurveyQuarter {
	quarter: string;
	answered: number;
	/** Null while withheld (fewer than N answers). */
	means: Record<ExitSurveyQuestion, number> | null;
	reasons: { reason: ExitReason; count: number }[] | null;
	/** In random order; null below 2N answers. */
	comments: string[] | null;
}

// HR's results page asks these on every visit: built once (per number of quarters shown).
const quarterFigures = preparedShapes(
	(limit: number) => String(limit),
	(database, limit: number) =>
		database
			.select({
				quarter: exitSurveyAnswer.quarter,
				answered: sql<number>`count(*)::int`,
				sums: sql<number[]>`array[${sql.join(
					exitSurveyQuestions.map((_, index) => sql`sum(${exitSurveyAnswer.scores}[${sql.raw(String(index + 1))}])::int`),
					sql`, `
				)}]`
			})
			.from(exitSurveyAnswer)
			.where(lt(exitSurveyAnswer.quarter, sql.placeholder('current')))
			.groupBy(exitSurveyAnswer.quarter)
			.orderBy(desc(exitSurveyAnswer.quarter))
			.limit(literalCount(limit))
			.prepare(`exit_survey_quarters_${limit}`)
);

// The reasons of the quarters from `oldest` up to (not including) `current`: those the figures above list.
const quarterReasons = prepared((database) =>
	database
		.select({ quarter: exitSurveyAnswer.quarter, reason: exitSurveyAnswer.reason, count: sql<number>`count(*)::int` })
		.from(exitSurveyAnswer)
		.where(and(gte(exitSurveyAnswer.quarter, sql.placeholder('oldest')), lt(exitSurveyAnswer.quarter, sql.placeholder('current'))))
		.groupBy(exitSurveyAnswer.quarter, exitSurveyAnswer.reason)
		.prepare('exit_survey_reasons')
);

/**
 * HR's view: per quarter that is over, so a result never changes while people still answer (or
 * the answer that moved it would show). A quarter shows with at least N answers and its comments
 * with 2N: the pulse rule, from the pulse's own code.
 */
export async function exitSurveyResults(today: string, limit = 8): Promise<{ threshold: number; quarters: ExitSurveyQuarter[] }> {
	const threshold = await anonymityThreshold();
	const current = quarterOf(today);
	const rows = await quarterFigures(limit).execute({ current });
	// Quarters are groups side by side (none holds another), so the pulse rule comes down to the threshold.
	const tree = groupTree(rows.map((row) => ({ id: row.quarter, parentId: null })));
	const counts = new Map<string | null, number>(rows.map((row) => [row.quarter, row.answered]));
	const shown = shownGroups(tree, counts, new Set(counts.keys() as Iterable<string>), threshold);
	const withComments = shownGroups(tree, counts, shown, threshold * 2);
	const [reasonRows, commentRows] = shown.size
		? await Promise.all([
				// Only shown quarters' reasons are used below.
				quarterReasons().execute({ oldest: rows.at(-1)!.quarter, current }),
				withComments.size ? db.select({ quarter: exitSurveyComment.quarter, body: exitSurveyComment.body }).from(exitSurveyComment).where(inArray(exitSurveyComment.quarter, [...withComments])) : []
			])
		: [[], []];
	return {
		threshold,
		quarters: rows.map((row) => {
			if (!shown.has(row.quarter)) return { quarter: row.quarter, answered: row.answered, means: null, reasons: null, comments: null };
			const means = Object.fromEntries(exitSurveyQuestions.map((question, index) => [question, Math.round(((row.sums[index] ?? 0) / row.answered) * 10) / 10])) as Record<ExitSurveyQuestion, number>;
			const reasons = exitReasons
				.map((reason) => ({ reason, count: reasonRows.find((entry) => entry.quarter === row.quarter && entry.reason === reason)?.count ?? 0 }))
				.filter((entry) => entry.count > 0)
				.sort((a, b) => b.count - a.count);
			const comments = withComments.has(row.quarter) ? shuffle(commentRows.filter((entry) => entry.quarter === row.quarter).map((entry) => entry.body)) : null;
			return { quarter: row.quarter, answered: row.answered, means, reasons, comments };
		})
	};
}

const participationQuery = prepared((database) =>
	database
		.select({ asked: sql<number>`count(*)::int`, answered: sql<number>`count(*) filter (where ${offboarding.surveyAnswered})::int` })
		.from(offboarding)
		.where(and(sql`${offboarding.surveyTokenId} is not null`, ne(offboarding.status, 'cancelled')))
		.prepare('exit_survey_participation')
);

/** How many leavers were asked and how many answered, for HR's list (participation only, never answers). */
export async function exitSurveyParticipation() {
	const [row] = await participationQuery().execute();
	return row ?? { asked: 0, answered: 0 };
}
