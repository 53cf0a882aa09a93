import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, person, referral, rehire, vacancy, vacancyApplication, type ReferralStatus, type VacancyAudience } from '../db/schema';
import { createRandom } from '../demo';
import { firstNames, lastNames } from '../demo/names';

const day = 86_400_000;

interface DemoVacancy {
	title: string;
	unit: string;
	location: string;
	audience: VacancyAudience;
	/** Days ago it was posted. */
	age: number;
	closed?: boolean;
}

const vacancies: DemoVacancy[] = [
	{ title: 'Senior Platform Engineer', unit: 'Platform Team', location: 'Groningen', audience: 'alumni', age: 3 },
	{ title: 'Cloud Architect (Azure)', unit: 'Cloud & Infrastructure', location: 'Zwolle', audience: 'public', age: 6 },
	{ title: 'Frontend Developer (Svelte)', unit: 'Application Development', location: 'Groningen', audience: 'public', age: 9 },
	{ title: 'Data Engineer', unit: 'Data & AI', location: 'Amsterdam', audience: 'alumni', age: 12 },
	{ title: 'Service Desk Team Lead', unit: 'Service Desk', location: 'Groningen', audience: 'employees', age: 14 },
	{ title: 'Workplace Specialist', unit: 'Managed Workplace', location: 'Assen', audience: 'public', age: 18 },
	{ title: 'SOC Analyst', unit: 'Security Operations', location: 'Zwolle', audience: 'alumni', age: 21 },
	{ title: 'Senior Consultant Digital Workplace', unit: 'Consulting', location: 'Utrecht', audience: 'alumni', age: 25 },
	{ title: 'HR Business Partner', unit: 'People & Culture', location: 'Groningen', audience: 'employees', age: 29 },
	{ title: 'Controller', unit: 'Finance & Facilities', location: 'Groningen', audience: 'public', age: 33 },
	{ title: 'Site Reliability Engineer', unit: 'Platform Team', location: 'Remote (NL)', audience: 'alumni', age: 40 },
	{ title: 'Machine Learning Engineer', unit: 'Data & AI', location: 'Amsterdam', audience: 'public', age: 47 },
	{ title: 'Backend Developer (.NET)', unit: 'Application Development', location: 'Zwolle', audience: 'employees', age: 55 },
	{ title: 'Security Architect', unit: 'Security Operations', location: 'Zwolle', audience: 'alumni', age: 80, closed: true },
	{ title: 'Project Manager Infrastructure', unit: 'Cloud & Infrastructure', location: 'Groningen', audience: 'public', age: 120, closed: true }
];

/** Five in each status, so the ledger and the insights show every step. */
const referralStatusesInOrder: ReferralStatus[] = ['submitted', 'in_process', 'hired', 'not_hired'];
const reasons = [
	'We worked together for three years; she knows the stack inside out.',
	'He ran the migration at his current client and is looking for a next step.',
	'Great with customers and calm under pressure.',
	'Former colleague from my new job; very strong on automation.',
	'A friend who has wanted to work here for a long time.'
];

/**
 * The demo's jobs: fifteen vacancies (two closed), twenty referrals in all states (two by the demo
 * alumnus, so their referrals page has a story), a few boomerang applications, and three
 * boomerangs: employees who were alumni before, with their earlier period and the gap.
 */
export async function seedVacanciesDemo(executor: Executor, now = new Date()): Promise<void> {
	const random = createRandom(0x6a6f6273);
	const units = new Map((await executor.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit)).map((unit) => [unit.name, unit.id]));
	const [hr] = await executor.select({ id: person.id }).from(person).where(eq(person.email, 'hr@noorderlicht.example'));
	const rows = await executor
		.insert(vacancy)
		.values(
			vacancies.map((spec) => ({
				title: spec.title,
				description: `${spec.title} in ${spec.unit}, ${spec.location}. You join a team that builds and runs services for clients across the north of the Netherlands.`,
				location: spec.location,
				unitId: units.get(spec.unit) ?? null,
				audience: spec.audience,
				status: spec.closed ? ('closed' as const) : ('open' as const),
				createdBy: hr?.id ?? null,
				createdAt: new Date(now.getTime() - spec.age * day),
				updatedAt: new Date(now.getTime() - spec.age * day)
			}))
		)
		.returning({ id: vacancy.id, audience: vacancy.audience, status: vacancy.status });
	const people = await executor
		.select({ id: person.id, email: person.email, kind: person.kind })
		.from(person)
		.where(and(eq(person.status, 'active'), inArray(person.kind, ['employee', 'alumni'])))
		.orderBy(asc(person.email));
	const alumnus = people.find((candidate) => candidate.email === 'alumni@noorderlicht.example');
	// Not the other demo logins: their pages start empty, ready to try a referral.
	const pool = people.filter((candidate) => !/^(employee|manager|hr|admin|alumni)@/.test(candidate.email));
	const referrals = Array.from({ length: 20 }, (_, index) => {
		const target = rows[index % rows.length]!;
		// Alumni refer only to vacancies they see (not employees-only ones).
		const referrer = index < 2 && alumnus && target.audience !== 'employees' ? alumnus : random.pick(pool.filter((candidate) => candidate.kind === 'employee' || target.audience !== 'employees'));
		const first = random.pick(firstNames);
		const last = random.pick(lastNames);
		const createdAt = new Date(now.getTime() - (60 - index * 2) * day);
		return {
			vacancyId: target.id,
			referrerId: referrer.id,
			candidateName: `${first} ${last}`,
			candidateEmail: `${first}.${last}.${index}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
			why: random.pick(reasons),
			status: index < 2 ? (['hired', 'in_process'] as const)[index]! : referralStatusesInOrder[index % 4]!,
			createdAt,
			updatedAt: new Date(createdAt.getTime() + 5 * day)
		};
	});
	await executor.insert(referral).values(referrals);
	const alumni = pool.filter((candidate) => candidate.kind === 'alumni');
	const open = rows.filter((row) => row.status === 'open' && row.audience !== 'employees');
	await executor.insert(vacancyApplication).values(
		alumni.slice(0, 4).map((applicant, index) => ({
			vacancyId: open[index % open.length]!.id,
			personId: applicant.id,
			note: 'I loved working here and would like to come back with what I learnt since.',
			createdAt: new Date(now.getTime() - (index + 1) * 3 * day)
		}))
	);
	await seedBoomerangs(executor, pool.filter((candidate) => candidate.kind === 'employee').slice(0, 3), now);
}

/** Three employees who left once and came back: about 10, 18 and 30 months away. */
async function seedBoomerangs(executor: Executor, returners: { id: string }[], now: Date): Promise<void> {
	const gaps = [300, 540, 900];
	const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
	for (const [index, returner] of returners.entries()) {
		const rehiredOn = now.getTime() - (60 + index * 150) * day;
		const leftOn = rehiredOn - gaps[index]! * day;
		const [row] = await executor.select({ unitId: person.unitId }).from(person).where(eq(person.id, returner.id));
		await executor.insert(rehire).values({ personId: returner.id, unitId: row?.unitId ?? null, previousStartedOn: iso(leftOn - 4 * 365 * day), previousLeftOn: iso(leftOn), rehiredOn: iso(rehiredOn) });
		await executor.update(person).set({ startedOn: iso(rehiredOn), updatedAt: now }).where(eq(person.id, returner.id));
	}
}

/**
 * For the benchmark: years of vacancies (one in five still open, audiences mixed) with a referral
 * for every other one, each in one statement.
 */
export async function seedLargeVacancies(executor: Executor, options: { count: number }): Promise<void> {
	await executor.execute(sql`insert into ${vacancy} ("title", "description", "location", "audience", "status", "created_at", "updated_at")
		select 'Vacancy ' || n, 'A role in a growing team.', 'Groningen', (array['employees', 'alumni', 'public'])[1 + n % 3],
			case when n % 5 = 0 then 'open' else 'closed' end, now() - make_interval(hours => n), now() - make_interval(hours => n)
		from generate_series(1, ${options.count}) as n`);
	await executor.execute(sql`insert into ${referral} ("vacancy_id", "referrer_id", "candidate_name", "candidate_email", "why", "status")
		select v.id, (select id from ${person} where kind = 'employee' and status = 'active' order by id limit 1), 'Candidate ' || v.title, 'candidate.' || v.id || '@example.com', 'A good fit.', 'submitted'
		from ${vacancy} v where v.title like 'Vacancy %' and right(v.title, 1) in ('0', '2', '4', '6', '8')`);
}
