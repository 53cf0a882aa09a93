import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor, clientForPerson } from '../support/sessions';
import { freshEmail } from '../support/fixtures';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { auditEvent, orgUnit, person } from '../../src/lib/server/db/schema';
import { pulseQuestion, pulseRound, pulseSurvey, pulseTally } from '../../src/lib/server/pulse/schema';
import { addDays, openRoundsFor, runPulseCycle, today } from '../../src/lib/server/pulse';
import { pulseDimensions } from '../../src/lib/pulse';
import { unitsChanged } from '../../src/lib/server/org';

let app: TestApp;
const day = today('Europe/Amsterdam');
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** The create/edit form as a browser sends it: one question per line per dimension. */
function surveyForm(name: string, questions: Partial<Record<(typeof pulseDimensions)[number], string>>, extra: Record<string, string> = {}) {
	return {
		name,
		...Object.fromEntries(pulseDimensions.map((dimension) => [`questions_${dimension}`, questions[dimension] ?? ''])),
		allowComment: 'on',
		recurrenceDays: '14',
		windowDays: '3',
		minGroupSize: '5',
		...extra
	};
}

async function employeeIn(unitId: string) {
	const [created] = await app.db.insert(person).values({ email: freshEmail('edit'), name: 'Edit Person', kind: 'employee', status: 'active', unitId }).returning({ id: person.id });
	const { token } = await createSession(app.db, created!.id, { userAgent: 'test', ip: null });
	return { id: created!.id, actor: (await validateSessionToken(token))!.actor };
}

const questionsOf = async (surveyId: string) =>
	app.db.select().from(pulseQuestion).where(eq(pulseQuestion.surveyId, surveyId)).orderBy(asc(pulseQuestion.firstRound), asc(pulseQuestion.position));

describe('editing a pulse', () => {
	it('applies from the next round on: the open round keeps its questions, the next asks the new ones, past tallies keep theirs; audited', async () => {
		const hr = await clientFor(app, 'hr');
		const [unit] = await app.db.insert(orgUnit).values({ name: `Edit Lab ${freshEmail()}` }).returning({ id: orgUnit.id });
		unitsChanged(); // written past the org module, which keeps the units it read
		const name = `Edit pulse ${freshEmail()}`;
		await hr.get('/pulse/results'); // read before: a new survey shows at once
		const created = await hr.action('/admin/pulse?/create', { ...surveyForm(name, { happiness: 'Happy?', workload: 'Workload?' }), audienceUnitIds: unit!.id, firstOpensOn: day });
		expect(created.type).toBe('redirect');
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, name));
		const id = survey!.id;
		await hr.get('/'); // shows (and so uses up) the flash that names the survey
		const listed = await hr.get(`/pulse/results?survey=${id}`);
		expect(listed.status).toBe(200);
		expect(await listed.text()).toContain(name);
		await runPulseCycle(day);
		const someone = await employeeIn(unit!.id);
		const before = (await openRoundsFor(someone.actor, day)).find((round) => round.surveyName === name)!;
		expect(before.questions.map((question) => question.prompt)).toEqual(['Happy?', 'Workload?']);

		const edited = await hr.action(`/admin/pulse/${id}?/update`, { ...surveyForm(`${name} v2`, { happiness: 'Happy these days?', growth: 'Growing?' }), audienceUnitIds: unit!.id, minGroupSize: '6' });
		expect(edited.type, JSON.stringify(edited.data)).toBe('redirect');
		// The results, read before, follow the edit at once.
		await hr.get('/');
		expect(await (await hr.get(`/pulse/results?survey=${id}`)).text()).toContain(`${name} v2`);
		// The round open now asks what it asked.
		const still = (await openRoundsFor(someone.actor, day)).find((round) => round.roundId === before.roundId)!;
		expect(still.questions.map((question) => question.prompt)).toEqual(['Happy?', 'Workload?']);
		const answered = await (await clientForPerson(app, someone.id)).action('/pulse?/answer', { roundId: before.roundId, score_0: '7', score_1: '4', comment: '' });
		expect(answered.type).toBe('redirect');

		// Round 1 closes with its own questions; round 2 asks the new ones.
		await runPulseCycle(addDays(day, 14));
		const tallied = await app.db.select({ prompt: pulseQuestion.prompt }).from(pulseTally).innerJoin(pulseQuestion, eq(pulseQuestion.id, pulseTally.questionId)).where(eq(pulseTally.roundId, before.roundId));
		expect(tallied.map((row) => row.prompt).sort()).toEqual(['Happy?', 'Workload?']);
		const next = (await openRoundsFor(someone.actor, addDays(day, 14))).find((round) => round.surveyName === `${name} v2`)!;
		expect(next.number).toBe(2);
		expect(next.questions.map((question) => [question.position, question.prompt])).toEqual([
			[0, 'Happy these days?'],
			[1, 'Growing?']
		]);
		expect((await questionsOf(id)).map((question) => [question.prompt, question.firstRound, question.lastRound])).toEqual([
			['Happy?', 1, 1],
			['Workload?', 1, 1],
			['Happy these days?', 2, null],
			['Growing?', 2, null]
		]);
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'pulse.survey_updated'), eq(auditEvent.targetId, id)));
		expect((audit!.details as { changed: string[] }).changed.sort()).toEqual(['minGroupSize', 'name', 'questions']);
		// The edit page shows the questions asked from now on.
		const page = await (await hr.get(`/admin/pulse/${id}`)).text();
		expect(page).toContain('Happy these days?');
		expect(page).not.toContain('>Workload?<');
	});

	it('keeps the questions as they are when only the rhythm changes, eNPS wording included', async () => {
		const hr = await clientFor(app, 'hr');
		const name = `Steady pulse ${freshEmail()}`;
		await hr.action('/admin/pulse?/create', { ...surveyForm(name, { happiness: 'Happy?' }), enps: 'on', firstOpensOn: addDays(day, 30) });
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, name));
		const before = await questionsOf(survey!.id);
		// Saved in Dutch: the eNPS question's wording on the form is Dutch, the stored one English.
		const [dutchHr] = await app.db.insert(person).values({ email: freshEmail('hr'), name: 'Dutch HR', kind: 'employee', status: 'active', roles: ['hr'], locale: 'nl' }).returning({ id: person.id });
		const dutch = await clientForPerson(app, dutchHr!.id);
		expect(await (await dutch.get(`/admin/pulse/${survey!.id}`)).text()).toContain('Hoe waarschijnlijk');
		const saved = await dutch.action(`/admin/pulse/${survey!.id}?/update`, { ...surveyForm(name, { happiness: 'Happy?' }), enps: 'on', recurrenceDays: '28' });
		expect(saved.type).toBe('redirect');
		expect(await questionsOf(survey!.id)).toEqual(before);
		expect((await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.id, survey!.id)))[0]!.recurrenceDays).toBe(28);
	});

	it('refuses lowering N, bad input and an unknown unit next to the field, changing nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const name = `Strict pulse ${freshEmail()}`;
		await hr.action('/admin/pulse?/create', { ...surveyForm(name, { happiness: 'Happy?' }), minGroupSize: '7', firstOpensOn: addDays(day, 30) });
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, name));
		const errorsOf = async (fields: Record<string, string>) => {
			const result = await hr.action(`/admin/pulse/${survey!.id}?/update`, { ...surveyForm(`${name} changed`, { happiness: 'Changed?' }), minGroupSize: '7', ...fields });
			expect(result.status).toBe(400);
			return Object.keys((result.data as { errors: object }).errors).sort();
		};
		expect(await errorsOf({ minGroupSize: '5' })).toEqual(['minGroupSize']);
		expect(await errorsOf({ windowDays: '20' })).toEqual(['windowDays']);
		expect(await errorsOf({ questions_happiness: '' })).toEqual(['questions_happiness']);
		expect(await errorsOf({ audienceUnitIds: '00000000-0000-4000-8000-000000000000' })).toEqual(['audienceUnitIds']);
		const [after] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.id, survey!.id));
		expect(after).toEqual(survey);
		expect((await questionsOf(survey!.id)).map((question) => question.prompt)).toEqual(['Happy?']);
		expect((await hr.action(`/admin/pulse/00000000-0000-4000-8000-000000000000?/update`, surveyForm(name, { happiness: 'Happy?' }))).status).toBe(404);
	});
});

describe('pausing a pulse', () => {
	it('stops new rounds (the cycle honours it) until resumed; both audited', async () => {
		const hr = await clientFor(app, 'hr');
		const name = `Paused pulse ${freshEmail()}`;
		const opensOn = addDays(day, 40);
		await hr.action('/admin/pulse?/create', { ...surveyForm(name, { happiness: 'Happy?' }), firstOpensOn: opensOn });
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, name));
		const rounds = async () => app.db.select().from(pulseRound).where(eq(pulseRound.surveyId, survey!.id));

		expect((await hr.post(`/admin/pulse/${survey!.id}?/pause`, {})).status).toBe(303);
		expect(await (await hr.get(`/admin/pulse/${survey!.id}`)).text()).toContain('Resume this pulse');
		await runPulseCycle(opensOn);
		await runPulseCycle(addDays(opensOn, 20));
		expect(await rounds()).toEqual([]);

		expect((await hr.post(`/admin/pulse/${survey!.id}?/resume`, {})).status).toBe(303);
		await runPulseCycle(opensOn);
		expect((await rounds()).map((round) => round.opensOn)).toEqual([opensOn]);
		const audits = await app.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.targetId, survey!.id));
		expect(audits.map((row) => row.action).sort()).toEqual(['pulse.survey_paused', 'pulse.survey_resumed']);
	});

	it('resuming after the date has passed opens the next round today, not in the past', async () => {
		const hr = await clientFor(app, 'hr');
		const name = `Late pulse ${freshEmail()}`;
		await hr.action('/admin/pulse?/create', { ...surveyForm(name, { happiness: 'Happy?' }), firstOpensOn: addDays(day, 50) });
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, name));
		await hr.post(`/admin/pulse/${survey!.id}?/pause`, {});
		await app.db.update(pulseSurvey).set({ nextOpensOn: addDays(day, -10) }).where(eq(pulseSurvey.id, survey!.id));
		await hr.post(`/admin/pulse/${survey!.id}?/resume`, {});
		const [resumed] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.id, survey!.id));
		expect(resumed).toMatchObject({ active: true, nextOpensOn: day });
	});

	it('"you said, we did" actions go to the audit log', async () => {
		const hr = await clientFor(app, 'hr');
		const [survey] = await app.db.select().from(pulseSurvey).where(eq(pulseSurvey.name, 'Bi-weekly pulse'));
		const result = await hr.action('/pulse/results?/act', { surveyId: survey!.id, group: 'org', dimension: 'workload', title: 'Fewer meetings on Fridays', description: '', takenOn: day });
		expect(result.type).toBe('redirect');
		const [audit] = await app.db.select().from(auditEvent).where(eq(auditEvent.action, 'pulse.action_recorded'));
		expect(audit).toMatchObject({ targetLabel: 'Fewer meetings on Fridays', details: { surveyId: survey!.id, group: 'org', dimension: 'workload' } });
	});
});
