import { randomUUID } from 'node:crypto';
import type { Executor } from '../db';
import { today } from '../pulse';
import { monthStart } from './sources';
import { xlaMeasure, xlaRating, xlaService, xlaValue, type XlaMeasureKind } from './schema';

interface MeasureSpec {
	kind: XlaMeasureKind;
	name: string;
	target: number;
	higherIsBetter?: boolean;
	unit: string;
	/** Six months, May to October 2026. */
	values: number[];
}

const months = ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'];

// Two watermelons (service desk, flex decisions): the KPI dashboards are green, the people served are not happy.
const services: { name: string; description: string; measures: MeasureSpec[] }[] = [
	{
		name: 'IT service desk',
		description: 'First- and second-line support for colleagues and customers.',
		measures: [
			{ kind: 'kpi', name: 'Tickets solved within SLA', target: 95, unit: '%', values: [95.2, 96.1, 96.8, 97.0, 96.4, 97.3] },
			{ kind: 'experience', name: 'How was it? (people served)', target: 7.5, unit: '/10', values: [7.2, 6.9, 6.6, 6.4, 6.3, 6.1] }
		]
	},
	{
		name: 'Onboarding',
		description: 'The first month of a new colleague.',
		measures: [
			{ kind: 'kpi', name: 'Laptop and accounts ready on day one', target: 90, unit: '%', values: [88, 91, 93, 92, 95, 94] },
			{ kind: 'experience', name: "New starters' score", target: 8, unit: '/10', values: [7.8, 8.1, 8.2, 8.0, 8.4, 8.3] }
		]
	},
	{
		name: 'Flex decisions',
		description: 'Requests for flexible work that go beyond the bounds.',
		measures: [
			{ kind: 'kpi', name: 'Median decision time', target: 48, higherIsBetter: false, unit: ' h', values: [52, 44, 39, 35, 31, 30] },
			{ kind: 'experience', name: 'The decision felt fair', target: 7, unit: '/10', values: [7.1, 6.8, 6.5, 6.6, 6.3, 6.2] }
		]
	},
	{
		name: 'Customer support',
		description: "Help for our customers' end users.",
		measures: [
			{ kind: 'kpi', name: 'First response within 4 hours', target: 90, unit: '%', values: [91, 89, 87, 86, 85, 84] },
			{ kind: 'experience', name: 'Customer effort score', target: 7, unit: '/10', values: [7.3, 7.4, 7.5, 7.4, 7.6, 7.6] }
		]
	},
	{
		name: 'Payroll',
		description: 'Salaries, expenses and payslips.',
		measures: [
			{ kind: 'kpi', name: 'Payslips on time', target: 99, unit: '%', values: [99.5, 99.1, 98.2, 97.9, 97.5, 97.0] },
			{ kind: 'experience', name: 'Questions answered well', target: 7.5, unit: '/10', values: [7.6, 7.2, 7.0, 6.9, 6.8, 6.8] }
		]
	}
];

/** The service desk's quick rating (1–5), the six months before this one: a dozen ratings a month, drifting down. */
function deskRatings(measureId: string, timeZone: string) {
	const thisMonth = today(timeZone);
	return Array.from({ length: 6 }, (_, index) => monthStart(thisMonth, 6 - index)).flatMap((period, month) =>
		Array.from({ length: 12 }, (_, rating) => ({ measureId, period, score: [5, 4, 4, 3, 4, 5, 3, 2, 4, 3, 4, 2][(rating + month * 5) % 12]! - (rating < month ? 1 : 0) }))
	);
}

/** Five services with six months of values (the service desk also rated by the people it helped), in a few statements. */
export async function seedXlaDemo(executor: Executor, timeZone: string): Promise<void> {
	const serviceRows = services.map((service) => ({ id: randomUUID(), name: service.name, description: service.description }));
	const measureRows = services.flatMap((service, index) =>
		service.measures.map((measure) => ({
			id: randomUUID(),
			serviceId: serviceRows[index]!.id,
			kind: measure.kind,
			name: measure.name,
			target: measure.target,
			higherIsBetter: measure.higherIsBetter ?? true,
			unit: measure.unit,
			values: measure.values
		}))
	);
	await executor.insert(xlaService).values(serviceRows);
	await executor.insert(xlaMeasure).values(measureRows.map(({ values: _values, ...measure }) => measure));
	await executor.insert(xlaValue).values(measureRows.flatMap((measure) => measure.values.map((value, index) => ({ measureId: measure.id, period: months[index]!, value }))));
	const [rated] = await executor
		.insert(xlaMeasure)
		.values({ serviceId: serviceRows[0]!.id, kind: 'experience', name: 'Quick rating after a ticket', target: 4, unit: '/5', source: 'rating', ratingScale: 5 })
		.returning({ id: xlaMeasure.id });
	await executor.insert(xlaRating).values(deskRatings(rated!.id, timeZone));
}
