import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { xlaMeasure, xlaService, xlaValue } from '../../src/lib/server/xla/schema';
import { classify, getService, listServices } from '../../src/lib/server/xla';

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
		const created = await hr.action('/xla?/create', { name: 'Facilities desk', description: '' });
		expect(created.type).toBe('redirect');
		const path = created.location!;
		const id = path.split('/').pop()!;
		expect((await hr.action(`${path}?/measure`, { kind: 'kpi', name: 'Requests closed in a week', target: '90', higherIsBetter: 'on', unit: '%' })).type).toBe('redirect');
		expect((await hr.action(`${path}?/measure`, { kind: 'experience', name: 'How was it?', target: '7', higherIsBetter: 'on', unit: '/10' })).type).toBe('redirect');
		const measures = await app.db.select().from(xlaMeasure).where(eq(xlaMeasure.serviceId, id));
		const kpi = measures.find((row) => row.kind === 'kpi')!;
		const experience = measures.find((row) => row.kind === 'experience')!;
		expect((await getService(id))!.status).toBe('unknown');
		await hr.action(`${path}?/value`, { measureId: kpi.id, period: '2026-10', value: '93' });
		await hr.action(`${path}?/value`, { measureId: experience.id, period: '2026-10', value: '5.5' });
		expect((await getService(id))!.status).toBe('watermelon');
		// A correction for the same month replaces the value; a newer month decides the status.
		await hr.action(`${path}?/value`, { measureId: experience.id, period: '2026-10', value: '7.2' });
		expect(await app.db.select().from(xlaValue).where(eq(xlaValue.measureId, experience.id))).toHaveLength(1);
		expect((await getService(id))!.status).toBe('green_green');
		await hr.action(`${path}?/value`, { measureId: kpi.id, period: '2026-11', value: '80' });
		expect((await getService(id))!.status).toBe('red_green');
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
