import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { createRandom } from '../demo';
import { pulseDimensions, type PulseQuestionKind } from '$lib/pulse';
import { pulseAction, pulseAnswer, pulseComment, pulseParticipation, pulseQuestion, pulseRound, pulseRoundUnit, pulseSurvey, pulseTally } from './schema';
import { addDays, pulseResultsChanged, today } from './index';

const prompts: Record<PulseQuestionKind, string> = {
	happiness: 'How happy are you at work these days?',
	workload: 'Is your workload manageable?',
	autonomy: 'Do you have enough say in how you do your work?',
	growth: 'Are you learning and growing here?',
	connection: 'Do you feel connected to your colleagues?',
	recognition: 'Is your work recognised?',
	belief: 'Do you believe something will be done with the results of this survey?',
	enps: 'How likely are you to recommend working here to a friend?'
};

/** Where the demo's story differs from the organisation's usual mood: change per round, per dimension. */
const trends: Record<string, Partial<Record<PulseQuestionKind, number>>> = {
	'Service Desk': { happiness: -0.12, workload: -0.2, recognition: -0.1, enps: -0.12 },
	'Application Development': { growth: -0.12, autonomy: -0.08 },
	'Data & AI': { happiness: 0.06, growth: 0.08 },
	Consulting: { workload: -0.1, connection: -0.08 }
};

const comments = [
	'The new on-call rota helps a lot, thanks.',
	'Too many tickets, too few people on the desk.',
	'I would love more time for learning.',
	'Great team, but meetings eat my whole week.',
	'Please share what was done with the last results.',
	'Flexible hours make a real difference for me.',
	'I miss the Friday knowledge sessions.',
	'Clearer priorities from management would help.',
	'Onboarding of new colleagues went really well.',
	'The office is too noisy to focus.'
];

/**
 * Four people, to show that a group this small is never shown on its own. The unit is led by the
 * Platform Team's lead (the demo manager), so that the manager's results show it withheld; the four
 * report to the director of Engineering, which leaves the manager's own team as the other demos know it.
 */
const smallUnit = {
	name: 'Observability',
	parent: 'Engineering',
	ledLike: 'Platform Team',
	people: [
		{ name: 'Marit Oosterhuis', email: 'marit.oosterhuis@noorderlicht.example', jobTitle: 'Observability Engineer' },
		{ name: 'Gerrit Talsma', email: 'gerrit.talsma@noorderlicht.example', jobTitle: 'Site Reliability Engineer' },
		{ name: 'Yara el Idrissi', email: 'yara.elidrissi@noorderlicht.example', jobTitle: 'Monitoring Specialist' },
		{ name: 'Pepijn Kloosterman', email: 'pepijn.kloosterman@noorderlicht.example', jobTitle: 'Platform Engineer' }
	]
};

const roundsBack = 12;
const recurrenceDays = 14;
const windowDays = 5;

/**
 * A bi-weekly pulse for the whole organisation: 12 closed rounds (stored as closed rounds are, as
 * tallies per unit), and a 13th open since yesterday with some answers in, but none from the demo logins.
 */
export async function seedPulseDemo(executor: Executor, options: { timeZone: string; passwordHash: string }): Promise<void> {
	const random = createRandom(0x70756c73);
	const [parent] = await executor.select({ id: orgUnit.id, leadId: orgUnit.leadId }).from(orgUnit).where(eq(orgUnit.name, smallUnit.parent));
	const [sibling] = await executor.select({ leadId: orgUnit.leadId }).from(orgUnit).where(eq(orgUnit.name, smallUnit.ledLike));
	if (!parent || !sibling) throw new Error('Pulse demo: no Engineering or Platform Team.');
	const [small] = await executor.insert(orgUnit).values({ name: smallUnit.name, parentId: parent.id, leadId: sibling.leadId }).returning({ id: orgUnit.id });
	await executor.insert(person).values(
		smallUnit.people.map((member) => ({
			...member,
			kind: 'employee' as const,
			status: 'active' as const,
			unitId: small!.id,
			managerId: parent.leadId,
			passwordHash: options.passwordHash,
			locale: 'nl',
			location: 'Groningen',
			startedOn: '2023-04-01'
		}))
	);

	const units = await executor.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit);
	const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
	const employees = await executor
		.select({ id: person.id, email: person.email, unitId: person.unitId })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')));

	const day = today(options.timeZone);
	const openedOn = addDays(day, -1);
	const surveyId = randomUUID();
	await executor.insert(pulseSurvey).values({
		id: surveyId,
		name: 'Bi-weekly pulse',
		recurrenceDays,
		windowDays,
		minGroupSize: 5,
		allowComment: true,
		nextOpensOn: addDays(openedOn, recurrenceDays)
	});
	const kinds: PulseQuestionKind[] = [...pulseDimensions, 'enps'];
	const questions = kinds.map((kind, position) => ({ id: randomUUID(), surveyId, position, kind, prompt: prompts[kind] }));
	await executor.insert(pulseQuestion).values(questions);

	const rounds = Array.from({ length: roundsBack + 1 }, (_, index) => {
		const opensOn = addDays(openedOn, -(roundsBack - index) * recurrenceDays);
		return { id: randomUUID(), surveyId, number: index + 1, opensOn, closesOn: addDays(opensOn, windowDays - 1), closed: index < roundsBack, reminded: index < roundsBack };
	});
	await executor.insert(pulseRound).values(rounds);

	// Everyone has a mood of their own around the organisation's; units drift as `trends` says.
	const baseline = new Map(employees.map((employee) => [employee.id, random.int(-15, 15) / 10]));
	const scoreOf = (employeeId: string, unitId: string | null, kind: PulseQuestionKind, round: number): number => {
		const drift = (trends[unitName.get(unitId ?? '') ?? ''] ?? {})[kind] ?? 0;
		const mean = 7 + (kind === 'workload' ? -0.6 : 0) + (kind === 'belief' ? -0.9 : 0) + baseline.get(employeeId)! + drift * round;
		return Math.max(0, Math.min(10, Math.round(mean + (random.int(-15, 15) / 10))));
	};

	const tallies: (typeof pulseTally.$inferInsert)[] = [];
	const roundUnits: (typeof pulseRoundUnit.$inferInsert)[] = [];
	const closedComments: (typeof pulseComment.$inferInsert)[] = [];
	const openAnswers: (typeof pulseAnswer.$inferInsert)[] = [];
	const participation: (typeof pulseParticipation.$inferInsert)[] = [];
	const demoLogins = new Set(['employee@noorderlicht.example', 'manager@noorderlicht.example', 'hr@noorderlicht.example', 'admin@noorderlicht.example']);

	for (const round of rounds) {
		const perUnit = new Map<string | null, { invited: number; answered: number; sums: Map<string, { answers: number; total: number; promoters: number; detractors: number }> }>();
		for (const employee of employees) {
			const entry = perUnit.get(employee.unitId) ?? { invited: 0, answered: 0, sums: new Map() };
			perUnit.set(employee.unitId, entry);
			entry.invited++;
			if (!round.closed && demoLogins.has(employee.email)) continue;
			if (!random.chance(round.closed ? 0.78 : 0.4)) continue;
			entry.answered++;
			const scores = questions.map((question) => scoreOf(employee.id, employee.unitId, question.kind, round.number));
			if (round.closed) {
				questions.forEach((question, index) => {
					const score = scores[index]!;
					const sum = entry.sums.get(question.id) ?? { answers: 0, total: 0, promoters: 0, detractors: 0 };
					sum.answers++;
					sum.total += score;
					if (score >= 9) sum.promoters++;
					if (score <= 6) sum.detractors++;
					entry.sums.set(question.id, sum);
				});
			} else {
				openAnswers.push({ roundId: round.id, unitId: employee.unitId, scores });
				participation.push({ roundId: round.id, personId: employee.id });
			}
			if (round.closed && random.chance(0.12)) closedComments.push({ roundId: round.id, unitId: employee.unitId, body: random.pick(comments) });
		}
		for (const [unitId, entry] of perUnit) {
			roundUnits.push({ roundId: round.id, unitId, invited: entry.invited, answered: round.closed ? entry.answered : 0 });
			for (const [questionId, sum] of entry.sums) tallies.push({ roundId: round.id, unitId, questionId, ...sum });
		}
	}

	// A few thousand rows in all: chunks keep each statement well below the parameter limit.
	const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
		for (let start = 0; start < rows.length; start += 1000) await insert(rows.slice(start, start + 1000));
	};
	await chunked(tallies, (chunk) => executor.insert(pulseTally).values(chunk));
	await chunked(roundUnits, (chunk) => executor.insert(pulseRoundUnit).values(chunk));
	await chunked(closedComments, (chunk) => executor.insert(pulseComment).values(chunk));
	await chunked(openAnswers, (chunk) => executor.insert(pulseAnswer).values(chunk));
	await chunked(participation, (chunk) => executor.insert(pulseParticipation).values(chunk));

	// "You said, we did": a few actions, taken a few rounds back so the trend since shows.
	const unitIdOf = (name: string) => units.find((unit) => unit.name === name)?.id ?? null;
	await executor.insert(pulseAction).values([
		{ surveyId, unitId: null, dimension: 'belief', title: 'Results of every round shared at the monthly town hall', takenOn: addDays(openedOn, -6 * recurrenceDays + 6) },
		{
			surveyId,
			unitId: unitIdOf('Service Desk'),
			dimension: 'workload',
			title: 'Two extra analysts hired for the desk',
			description: 'Both start in the next month; until then second line takes the evening shift.',
			takenOn: addDays(openedOn, -3 * recurrenceDays + 6)
		},
		{ surveyId, unitId: unitIdOf('Application Development'), dimension: 'growth', title: 'Friday afternoons for learning', takenOn: addDays(openedOn, -4 * recurrenceDays + 6) }
	]);
}

/**
 * For the benchmark: the demo pulse's closed rounds also asked everyone employed whom the large
 * organisation added (10k people at scale 1, in the demo's units), three in four or so answering,
 * as tallies per unit and question like any closed round. Spread by a hash of unit, question and
 * round rather than drawn at random, so every run gets the same figures. Three statements.
 */
export async function seedLargePulse(executor: Executor): Promise<void> {
	const closedRounds = sql`select r.id, r.number from pulse_round r join pulse_survey s on s.id = r.survey_id where s.name = 'Bi-weekly pulse' and r.closed`;
	const answering = (invited: SQL, unitId: SQL, round: SQL) => sql`(${invited} * (70 + abs(hashtext(coalesce(${unitId}::text, '') || ${round})) % 20) / 100)`;
	const score = (answers: SQL, unitId: SQL, questionId: SQL, round: SQL) => sql`(${answers} * (55 + abs(hashtext(coalesce(${unitId}::text, '') || ${questionId}::text || ${round})) % 30) / 10)`;
	// Units the demo pulse asked nobody in.
	await executor.execute(sql`
		insert into pulse_round_unit (round_id, unit_id, invited, answered)
		select r.id, p.unit_id, count(*)::int, ${answering(sql`count(*)`, sql`p.unit_id`, sql`r.number`)}::int
		from (${closedRounds}) r cross join person p
		where p.kind = 'employee' and p.status = 'active'
			and not exists (select 1 from pulse_round_unit u where u.round_id = r.id and u.unit_id is not distinct from p.unit_id)
		group by r.id, r.number, p.unit_id`);
	// Units that have grown since: their tallies and counts take the newcomers' answers, in one statement so both see the same counts.
	await executor.execute(sql`
		with headcount as (select unit_id, count(*)::int as employees from person where kind = 'employee' and status = 'active' group by unit_id),
		grown as (
			select u.round_id, u.unit_id, r.number, h.employees - u.invited as added, ${answering(sql`(h.employees - u.invited)`, sql`u.unit_id`, sql`r.number`)}::int as extra
			from pulse_round_unit u join (${closedRounds}) r on r.id = u.round_id join headcount h on h.unit_id is not distinct from u.unit_id
			where h.employees > u.invited
		),
		tallied as (
			update pulse_tally t set answers = t.answers + g.extra, total = t.total + ${score(sql`g.extra`, sql`g.unit_id`, sql`t.question_id`, sql`g.number`)}::int,
				promoters = t.promoters + g.extra * 25 / 100, detractors = t.detractors + g.extra * 30 / 100
			from grown g where t.round_id = g.round_id and t.unit_id is not distinct from g.unit_id
			returning 1
		)
		update pulse_round_unit u set invited = u.invited + g.added, answered = u.answered + g.extra
		from grown g where u.round_id = g.round_id and u.unit_id is not distinct from g.unit_id`);
	// Tallies for every unit that has answers but none yet.
	await executor.execute(sql`
		insert into pulse_tally (round_id, unit_id, question_id, answers, total, promoters, detractors)
		select u.round_id, u.unit_id, q.id, u.answered, ${score(sql`u.answered`, sql`u.unit_id`, sql`q.id`, sql`r.number`)}::int,
			(u.answered * 25 / 100)::int, (u.answered * 30 / 100)::int
		from pulse_round_unit u join (${closedRounds}) r on r.id = u.round_id join pulse_round pr on pr.id = u.round_id join pulse_question q on q.survey_id = pr.survey_id
		where u.answered > 0 and not exists (select 1 from pulse_tally t where t.round_id = u.round_id and t.unit_id is not distinct from u.unit_id)`);
	// These rounds were closed already: their figures may be cached.
	pulseResultsChanged();
}
