import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { alumniProfile, exitSurveyAnswer, exitSurveyComment, offboarding, person, type OpenToFlag, type SharedField } from '../db/schema';
import { createRandom } from '../demo';
import { seedEventsDemo } from '../events/demo';
import { consentVersion, exitReasons, exitSurveyQuestions, openToFlags, sharedFields } from '../../alumni';
import { quarterOf } from './survey';

const employers = ['Bol', 'Adyen', 'ASML', 'Rabobank', 'Philips', 'Exact', 'KPN', 'Mollie', 'Booking.com', 'Own company', 'Gemeente Groningen', 'Picnic'];
const roles = ['Engineering Manager', 'Staff Engineer', 'Consultant', 'CTO', 'Product Owner', 'Cloud Architect', 'Freelancer', 'Team Lead'];
const consentedAt = new Date('2026-01-15T10:00:00Z');

/**
 * The demo's alumni network: every alumnus has a profile, about two in three consented to the
 * directory with a varied choice of shared fields and "open to" flags; one employee leaves next
 * week. Two statements, whatever the number of alumni; then the network's events.
 */
export async function seedAlumniDemo(executor: Executor, now = new Date()): Promise<void> {
	const random = createRandom(0x616c756d);
	const alumni = await executor
		.select({ id: person.id, email: person.email, location: person.location })
		.from(person)
		.where(eq(person.kind, 'alumni'))
		.orderBy(asc(person.email));
	const pickSome = <T extends string>(items: readonly T[], probability: number): T[] => items.filter(() => random.chance(probability));
	await executor.insert(alumniProfile).values(
		alumni.map((alumnus) => {
			// The demo alumnus is listed with everything shown, so the directory has a known face.
			const fixed = alumnus.email === 'alumni@noorderlicht.example';
			const consented = fixed || random.chance(0.65);
			return {
				personId: alumnus.id,
				currentEmployer: fixed ? 'Mollie' : random.pick(employers),
				currentRole: fixed ? 'Staff Engineer' : random.pick(roles),
				location: fixed ? 'Berlin' : alumnus.location,
				openTo: fixed ? (['mentoring', 'referrals'] as OpenToFlag[]) : pickSome(openToFlags, 0.35),
				shared: fixed ? [...sharedFields] : (['formerUnit', ...pickSome(sharedFields.slice(1), 0.7)] as SharedField[]),
				confirmedAt: consentedAt,
				consentedAt: consented ? consentedAt : null,
				consentVersion: consented ? consentVersion : null
			};
		})
	);
	// Someone from the Platform Team leaves a week from today: HR sees a scheduled offboarding.
	const [leaver] = await executor
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active'), sql`${person.roles} = '{}'`, sql`${person.email} like '%.%@noorderlicht.example'`, sql`not exists (select 1 from ${person} as report where report.manager_id = ${person.id})`))
		.orderBy(asc(person.email))
		.limit(1);
	if (leaver)
		await executor.insert(offboarding).values({
			personId: leaver.id,
			lastDay: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
			reason: 'new_job',
			rehireEligible: true,
			personalEmail: 'leaver.demo@example.com'
		});
	await seedExitSurveyDemo(executor, now, random);
	await seedEventsDemo(executor, now);
}

const surveyComments = [
	'Great colleagues, but I could not see where my career would go next.',
	'The move to the new office made my commute twice as long.',
	'I learned more here in three years than anywhere before.',
	'Workload in the last year was too high for too long.',
	'My manager supported me well; the pay elsewhere was simply better.',
	'More room for part-time work would have kept me.',
	'Thanks for the trainings and the conference budget.',
	'Decisions took too long to reach our team.',
	'I would come back for the right role.',
	'The onboarding of new clients was chaotic.',
	'Loved the knowledge sessions on Fridays.',
	'Flexible hours made a big difference for my family.'
];

/**
 * Exit survey answers for the last three quarters: one with comments shown (2N), one with scores
 * only (N), one withheld (fewer than N), so HR's page shows each case.
 */
async function seedExitSurveyDemo(executor: Executor, now: Date, random: ReturnType<typeof createRandom>) {
	const quarterBack = (quarters: number) => quarterOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * quarters, 15)).toISOString().slice(0, 10));
	const sizes = [12, 6, 3];
	const answers = sizes.flatMap((size, index) =>
		Array.from({ length: size }, () => ({
			quarter: quarterBack(index + 1),
			scores: exitSurveyQuestions.map(() => random.int(3, 10)),
			reason: random.pick(exitReasons)
		}))
	);
	await executor.insert(exitSurveyAnswer).values(answers);
	await executor.insert(exitSurveyComment).values([
		...surveyComments.map((body) => ({ quarter: quarterBack(1), body })),
		...surveyComments.slice(0, 3).map((body) => ({ quarter: quarterBack(2), body }))
	]);
}

/** For the benchmark: profiles for every alumnus without one, half of them listed, in one statement. */
export async function seedLargeAlumniNetwork(executor: Executor): Promise<void> {
	await executor.execute(sql`insert into ${alumniProfile} ("person_id", "current_employer", "current_role", "location", "open_to", "shared", "confirmed_at", "consented_at", "consent_version")
		select p.id, (array[${sql.join(employers.map((e) => sql`${e}`), sql`, `)}])[1 + abs(hashtext(p.email)) % ${employers.length}],
			'Consultant', p.location,
			case when hashtext(p.email) % 3 = 0 then '{mentoring,referrals}'::text[] else '{}'::text[] end,
			'{formerUnit,years,employer,role,location,skills,openTo}'::text[], now(),
			case when hashtext(p.email) % 2 = 0 then now() end, case when hashtext(p.email) % 2 = 0 then ${consentVersion} end
		from ${person} p where p.kind = 'alumni' and not exists (select 1 from ${alumniProfile} a where a.person_id = p.id)`);
}
