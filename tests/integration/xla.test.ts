import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { approvedArrangement, demoPair, inDays } from '../support/flex';
import { auditEvent, flexArrangement } from '../../src/lib/server/db/schema';
import { pulseQuestion, pulseRound, pulseRoundUnit, pulseTally } from '../../src/lib/server/pulse/schema';
import { xlaMeasure, xlaRater, xlaRating, xlaService, xlaValue } from '../../src/lib/server/xla/schema';
import { classify, getService, listServices, ratingsShownFrom } from '../../src/lib/server/xla';
import { monthStart } from '../../src/lib/server/xla/sources';
import { addDays, createSurvey, today } from '../../src/lib/server/pulse';

const day = today('Europe/Amsterdam');

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

const measure = (kind: 'kpi' | 'experience', target: number, latest: number | null, higherIsBetter = true) => ({ kind, target, latest, higherIsBetter });

describe('watermelon classification', () => {
	it('is green/red (a watermelon) when every KPI meets its target and an experience measure misses', () => {
		expect(classify([measure('kpi', 95, 97), measure('experience', 7.5, 6.1)])).toBe('watermelon');
		expect(classify([measure('kpi', 95, 97), measure('experience', 7.5, 7.5)])).toBe('green_green');
		expect(classify([measure('kpi', 95, 90), measure('experience', 7.5, 8)])).toBe('red_green');
		expect(classify([measure('kpi', 95, 90), measure('experience', 7.5, 7)])).toBe('red_red');
		// Lower is better: 30 h against a 48 h target is green.
		expect(classify([measure('kpi', 48, 30, false), measure('experience', 7, 6.2)])).toBe('watermelon');
		// One missed KPI among several makes the KPI side red.
		expect(classify([measure('kpi', 95, 97), measure('kpi', 90, 80), measure('experience', 7, 8)])).toBe('red_green');
		expect(classify([measure('kpi', 95, 97), measure('experience', 7, null)])).toBe('unknown');
		expect(classify([])).toBe('unknown');
	});

	it('the demo lists five services, the two watermelons first', async () => {
		const services = await listServices();
		expect(services).toHaveLength(5);
		expect(services.slice(0, 2).map((service) => [service.name, service.status])).toEqual([
			['Flex decisions', 'watermelon'],
			['IT service desk', 'watermelon']
		]);
		expect(services.map((service) => service.status).sort()).toEqual(['green_green', 'red_green', 'red_red', 'watermelon', 'watermelon']);
		const html = await (await (await clientFor(app, 'employee')).get('/xla')).text();
		expect(html).toContain('Watermelon (green / red)');
	});
});

describe('keeping an XLA', () => {
	it('HR creates a service, adds a KPI and an experience measure, records values, and the status follows', async () => {
		const hr = await clientFor(app, 'hr');
		// The list (kept a while) follows each change at once, as the service's own page does.
		const listed = async () => (await listServices()).find((service) => service.id === id)?.status;
		await listServices();
		const created = await hr.action('/xla?/create', { name: 'Facilities desk', description: '' });
		expect(created.type).toBe('redirect');
		const path = created.location!;
		const id = path.split('/').pop()!;
		expect(await listed()).toBe('unknown');
		expect((await hr.action(`${path}?/measure`, { kind: 'kpi', name: 'Requests closed in a week', target: '90', higherIsBetter: 'on', unit: '%' })).type).toBe('redirect');
		expect((await hr.action(`${path}?/measure`, { kind: 'experience', name: 'How was it?', target: '7', higherIsBetter: 'on', unit: '/10' })).type).toBe('redirect');
		const measures = await app.db.select().from(xlaMeasure).where(eq(xlaMeasure.serviceId, id));
		const kpi = measures.find((row) => row.kind === 'kpi')!;
		const experience = measures.find((row) => row.kind === 'experience')!;
		expect((await getService(id))!.status).toBe('unknown');
		await hr.action(`${path}?/value`, { measureId: kpi.id, period: '2026-10', value: '93' });
		await hr.action(`${path}?/value`, { measureId: experience.id, period: '2026-10', value: '5.5' });
		expect((await getService(id))!.status).toBe('watermelon');
		expect(await listed()).toBe('watermelon');
		// A correction for the same month replaces the value; a newer month decides the status.
		await hr.action(`${path}?/value`, { measureId: experience.id, period: '2026-10', value: '7.2' });
		expect(await app.db.select().from(xlaValue).where(eq(xlaValue.measureId, experience.id))).toHaveLength(1);
		expect((await getService(id))!.status).toBe('green_green');
		await hr.action(`${path}?/value`, { measureId: kpi.id, period: '2026-11', value: '80' });
		expect((await getService(id))!.status).toBe('red_green');
		expect((await listServices()).find((service) => service.id === id)!.measures.map((measure) => measure.latest).sort()).toEqual([7.2, 80]);
	});

	it("refuses bad input and another service's measure, next to the field, writing nothing", async () => {
		const hr = await clientFor(app, 'hr');
		const [desk] = await app.db.select().from(xlaService).where(eq(xlaService.name, 'IT service desk'));
		const [payroll] = await app.db.select().from(xlaService).where(eq(xlaService.name, 'Payroll'));
		const [foreign] = await app.db.select().from(xlaMeasure).where(eq(xlaMeasure.serviceId, payroll!.id));
		const before = await app.db.select().from(xlaValue);
		const bad = await hr.action(`/xla/${desk!.id}?/value`, { measureId: foreign!.id, period: '2026-11', value: '3' });
		expect(bad.status).toBe(400);
		expect(Object.keys((bad.data as { errors: object }).errors)).toEqual(['measureId']);
		const malformed = await hr.action(`/xla/${desk!.id}?/value`, { measureId: foreign!.id, period: 'November', value: 'lots' });
		expect(Object.keys((malformed.data as { errors: object }).errors).sort()).toEqual(['period', 'value']);
		const duplicate = await hr.action('/xla?/create', { name: 'Payroll', description: '' });
		expect(Object.keys((duplicate.data as { errors: object }).errors)).toEqual(['name']);
		expect(await app.db.select().from(xlaValue)).toHaveLength(before.length);
		expect(await app.db.select().from(xlaService)).toHaveLength((await listServices()).length);
	});
});

/** A new service with the given measures (as the HR form adds them), and its measures by name. */
async function serviceWith(measures: Record<string, string>[]) {
	const hr = await clientFor(app, 'hr');
	const created = await hr.action('/xla?/create', { name: `Service ${freshEmail()}`, description: '' });
	const path = created.location!;
	for (const measure of measures) {
		const added = await hr.action(`${path}?/measure`, { higherIsBetter: 'on', unit: '', ...measure });
		expect(added.type, JSON.stringify(added.data)).toBe('redirect');
	}
	const id = path.split('/').pop()!;
	const rows = await app.db.select().from(xlaMeasure).where(eq(xlaMeasure.serviceId, id));
	return { hr, path, id, measure: (name: string) => rows.find((row) => row.name === name)! };
}

function upload(csv: string, name = 'values.csv'): FormData {
	const form = new FormData();
	form.set('file', new File([csv], name, { type: 'text/csv' }));
	return form;
}

type Preview = { valid: boolean; fileIssues: string[]; rows: { line: number; issues: { column: string; message: string }[] }[] };

describe('importing KPI values from CSV', () => {
	it('imports a good file in one go (a month already held takes the new value) and audits it', async () => {
		const { hr, path, id, measure } = await serviceWith([
			{ kind: 'kpi', name: 'Closed in a week', target: '90' },
			{ kind: 'experience', name: 'Felt heard', target: '7' }
		]);
		await hr.action(`${path}?/value`, { measureId: measure('Closed in a week').id, period: '2026-09', value: '50' });
		await listServices(); // kept from before the import
		const csv = ['Measure,Period,Value', 'Closed in a week,2026-09,91.5', 'closed in a week,2026-10-01,"88,5"', 'Felt heard,2026-10,6.4'].join('\n');
		const result = await hr.post(`${path}?/import`, upload(csv));
		expect(result.status).toBe(303);
		const values = await app.db.select().from(xlaValue).where(inArray(xlaValue.measureId, [measure('Closed in a week').id, measure('Felt heard').id]));
		expect(values.map((row) => [row.measureId === measure('Felt heard').id ? 'heard' : 'closed', row.period, row.value]).sort()).toEqual([
			['closed', '2026-09-01', 91.5],
			['closed', '2026-10-01', 88.5],
			['heard', '2026-10-01', 6.4]
		]);
		expect((await getService(id))!.status).toBe('red_red');
		expect((await listServices()).find((service) => service.id === id)!.status).toBe('red_red');
		const [audit] = await app.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'xla.values_imported'), eq(auditEvent.targetId, id)));
		expect(audit!.details).toEqual({ fileName: 'values.csv', count: 3 });
	});

	it('refuses a file with any bad row, says what is wrong on each row, and writes nothing', async () => {
		const { hr, path, measure } = await serviceWith([
			{ kind: 'kpi', name: 'Closed in a week', target: '90' },
			{ kind: 'kpi', name: 'Median decision time', target: '48', source: 'flex_decision_hours' }
		]);
		const before = await app.db.select().from(xlaValue);
		const csv = [
			'measure,period,value',
			'Closed in a week,2026-08,93',
			'Nonexistent,2026-08,1',
			'Closed in a week,August,2',
			'Closed in a week,2026-09,lots',
			'Closed in a week,2026-08,94',
			'Median decision time,2026-08,30',
			',2026-08,1'
		].join('\n');
		const result = await hr.action(`${path}?/import`, upload(csv));
		expect(result.status).toBe(400);
		const preview = result.data?.preview as Preview;
		expect(preview.valid).toBe(false);
		const issues = Object.fromEntries(preview.rows.map((row) => [row.line, row.issues.map((issue) => issue.column)]));
		expect(issues).toEqual({ 2: [], 3: ['measure'], 4: ['period'], 5: ['value'], 6: ['period'], 7: ['measure'], 8: ['measure'] });
		const html = await (await hr.post(`${path}?/import`, upload(csv))).text();
		expect(html).toContain('Kring computes this measure itself');
		expect(html).toContain('This service has no measure by that name.');
		expect(await app.db.select().from(xlaValue)).toHaveLength(before.length);
		expect(await app.db.select().from(xlaValue).where(eq(xlaValue.measureId, measure('Closed in a week').id))).toEqual([]);

		const missing = await hr.action(`${path}?/import`, upload('measure,value\nClosed in a week,3'));
		expect((missing.data?.preview as Preview).fileIssues).toHaveLength(1);
		const none = await hr.action(`${path}?/import`, new FormData());
		expect(Object.keys((none.data as { errors: object }).errors)).toEqual(['file']);
		expect(await app.db.select().from(xlaValue)).toHaveLength(before.length);
	});

	it('only HR imports', async () => {
		const { path, measure } = await serviceWith([{ kind: 'kpi', name: 'Closed in a week', target: '90' }]);
		const employee = await clientFor(app, 'employee');
		const result = await employee.post(`${path}?/import`, upload('measure,period,value\nClosed in a week,2026-08,93'));
		expect(result.status).toBe(403);
		expect(await app.db.select().from(xlaValue).where(eq(xlaValue.measureId, measure('Closed in a week').id))).toEqual([]);
	});
});

/** The middle value, as percentile_cont(0.5): computed here apart from the SQL that the page uses. */
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round1 = (value: number) => Math.round(value * 10) / 10;
const monthOf = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(date) + '-01';

describe('values Kring computes', () => {
	it('median flex decision time and the share decided within the deadline, per month, from the flex decisions', async () => {
		const { employee, manager } = await demoPair(app.db);
		// A month of its own, two months back, with three decisions and four deadlines.
		const month = `${inDays(-62).slice(0, 7)}`;
		const at = (day: number, hour: number) => new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
		for (const [created, decided, deadline] of [
			[at(3, 8), at(3, 18), at(6, 8)],
			[at(10, 8), at(12, 8), at(13, 8)],
			[at(16, 8), at(20, 8), at(19, 8)],
			[at(20, 8), null, at(23, 8)]
		] as const) {
			await approvedArrangement(app.db, employee, {
				status: decided ? 'approved' : 'pending',
				byPolicy: false,
				deciderId: manager,
				decidedBy: decided ? manager : null,
				decidedAt: decided,
				deadlineAt: deadline,
				createdAt: created
			});
		}
		const { id, measure } = await serviceWith([
			{ kind: 'kpi', name: 'Decision time', target: '48', source: 'flex_decision_hours' },
			{ kind: 'kpi', name: 'On time', target: '90', source: 'flex_on_time' }
		]);
		const all = await app.db.select().from(flexArrangement);
		const period = `${month}-01`;
		const decided = all.filter((row) => row.decidedBy && row.decidedAt && monthOf(row.decidedAt) === period);
		const deadlines = all.filter((row) => row.deadlineAt && monthOf(row.deadlineAt) === period && (row.deadlineAt < new Date() || (row.decidedAt && row.decidedAt <= row.deadlineAt)));
		const service = (await getService(id))!;
		const hours = service.measures.find((row) => row.id === measure('Decision time').id)!;
		const onTime = service.measures.find((row) => row.id === measure('On time').id)!;
		expect(hours.values.find((value) => value.period === period)?.value).toBe(round1(median(decided.map((row) => (row.decidedAt!.getTime() - row.createdAt.getTime()) / 3_600_000))));
		expect(onTime.values.find((value) => value.period === period)?.value).toBe(
			round1((100 * deadlines.filter((row) => row.decidedAt && row.decidedAt <= row.deadlineAt!).length) / deadlines.length)
		);
		// The ones made here alone would give 48 h and 2 of 4 on time: the figures include them.
		expect(decided.length).toBeGreaterThanOrEqual(3);
		// Computed measures take no typed values.
		const hr = await clientFor(app, 'hr');
		const typed = await hr.action(`/xla/${id}?/value`, { measureId: measure('Decision time').id, period: month, value: '1' });
		expect(typed.status).toBe(400);
		expect(await app.db.select().from(xlaValue).where(eq(xlaValue.measureId, measure('Decision time').id))).toEqual([]);
	});

	it("a pulse dimension's score per month counts only rounds with at least the pulse's N answers", async () => {
		const created = await createSurvey({
			name: `XLA pulse ${freshEmail()}`,
			questions: [
				{ kind: 'happiness', prompt: 'Happy?' },
				{ kind: 'workload', prompt: 'Workload?' }
			],
			audienceUnitIds: [],
			recurrenceDays: 14,
			windowDays: 5,
			minGroupSize: 5,
			allowComment: false,
			firstOpensOn: addDays(day, 365)
		});
		if (!created.ok) throw new Error('survey');
		const questions = await app.db.select().from(pulseQuestion).where(eq(pulseQuestion.surveyId, created.id));
		const twoMonthsAgo = monthStart(day, 2);
		const lastMonth = monthStart(day, 1);
		// Month A: a round of 6 answers (mean 8) and one of 4 (mean 2, too few); month B: only a round of 4.
		const rounds: [string, number, number][] = [
			[addDays(twoMonthsAgo, 4), 6, 8],
			[addDays(twoMonthsAgo, 18), 4, 2],
			[addDays(lastMonth, 4), 4, 9]
		];
		for (const [index, [closesOn, answered, mean]] of rounds.entries()) {
			const [round] = await app.db
				.insert(pulseRound)
				.values({ surveyId: created.id, number: index + 1, opensOn: addDays(closesOn, -4), closesOn, closed: true })
				.returning({ id: pulseRound.id });
			// Spread over two units: the N rule is about the whole organisation's answers.
			await app.db.insert(pulseRoundUnit).values([
				{ roundId: round!.id, unitId: null, invited: 10, answered: answered - 1 },
				{ roundId: round!.id, unitId: (await personByEmail(app.db, demo.employee)).unitId, invited: 2, answered: 1 }
			]);
			await app.db
				.insert(pulseTally)
				.values(questions.map((question) => ({ roundId: round!.id, unitId: null, questionId: question.id, answers: answered, total: (question.kind === 'happiness' ? mean : 5) * answered, promoters: 0, detractors: 0 })));
		}
		const { id } = await serviceWith([{ kind: 'experience', name: 'Happiness', target: '7', source: 'pulse_dimension', pulseSurveyId: created.id, pulseDimension: 'happiness' }]);
		const [happiness] = (await getService(id))!.measures;
		expect(happiness!.values.map(({ period, value }) => [period, value])).toEqual([[twoMonthsAgo, 8]]);
		expect(happiness!.pulse).toEqual({ surveyName: expect.stringContaining('XLA pulse'), dimension: 'happiness' });
	});

	it('refuses a source on the wrong side, a pulse source without its pulse and dimension, a rating without its scale', async () => {
		const hr = await clientFor(app, 'hr');
		const created = await hr.action('/xla?/create', { name: `Service ${freshEmail()}`, description: '' });
		const path = created.location!;
		const before = await app.db.select().from(xlaMeasure);
		const errorsOf = async (fields: Record<string, string>) => {
			const result = await hr.action(`${path}?/measure`, { kind: 'kpi', name: 'A measure', target: '5', higherIsBetter: 'on', ...fields });
			expect(result.status).toBe(400);
			return Object.keys((result.data as { errors: object }).errors).sort();
		};
		expect(await errorsOf({ source: 'rating', ratingScale: '5' })).toEqual(['source']);
		expect(await errorsOf({ kind: 'experience', source: 'pulse_dimension' })).toEqual(['pulseDimension', 'pulseSurveyId']);
		expect(await errorsOf({ kind: 'experience', source: 'rating', ratingScale: '7' })).toEqual(['ratingScale']);
		expect(await errorsOf({ kind: 'experience', source: 'pulse_dimension', pulseSurveyId: '00000000-0000-4000-8000-000000000000', pulseDimension: 'growth' })).toEqual(['pulseSurveyId']);
		expect(await app.db.select().from(xlaMeasure)).toHaveLength(before.length);
	});
});

describe('"how was it?" ratings', () => {
	it('one per person per month, also from parallel requests; stored without the person', async () => {
		const { id, path, measure } = await serviceWith([{ kind: 'experience', name: 'How was it?', target: '4', source: 'rating', ratingScale: '5' }]);
		const rating = measure('How was it?');
		const employee = await clientFor(app, 'employee');
		const page = await (await employee.get(path)).text();
		expect(page).toContain('name="score"');
		const results = await Promise.all(Array.from({ length: 6 }, () => employee.action(`${path}?/rate`, { measureId: rating.id, score: '4' })));
		expect(results.filter((result) => result.type === 'redirect')).toHaveLength(1);
		expect(results.filter((result) => result.status === 409)).toHaveLength(5);
		const stored = await app.db.select().from(xlaRating).where(eq(xlaRating.measureId, rating.id));
		expect(stored).toHaveLength(1);
		expect(Object.keys(stored[0]!).sort()).toEqual(['id', 'measureId', 'period', 'score']);
		expect(await app.db.select().from(xlaRater).where(eq(xlaRater.measureId, rating.id))).toHaveLength(1);
		expect(await (await employee.get(path)).text()).not.toContain('name="score"');
		// Someone else's rating is theirs: a colleague who has not rated is still asked.
		const manager = await clientFor(app, 'manager');
		expect(await (await manager.get(path)).text()).toContain('name="score"');
		// Out of scale, and a measure of another service, are refused.
		expect((await manager.action(`${path}?/rate`, { measureId: rating.id, score: '0' })).status).toBe(400);
		const other = await serviceWith([{ kind: 'experience', name: 'Other', target: '4', source: 'rating', ratingScale: '10' }]);
		expect((await manager.action(`${path}?/rate`, { measureId: other.measure('Other').id, score: '3' })).status).toBe(404);
		expect(await app.db.select().from(xlaRating).where(eq(xlaRating.measureId, rating.id))).toHaveLength(1);
		// This month's mean is not shown while the month runs, even with enough ratings.
		expect((await getService(id))!.measures[0]!.values).toEqual([]);
	});

	it("a month's mean shows once the month is over and only from N ratings on", async () => {
		const { id, measure } = await serviceWith([{ kind: 'experience', name: 'How was it?', target: '6', source: 'rating', ratingScale: '10' }]);
		const rating = measure('How was it?');
		const lastMonth = monthStart(day, 1);
		const before = monthStart(day, 2);
		await app.db.insert(xlaRating).values([
			...Array.from({ length: ratingsShownFrom - 1 }, () => ({ measureId: rating.id, period: before, score: 1 })),
			...[3, 5, 7, 9, 10].map((score) => ({ measureId: rating.id, period: lastMonth, score }))
		]);
		const view = (await getService(id))!.measures[0]!;
		expect(view.values.map(({ period, value }) => [period, value])).toEqual([[lastMonth, 6.8]]);
		expect((await getService(id))!.status).toBe('unknown');
	});

	it('only employees rate', async () => {
		const { path, measure } = await serviceWith([{ kind: 'experience', name: 'How was it?', target: '6', source: 'rating', ratingScale: '10' }]);
		for (const role of ['alumni', 'partner'] as const) {
			const result = await (await clientFor(app, role)).post(`${path}?/rate`, { measureId: measure('How was it?').id, score: '5' });
			expect(result.status, role).toBe(403);
		}
		const anonymous = await (await clientFor(app, 'anonymous')).post(`${path}?/rate`, { measureId: measure('How was it?').id, score: '5' });
		expect(anonymous.headers.get('location')).toMatch(/^\/login/);
		expect(await app.db.select().from(xlaRating).where(eq(xlaRating.measureId, measure('How was it?').id))).toEqual([]);
	});
});
