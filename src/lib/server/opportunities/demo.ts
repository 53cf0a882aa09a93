import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { person } from '../db/schema/core';
import type { Random } from '../demo';
import { insertInOrder, rowsFor } from '../growth/demo';
import { opportunity, opportunityApplication, opportunitySkill, type OpportunityAudience, type OpportunityKind } from './schema';

/** Kind, title, hours a week, audience and the skills asked (name → level). */
type Spec = [OpportunityKind, string, number, OpportunityAudience, Record<string, number>];

// About thirty, over every kind and audience; several ask what the demo employee has or wants to grow.
const specs: Spec[] = [
	['project', 'Move the customer portal to Kubernetes', 8, 'employees', { Kubernetes: 3, Docker: 3, 'CI/CD': 2 }],
	['project', 'Observability for the managed platform', 6, 'employees', { Observability: 3, Kubernetes: 2, Linux: 3 }],
	['project', 'Terraform modules for every new customer', 4, 'employees_alumni', { Terraform: 3, Azure: 2 }],
	['project', 'Accessibility audit of our own tools', 4, 'employees', { Accessibility: 3, TypeScript: 2 }],
	['project', 'Power BI dashboards for service reviews', 6, 'employees', { 'Power BI': 3, 'Data modelling': 2, 'Service level management': 2 }],
	['project', 'ISO 27001 readiness for a customer', 8, 'partners', { 'Compliance (ISO 27001)': 3, 'Threat modelling': 2 }],
	['project', 'Data platform proof of concept', 8, 'partners', { 'Data engineering': 3, SQL: 3, Python: 2 }],
	['gig', 'Review our incident runbooks', 2, 'employees', { 'Incident management': 3, 'Technical writing': 2 }],
	['gig', 'Speak at the Friday knowledge session', 1, 'employees', { Presenting: 2, 'Knowledge sharing': 2 }],
	['gig', 'Help Consulting with a cloud assessment', 6, 'employees', { Azure: 3, 'Software architecture': 2, Consulting: 2 }],
	['gig', 'Pair on the new API gateway', 4, 'employees', { 'API design': 3, TypeScript: 3 }],
	['gig', 'Write the onboarding guide for the platform', 3, 'employees_alumni', { 'Technical writing': 3, Kubernetes: 2 }],
	['gig', 'Threat model for the mobile app', 4, 'partners', { 'Threat modelling': 3, 'Secure development': 3 }],
	['gig', 'Load test before the winter peak', 4, 'employees', { Performance: 3, 'Automated testing': 2, Observability: 2 }],
	['gig', 'Facilitate the department retrospective', 2, 'employees', { Facilitation: 3 }],
	['rotation', 'Three months with the Security Operations Centre', 16, 'employees', { 'Security monitoring': 2, 'Incident response': 2, Linux: 2 }],
	['rotation', 'Six weeks in Customer Success', 12, 'employees', { 'Customer communication': 3, 'Customer success': 2 }],
	['rotation', 'A quarter in the Data & AI team', 16, 'employees', { Python: 2, Statistics: 2, 'Machine learning': 1 }],
	['rotation', 'Platform team on call, one rotation', 8, 'employees', { 'Site reliability': 3, Kubernetes: 3, Observability: 3 }],
	['mentoring', 'Looking for a mentor in software architecture', 1, 'employees_alumni', { 'Software architecture': 4 }],
	['mentoring', 'Coach for a new team lead', 1, 'employees_alumni', { Coaching: 4, 'One-to-ones': 3 }],
	['mentoring', 'Sparring partner for budgeting', 1, 'employees_alumni', { Budgeting: 4 }],
	['mentoring', 'Help with my first conference talk', 1, 'employees_alumni', { Presenting: 4 }],
	['mentoring', 'Someone who knows endpoint management well', 1, 'partners', { 'Endpoint management': 4 }],
	['role', 'Senior platform engineer', 40, 'employees', { Kubernetes: 4, Terraform: 3, Observability: 3, 'Software architecture': 3 }],
	['role', 'Engineering manager, Cloud', 40, 'employees', { Coaching: 3, Hiring: 3, 'Stakeholder management': 3 }],
	['role', 'Customer success lead', 40, 'employees_alumni', { 'Customer success': 4, 'Account management': 3, Presenting: 3 }],
	['role', 'Security officer', 32, 'employees', { 'Compliance (ISO 27001)': 3, 'Identity & access': 3, 'Incident response': 3 }],
	['role', 'Data engineer', 40, 'employees_alumni', { 'Data engineering': 3, SQL: 4, Python: 3 }],
	['role', 'Scrum master for two teams', 24, 'employees', { Scrum: 4, Facilitation: 3, 'Conflict resolution': 2 }]
];

const notes = ['I would love to learn this.', 'I did something similar at a customer last year.', 'Happy to help for a few hours a week.', ''];

/**
 * The marketplace of the demo organisation, deterministic: posted by employees and HR, some
 * closed, with applications from employees, alumni and partners to what is open to them.
 */
export async function seedOpportunitiesDemo(
	executor: Executor,
	options: { random: Random; skillId: (name: string) => string; posterIds: string[]; applicants: { id: string; audiences: readonly OpportunityAudience[] }[] }
): Promise<void> {
	const { random, skillId } = options;
	const opportunities: (typeof opportunity.$inferInsert)[] = [];
	const asked: (typeof opportunitySkill.$inferInsert)[] = [];
	specs.forEach(([kind, title, hoursPerWeek, audience, skills], index) => {
		const id = randomUUID();
		const startsOn = random.date('2026-12-01', '2027-03-01');
		opportunities.push({
			id,
			kind,
			title,
			description: `${title}: ${hoursPerWeek} hours a week. Tell me why it interests you.`,
			audience,
			hoursPerWeek,
			startsOn,
			endsOn: kind === 'role' ? null : random.date('2027-03-02', '2027-09-30'),
			posterId: options.posterIds[index % options.posterIds.length]!,
			// A few filled already: the list shows open ones, the poster's own list all.
			status: index % 9 === 8 ? 'closed' : 'open',
			createdAt: new Date(Date.UTC(2026, 9, 1 + index))
		});
		for (const [name, proficiency] of Object.entries(skills)) asked.push({ opportunityId: id, skillId: skillId(name), proficiency });
	});
	const applications: (typeof opportunityApplication.$inferInsert)[] = [];
	for (const row of opportunities) {
		const audience = options.applicants.filter((applicant) => applicant.id !== row.posterId && applicant.audiences.includes(row.audience!));
		for (const applicant of audience.filter(() => random.chance(0.15)).slice(0, 4))
			applications.push({ opportunityId: row.id!, applicantId: applicant.id, note: random.pick(notes), tellManager: random.chance(0.3), status: random.chance(0.2) ? 'declined' : 'applied' });
	}
	await insertInOrder(executor, [rowsFor(opportunity, opportunities), rowsFor(opportunitySkill, asked), rowsFor(opportunityApplication, applications)]);
}

/**
 * For the benchmark, after the large organisation and its growth: 5k opportunities per 10k
 * employees (two thirds open, over every kind and audience), each asking three skills. Set-based
 * SQL, deterministic through hashes.
 */
export async function seedLargeOpportunities(executor: Executor, options: { count: number }): Promise<void> {
	await executor.execute(sql`
		with posters as (select id, row_number() over (order by email) as r, count(*) over () as c from ${person} where kind = 'employee' and status = 'active')
		insert into ${opportunity} (poster_id, kind, title, audience, hours_per_week, starts_on, status, created_at)
		select p.id,
			(array['project', 'gig', 'rotation', 'mentoring', 'role'])[1 + n % 5],
			'Opportunity ' || n,
			(array['employees', 'employees', 'employees_alumni', 'partners'])[1 + (n / 5) % 4],
			1 + n % 40,
			date '2027-01-04' + (n % 90),
			case when n % 3 = 0 then 'closed' else 'open' end,
			timestamptz '2026-01-01' + n * interval '1 hour'
		from generate_series(1, ${options.count}) n
		join posters p on p.r = 1 + n % p.c`);
	await executor.execute(sql`
		insert into ${opportunitySkill} (opportunity_id, skill_id, proficiency)
		select o.id, s.id, 1 + abs(hashtext(o.id::text || s.name)) % 5
		from ${opportunity} o
		cross join lateral (select id, name from skill order by md5(o.id::text || name) limit 3) s
		on conflict do nothing`);
	await executor.execute(sql`analyze opportunity, opportunity_skill`);
}
