import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { rawRows } from '../../src/lib/server/db';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { sessionCookieName } from '../../src/lib/server/auth/cookie';
import { orgUnit, outboxEmail, person } from '../../src/lib/server/db/schema';
import {
	pulseAnswer,
	pulseComment,
	pulseParticipation,
	pulseQuestion,
	pulseRound,
	pulseRoundUnit,
	pulseSurvey,
	pulseTally
} from '../../src/lib/server/pulse/schema';
import { addDays, createSurvey, happinessQuotient, netPromoterScore, openRoundsFor, pulseResults, pulseResultsChanged, runPulseCycle, today } from '../../src/lib/server/pulse';
import { orgWide } from '../../src/lib/pulse';
import type { Actor } from '../../src/lib/server/authz';
import { unitsChanged } from '../../src/lib/server/org';

let app: TestApp;
const day = today('Europe/Amsterdam');

async function actorFor(email: string): Promise<Actor> {
	const { id } = await personByEmail(app.db, email);
	const { token } = await createSession(app.db, id, { userAgent: 'test', ip: null });
	return (await validateSessionToken(token))!.actor;
}

/** A new active employee in `unitId`, signed in. */
async function freshEmployee(unitId: string | null) {
	const email = freshEmail('pulse');
	const [created] = await app.db.insert(person).values({ email, name: 'Pulse Person', kind: 'employee', status: 'active', unitId }).returning({ id: person.id });
	const client = app.client({ ip: `203.0.113.${Math.floor(Math.random() * 250) + 1}` });
	const { token } = await createSession(app.db, created!.id, { userAgent: 'test', ip: null });
	client.cookies.set(sessionCookieName(new URL(app.origin)), token);
	return { id: created!.id, email, client };
}

async function unitId(name: string): Promise<string> {
	const [unit] = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, name));
	return unit!.id;
}

async function demoOpenRound() {
	const [round] = await app.db
		.select(getTableColumns(pulseRound))
		.from(pulseRound)
		.innerJoin(pulseSurvey, eq(pulseSurvey.id, pulseRound.surveyId))
		.where(and(eq(pulseRound.closed, false), eq(pulseSurvey.name, 'Bi-weekly pulse')));
	const questions = await app.db.select().from(pulseQuestion).where(eq(pulseQuestion.surveyId, round!.surveyId));
	return { round: round!, questions };
}

const fullAnswer = (roundId: string, count: number, score = '7'): Record<string, string> => ({
	roundId,
	comment: '',
	...Object.fromEntries(Array.from({ length: count }, (_, position) => [`score_${position}`, score]))
});

const countAnswers = async (roundId: string) => (await app.db.select({ n: sql<number>`count(*)::int` }).from(pulseAnswer).where(eq(pulseAnswer.roundId, roundId)))[0]!.n;

/** A survey with one closed round whose answers per unit are given: what the results see after a round closes. */
async function closedSurvey(minGroupSize: number, answersPerUnit: [string | null, number][], comments: [string | null, string][] = []) {
	const created = await createSurvey({
		name: `Crafted ${freshEmail()}`,
		questions: [
			{ kind: 'happiness', prompt: 'Happy?' },
			{ kind: 'workload', prompt: 'Workload?' },
			{ kind: 'enps', prompt: 'Recommend?' }
		],
		audienceUnitIds: [],
		recurrenceDays: 14,
		windowDays: 5,
		minGroupSize,
		allowComment: true,
		firstOpensOn: addDays(day, 365)
	});
	if (!created.ok) throw new Error('survey');
	const questions = await app.db.select().from(pulseQuestion).where(eq(pulseQuestion.surveyId, created.id));
	const [round] = await app.db
		.insert(pulseRound)
		.values({ surveyId: created.id, number: 1, opensOn: addDays(day, -20), closesOn: addDays(day, -16), closed: true })
		.returning({ id: pulseRound.id });
	await app.db.insert(pulseRoundUnit).values(answersPerUnit.map(([unit, answered]) => ({ roundId: round!.id, unitId: unit, invited: answered + 1, answered })));
	// Everyone answers 8 on happiness, 6 on workload, and alternately 10 and 3 on eNPS.
	await app.db.insert(pulseTally).values(
		answersPerUnit.flatMap(([unit, answered]) =>
			questions.map((question) => ({
				roundId: round!.id,
				unitId: unit,
				questionId: question.id,
				answers: answered,
				total: question.kind === 'happiness' ? 8 * answered : question.kind === 'workload' ? 6 * answered : 10 * Math.ceil(answered / 2) + 3 * Math.floor(answered / 2),
				promoters: question.kind === 'enps' ? Math.ceil(answered / 2) : 0,
				detractors: question.kind === 'enps' ? Math.floor(answered / 2) : 0
			}))
		)
	);
	if (comments.length) await app.db.insert(pulseComment).values(comments.map(([unit, body]) => ({ roundId: round!.id, unitId: unit, body })));
	pulseResultsChanged(); // written past the pulse module, which keeps the closed rounds it read
	return created.id;
}

/** A small tree of its own: Lab with the teams Big and Small below it. */
async function lab(prefix: string) {
	const [top] = await app.db.insert(orgUnit).values({ name: `${prefix} Lab` }).returning({ id: orgUnit.id });
	const [big] = await app.db.insert(orgUnit).values({ name: `${prefix} Big`, parentId: top!.id }).returning({ id: orgUnit.id });
	const [small] = await app.db.insert(orgUnit).values({ name: `${prefix} Small`, parentId: top!.id }).returning({ id: orgUnit.id });
	unitsChanged(); // written past the org module, which keeps the units it read
	return { top: top!.id, big: big!.id, small: small!.id };
}

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

describe('answering a pulse', () => {
	it('an employee answers the open round without JavaScript, once', async () => {
		const client = await clientFor(app, 'employee');
		const page = await client.get('/pulse');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('href="/pulse/anonymity"');
		expect(html).toContain('name="score_0"');
		const { round, questions } = await demoOpenRound();
		const before = await countAnswers(round.id);

		const first = await client.post('/pulse?/answer', { ...fullAnswer(round.id, questions.length), comment: 'More pairing, please.' });
		expect(first.status).toBe(303);
		expect(await countAnswers(round.id)).toBe(before + 1);
		expect(await (await client.get('/pulse')).text()).not.toContain('name="score_0"');

		const second = await client.action('/pulse?/answer', fullAnswer(round.id, questions.length));
		expect(second.status).toBe(409);
		expect(await countAnswers(round.id)).toBe(before + 1);
	});

	it('refuses a second answer also when the submissions arrive at the same time', async () => {
		const { round, questions } = await demoOpenRound();
		const someone = await freshEmployee(await unitId('Consulting'));
		const before = await countAnswers(round.id);
		const results = await Promise.all(Array.from({ length: 6 }, () => someone.client.action('/pulse?/answer', fullAnswer(round.id, questions.length))));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(5);
		expect(await countAnswers(round.id)).toBe(before + 1);
		const taken = await app.db.select().from(pulseParticipation).where(and(eq(pulseParticipation.roundId, round.id), eq(pulseParticipation.personId, someone.id)));
		expect(taken).toHaveLength(1);
	});

	it('refuses an incomplete or out-of-range answer next to the question, and writes nothing', async () => {
		const { round, questions } = await demoOpenRound();
		const someone = await freshEmployee(await unitId('Consulting'));
		const before = await countAnswers(round.id);
		const { score_1: _skipped, ...missing } = fullAnswer(round.id, questions.length);
		for (const fields of [missing, { ...fullAnswer(round.id, questions.length), score_2: '11' }, { ...fullAnswer(round.id, questions.length), score_0: 'x' }]) {
			const result = await someone.client.action('/pulse?/answer', fields);
			expect(result.status).toBe(400);
			expect(Object.keys((result.data as { errors: Record<string, string> }).errors)).toHaveLength(1);
		}
		expect(await countAnswers(round.id)).toBe(before);
		expect(await app.db.select().from(pulseParticipation).where(eq(pulseParticipation.personId, someone.id))).toHaveLength(0);
	});

	it('a round is answerable only by its audience', async () => {
		const { top } = await lab('Audience');
		const created = await createSurvey({
			name: 'Lab only',
			questions: [{ kind: 'happiness', prompt: 'Happy?' }],
			audienceUnitIds: [top],
			recurrenceDays: 14,
			windowDays: 5,
			minGroupSize: 5,
			allowComment: false,
			firstOpensOn: day
		});
		expect(created.ok).toBe(true);
		await runPulseCycle(day);
		const [round] = await app.db.select().from(pulseRound).where(eq(pulseRound.surveyId, (created as { id: string }).id));
		const outsider = await freshEmployee(await unitId('Consulting'));
		expect((await outsider.client.action('/pulse?/answer', fullAnswer(round!.id, 1))).status).toBe(404);
	});
});

describe('the pulse cycle (pg-boss job)', () => {
	it('opens a round with invitations, reminds once, and on closing tallies the answers and forgets who answered', async () => {
		const units = await lab('Cycle');
		const created = await createSurvey({
			name: 'Cycle pulse',
			questions: [
				{ kind: 'happiness', prompt: 'Happy?' },
				{ kind: 'enps', prompt: 'Recommend?' }
			],
			audienceUnitIds: [units.top],
			recurrenceDays: 14,
			// Short, so that the cycle below never reaches the day the demo's open round closes.
			windowDays: 2,
			minGroupSize: 3,
			allowComment: true,
			firstOpensOn: day
		});
		const surveyId = (created as { id: string }).id;
		const people = await Promise.all(Array.from({ length: 4 }, () => freshEmployee(units.big)));
		await runPulseCycle(day);
		const [round] = await app.db.select().from(pulseRound).where(eq(pulseRound.surveyId, surveyId));
		expect(round).toMatchObject({ number: 1, opensOn: day, closesOn: addDays(day, 1), closed: false });
		const invitations = await app.db.select().from(outboxEmail).where(and(eq(outboxEmail.purpose, 'pulse_invitation'), inArray(outboxEmail.toAddress, people.map((p) => p.email))));
		expect(invitations).toHaveLength(4);
		expect((await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.id, surveyId)))[0]!.nextOpensOn).toBe(addDays(day, 14));
		// Running again the same day opens nothing new.
		await runPulseCycle(day);
		expect(await app.db.select().from(pulseRound).where(eq(pulseRound.surveyId, surveyId))).toHaveLength(1);

		for (const [index, someone] of people.slice(0, 3).entries()) {
			const result = await someone.client.action('/pulse?/answer', { roundId: round!.id, score_0: String(6 + index), score_1: String(8 + index), comment: `Comment ${index}` });
			expect(result.type).toBe('redirect');
		}
		await runPulseCycle(addDays(day, 1));
		await runPulseCycle(addDays(day, 1));
		// (The demo's whole-organisation pulse reminds these people too: only this survey's reminders count here.)
		const reminders = await app.db
			.select()
			.from(outboxEmail)
			.where(and(eq(outboxEmail.purpose, 'pulse_reminder'), inArray(outboxEmail.toAddress, people.map((p) => p.email)), sql`${outboxEmail.subject} like '%Cycle pulse%'`));
		expect(reminders.map((email) => email.toAddress)).toEqual([people[3]!.email]);

		// The results, read while the round is open, show it the moment it closes.
		const hr = await actorFor(demo.hr);
		expect((await pulseResults(hr, { surveyId }))!.rounds).toEqual([]);
		await runPulseCycle(addDays(day, 2));
		expect((await app.db.select().from(pulseRound).where(eq(pulseRound.id, round!.id)))[0]!.closed).toBe(true);
		expect((await pulseResults(hr, { surveyId }))!.rounds.map((closed) => closed.id)).toEqual([round!.id]);
		expect(await countAnswers(round!.id)).toBe(0);
		expect(await app.db.select().from(pulseParticipation).where(eq(pulseParticipation.roundId, round!.id))).toHaveLength(0);
		const tallies = await app.db.select().from(pulseTally).where(eq(pulseTally.roundId, round!.id));
		expect(tallies.map(({ answers, total, promoters, detractors }) => ({ answers, total, promoters, detractors })).sort((a, b) => a.total - b.total)).toEqual([
			{ answers: 3, total: 21, promoters: 0, detractors: 1 },
			{ answers: 3, total: 27, promoters: 2, detractors: 0 }
		]);
		const [counted] = await app.db.select().from(pulseRoundUnit).where(and(eq(pulseRoundUnit.roundId, round!.id), eq(pulseRoundUnit.unitId, units.big)));
		expect(counted).toMatchObject({ invited: 4, answered: 3 });
		expect(await app.db.select().from(pulseComment).where(eq(pulseComment.roundId, round!.id))).toHaveLength(3);
	});
});

describe('anonymity rules (each as stated on /pulse/anonymity)', () => {
	it('anonymity rule: an answer is stored without a name or account', async () => {
		const columns = await rawRows<{ table_name: string; column_name: string }>(
			app.db,
			sql`select table_name, column_name from information_schema.columns where table_name in ('pulse_answer', 'pulse_comment', 'pulse_tally') order by table_name, ordinal_position`
		);
		const byTable = (table: string) => columns.filter((column) => column.table_name === table).map((column) => column.column_name);
		expect(byTable('pulse_answer')).toEqual(['id', 'round_id', 'unit_id', 'scores']);
		expect(byTable('pulse_comment')).toEqual(['id', 'round_id', 'unit_id', 'body']);
		const references = await rawRows<{ table_name: string; foreign_table: string }>(
			app.db,
			sql`select tc.table_name, ccu.table_name as foreign_table from information_schema.table_constraints tc
				join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
				where tc.constraint_type = 'FOREIGN KEY' and tc.table_name in ('pulse_answer', 'pulse_comment', 'pulse_tally')`
		);
		expect(references.filter((reference) => reference.foreign_table === 'person')).toEqual([]);
	});

	it('anonymity rule: who took part is stored apart, with no shared number and no time', async () => {
		const columns = await rawRows<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>(
			app.db,
			sql`select table_name, column_name, data_type, column_default from information_schema.columns where table_name in ('pulse_participation', 'pulse_answer', 'pulse_comment')`
		);
		expect(columns.filter((column) => column.table_name === 'pulse_participation').map((column) => column.column_name).sort()).toEqual(['person_id', 'round_id']);
		// No times, and no numbers handed out in order (a serial would line answers up with participation).
		expect(columns.filter((column) => /time|date/.test(column.data_type))).toEqual([]);
		expect(columns.filter((column) => column.column_default?.includes('nextval'))).toEqual([]);
		expect(columns.filter((column) => column.column_name === 'id').map((column) => column.column_default)).toEqual(['gen_random_uuid()', 'gen_random_uuid()']);
	});

	it('anonymity rule: results show closed rounds only', async () => {
		const hr = await actorFor(demo.hr);
		const { round } = await demoOpenRound();
		const results = await pulseResults(hr, { surveyId: round.surveyId });
		expect(results!.rounds.map((shown) => shown.number)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
		expect(results!.rounds.some((shown) => shown.id === round.id)).toBe(false);
	});

	it('anonymity rule: a group below N is not shown and is folded into its parent', async () => {
		const units = await lab('Fold');
		const surveyId = await closedSurvey(5, [
			[units.big, 6],
			[units.small, 4]
		]);
		const hr = await actorFor(demo.hr);
		const results = (await pulseResults(hr, { surveyId, group: units.top }))!;
		expect(results.series[units.small]).toEqual([null]);
		expect(results.series[units.top]![0]).toMatchObject({ answered: 10 });
		// Big (6) and Lab (10) are both at N or more, but Lab minus Big would be Small's 4: one of them goes.
		expect(results.series[units.big]).toEqual([null]);
		const page = await (await clientFor(app, 'hr')).get(`/pulse/results?survey=${surveyId}&group=${units.small}`);
		expect(await page.text()).toContain('Not enough answers to show');
	});

	it('anonymity rule: N is at least 3', async () => {
		const client = await clientFor(app, 'hr');
		const before = await app.db.select({ id: pulseSurvey.id }).from(pulseSurvey);
		const result = await client.action('/admin/pulse?/create', {
			name: 'Tiny groups',
			questions_happiness: 'Happy?',
			recurrenceDays: '14',
			windowDays: '5',
			minGroupSize: '2',
			firstOpensOn: day
		});
		expect(result.status).toBe(400);
		expect(Object.keys((result.data as { errors: Record<string, string> }).errors)).toEqual(['minGroupSize']);
		expect(await app.db.select({ id: pulseSurvey.id }).from(pulseSurvey)).toHaveLength(before.length);
		await expect(app.db.update(pulseSurvey).set({ minGroupSize: 2 })).rejects.toThrow();
	});

	it('anonymity rule: comments need 2N answers and come without unit, in random order', async () => {
		const units = await lab('Comments');
		const comments: [string | null, string][] = Array.from({ length: 12 }, (_, index) => [index % 2 ? units.big : units.small, `Remark ${index}`]);
		const surveyId = await closedSurvey(3, [
			[units.big, 6],
			[units.small, 5]
		], comments);
		const hr = await actorFor(demo.hr);
		// Big has 6 = 2N answers, but Lab (11) minus Big would leave Small's 5 < 2N: Lab's comments show, Big's and Small's do not.
		expect((await pulseResults(hr, { surveyId, group: units.small }))!.comments).toBeNull();
		const top = (await pulseResults(hr, { surveyId, group: units.top }))!;
		expect(top.comments!.slice().sort()).toEqual(comments.map(([, body]) => body).sort());
		expect((await pulseResults(hr, { surveyId, group: units.big }))!.comments).toBeNull();
		const orders = new Set<string>();
		for (let attempt = 0; attempt < 10; attempt++) orders.add((await pulseResults(hr, { surveyId, group: units.top }))!.comments!.join('|'));
		expect(orders.size).toBeGreaterThan(1);
	});

	it('anonymity rule: a view is withheld when with another view it reveals a group below N (differencing)', async () => {
		const units = await lab('Difference');
		// The organisation holds only these answers in this survey: Lab 3 + Big 12 = 15, Small 0.
		const surveyId = await closedSurvey(5, [
			[units.top, 3],
			[units.big, 12]
		]);
		const hr = await actorFor(demo.hr);
		const results = (await pulseResults(hr, { surveyId, group: units.top }))!;
		const shown = Object.entries(results.series).filter(([, points]) => points[0] !== null).map(([group]) => group);
		// Lab minus Big would be Lab's own 3 answers: Big is withheld; organisation and Lab (both 15) are the same group.
		expect(shown.sort()).toEqual([orgWide, units.top].sort());
	});

	it('anonymity rule: employees see the organisation, managers their own units, HR every group', async () => {
		const serviceDesk = await unitId('Service Desk');
		const platform = await unitId('Platform Team');
		const observability = await unitId('Observability');
		const employee = await clientFor(app, 'employee');
		const manager = await clientFor(app, 'manager');
		const hr = await clientFor(app, 'hr');
		expect((await employee.get('/pulse/results')).status).toBe(200);
		expect((await employee.get(`/pulse/results?group=${platform}`)).status).toBe(404);
		expect((await manager.get(`/pulse/results?group=${platform}`)).status).toBe(200);
		expect((await manager.get(`/pulse/results?group=${observability}`)).status).toBe(200);
		expect((await manager.get(`/pulse/results?group=${serviceDesk}`)).status).toBe(404);
		expect((await hr.get(`/pulse/results?group=${serviceDesk}`)).status).toBe(200);
		const { round } = await demoOpenRound();
		const managerView = (await pulseResults(await actorFor(demo.manager), { surveyId: round.surveyId }))!;
		expect(managerView.groups.map((group) => group.id).sort()).toEqual([orgWide, platform, observability].sort());
		expect(managerView.selected).toBe(platform);
		expect((await pulseResults(await actorFor(demo.hr), { surveyId: round.surveyId }))!.selected).toBe(orgWide);
	});
});

describe('results', () => {
	it('the happiness quotient is the mean of the dimension means times ten; eNPS is promoters minus detractors', async () => {
		expect(happinessQuotient([7, 8, 6])).toBe(70);
		expect(happinessQuotient([6.5, 7.25])).toBe(69);
		expect(happinessQuotient([])).toBeNull();
		expect(netPromoterScore(10, 5, 2)).toBe(30);
		const units = await lab('Formula');
		const surveyId = await closedSurvey(5, [[units.big, 10]]);
		const results = (await pulseResults(await actorFor(demo.hr), { surveyId, group: units.big }))!;
		// Happiness 8, workload 6 → HQ 70; 5 promoters and 5 detractors of 10 → eNPS 0.
		expect(results.series[units.big]![0]).toMatchObject({ dimensions: { happiness: 8, workload: 6 }, hq: 70, enps: 0, answered: 10, invited: 11 });
	});

	it('the demo shows 12 rounds, the small unit withheld, and the open round ready for the demo employee', async () => {
		const { round } = await demoOpenRound();
		const results = (await pulseResults(await actorFor(demo.hr), { surveyId: round.surveyId }))!;
		expect(results.rounds).toHaveLength(12);
		const observability = await unitId('Observability');
		expect(results.series[observability]!.every((point) => point === null)).toBe(true);
		expect(results.series[orgWide]!.every((point) => point !== null && point.hq !== null)).toBe(true);
		const page = await (await clientFor(app, 'manager')).get('/pulse/results');
		const html = await page.text();
		expect(html).toContain('<svg');
		expect(html).toContain('Not enough answers to show');
		const rounds = await openRoundsFor(await actorFor(demo.manager));
		expect(rounds).toHaveLength(1);
	});
});

describe('you said, we did', () => {
	it('a lead records an action for their own unit only; HR for any group; the results show the trend since', async () => {
		const { round } = await demoOpenRound();
		const platform = await unitId('Platform Team');
		const serviceDesk = await unitId('Service Desk');
		const rounds = await app.db.select().from(pulseRound).where(and(eq(pulseRound.surveyId, round.surveyId), eq(pulseRound.closed, true))).orderBy(pulseRound.number);
		// Taken the day after round 9 closed: round 9 is "before", round 12 (the latest) is "since".
		const takenOn = addDays(rounds[8]!.closesOn, 1);
		const action = (group: string, title: string) => ({ surveyId: round.surveyId, group, dimension: 'autonomy', title, description: '', takenOn });
		const manager = await clientFor(app, 'manager');
		// Read before: an action recorded shows at once.
		await pulseResults(await actorFor(demo.manager), { surveyId: round.surveyId, group: platform });
		expect((await manager.action('/pulse/results?/act', action(platform, 'Own planning per sprint'))).type).toBe('redirect');
		expect((await manager.action('/pulse/results?/act', action(serviceDesk, 'Not mine to do'))).status).toBe(404);
		expect((await manager.action('/pulse/results?/act', action(orgWide, 'Not mine either'))).status).toBe(404);
		expect((await (await clientFor(app, 'employee')).action('/pulse/results?/act', action(platform, 'Nor mine'))).status).toBe(404);
		expect((await (await clientFor(app, 'hr')).action('/pulse/results?/act', action(serviceDesk, 'Desk rota changed'))).type).toBe('redirect');
		const bad = await manager.action('/pulse/results?/act', { ...action(platform, ' '), dimension: 'enps', takenOn: 'later' });
		expect(Object.keys((bad.data as { errors: object }).errors).sort()).toEqual(['dimension', 'takenOn', 'title']);

		const results = (await pulseResults(await actorFor(demo.manager), { surveyId: round.surveyId, group: platform }))!;
		const recorded = results.actions.find((candidate) => candidate.title === 'Own planning per sprint')!;
		expect(recorded.before).toBe(results.series[platform]![8]!.dimensions.autonomy);
		expect(recorded.since).toBe(results.series[platform]![11]!.dimensions.autonomy);
		expect(results.actions.map((candidate) => candidate.title)).not.toContain('Desk rota changed');
		expect(results.canAct).toBe(true);

		// People see the actions for their own groups on /pulse: Eva (Platform Team) this one and the organisation's, not the desk's.
		const html = await (await (await clientFor(app, 'employee')).get('/pulse')).text();
		expect(html).toContain('Own planning per sprint');
		expect(html).toContain('Results of every round shared at the monthly town hall');
		expect(html).not.toContain('Desk rota changed');
		expect(html).not.toContain('Two extra analysts hired for the desk');
	});
});
