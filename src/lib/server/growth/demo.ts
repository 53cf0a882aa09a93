import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, person } from '../db/schema';
import { createRandom, type Random } from '../demo';
import { seedOpportunitiesDemo } from '../opportunities/demo';
import {
	careerTrack,
	growthPlan,
	levelSkill,
	mentorOffer,
	mentorOfferSkill,
	mentorship,
	personSkill,
	planActivity,
	planCheckIn,
	planComment,
	planGoal,
	planShare,
	skill,
	trackLevel,
	type ActivityKind,
	type TrackKind
} from './schema';

/** Category → [skill, what it covers]: about sixty skills of an IT services company. */
const framework: Record<string, [string, string][]> = {
	'Cloud & platform': [
		['Kubernetes', 'Runs and troubleshoots workloads on Kubernetes clusters.'],
		['Terraform', 'Describes infrastructure as code with Terraform modules.'],
		['Azure', 'Designs and operates solutions on Microsoft Azure.'],
		['AWS', 'Designs and operates solutions on Amazon Web Services.'],
		['Docker', 'Builds small, safe container images.'],
		['Linux', 'Administers and debugs Linux systems.'],
		['Networking', 'IP, DNS, routing, firewalls and load balancers.'],
		['Observability', 'Metrics, logs and traces that answer questions in an incident.'],
		['CI/CD', 'Pipelines that build, test and ship changes safely.'],
		['Site reliability', 'Service levels, error budgets and blameless reviews.'],
		['Storage & backup', 'Keeps data safe, restorable and affordable.']
	],
	'Software development': [
		['TypeScript', 'Writes typed, readable TypeScript for browser and server.'],
		['C# and .NET', 'Builds services and applications on .NET.'],
		['Python', 'Scripts, services and data work in Python.'],
		['SQL', 'Queries, schemas and indexes that hold up at scale.'],
		['API design', 'Designs APIs others like to use and can evolve.'],
		['Automated testing', 'Tests that catch regressions and can fail.'],
		['Software architecture', 'Shapes systems so they can change.'],
		['Code review', 'Reviews that teach and catch problems early.'],
		['Accessibility', 'Builds interfaces everyone can use (WCAG).'],
		['Performance', 'Measures first, then makes it faster.']
	],
	'Data & AI': [
		['Data modelling', 'Models data for its questions.'],
		['Power BI', 'Dashboards that people read and trust.'],
		['Machine learning', 'Trains, evaluates and ships models responsibly.'],
		['Data engineering', 'Reliable pipelines from source to insight.'],
		['Statistics', 'Knows what the numbers can and cannot say.']
	],
	Security: [
		['Incident response', 'Leads the response when something goes wrong.'],
		['Threat modelling', 'Finds what can go wrong before it does.'],
		['Identity & access', 'Entra ID, single sign-on, least privilege.'],
		['Secure development', 'Writes code that withstands attack.'],
		['Security monitoring', 'Detects and triages threats in a SOC.'],
		['Compliance (ISO 27001)', 'Turns standards into everyday practice.']
	],
	'Service & customers': [
		['Incident management', 'Restores service quickly and keeps people informed.'],
		['Problem management', 'Finds and removes the causes of incidents.'],
		['ITIL', 'Service management practice, applied with sense.'],
		['Customer communication', 'Clear, kind and timely, also when it is bad news.'],
		['Microsoft 365', 'Administers and advises on Microsoft 365.'],
		['Endpoint management', 'Intune, updates and devices that just work.'],
		['Service level management', 'Agrees on service and measures experience, not only KPIs.'],
		['Customer success', 'Helps customers get the value they came for.'],
		['Account management', 'Builds lasting relationships with customers.'],
		['Consulting', 'Understands the question behind the question.']
	],
	'People & leadership': [
		['Coaching', 'Helps others find their own answers.'],
		['Giving feedback', 'Honest, specific and kind.'],
		['Hiring', 'Finds and welcomes people who make the team better.'],
		['One-to-ones', 'Conversations that help people grow.'],
		['Delegation', 'Hands over work and the freedom to do it.'],
		['Conflict resolution', 'Brings disagreement to a good end.'],
		['Strategy', 'Chooses what not to do.'],
		['Budgeting', 'Plans and spends money with care.'],
		['Stakeholder management', 'Keeps the people who matter on board.'],
		['Change management', 'Takes people along through change.']
	],
	'Ways of working': [
		['Scrum', 'Works in short cycles with the team and the customer.'],
		['Facilitation', 'Runs meetings and workshops that decide things.'],
		['Technical writing', 'Writes documentation people find and follow.'],
		['Presenting', 'Speaks to a room, internal or on a conference stage.'],
		['Mentoring', 'Shares experience so others grow faster.'],
		['Estimation & planning', 'Makes honest forecasts and keeps them up to date.'],
		['Product thinking', 'Starts from the problem and the people who have it.'],
		['Knowledge sharing', 'Makes what one knows available to all.']
	]
};

interface TrackSpec {
	name: string;
	kind: TrackKind;
	description: string;
	levels: { title: string; summary: string }[];
	/** Skill → the proficiency expected at the first level; it rises by one per level, to 5. */
	skills: Record<string, number>;
	/** Skills that join at a later level (index from 0), at the given proficiency. */
	later: [string, number, number][];
}

const tracks: TrackSpec[] = [
	{
		name: 'Engineering craft',
		kind: 'craft',
		description: 'Growing as an engineer without becoming a manager: depth, breadth and influence through the work itself.',
		levels: [
			{ title: 'Engineer', summary: 'Delivers well-defined work with some guidance.' },
			{ title: 'Medior engineer', summary: 'Delivers features on their own and helps the team improve.' },
			{ title: 'Senior engineer', summary: 'Owns a system, mentors others and raises the bar of the team.' },
			{ title: 'Staff engineer', summary: 'Solves problems that cross teams; shapes technical direction.' },
			{ title: 'Principal engineer', summary: 'Shapes how the organisation builds and runs software.' }
		],
		skills: { Kubernetes: 1, Terraform: 1, Linux: 2, Docker: 2, 'CI/CD': 1, TypeScript: 1, SQL: 1, 'Automated testing': 1, 'Code review': 1, Observability: 1 },
		later: [
			['Software architecture', 1, 2],
			['Mentoring', 2, 2],
			['Technical writing', 2, 3],
			['Site reliability', 2, 3],
			['Threat modelling', 3, 3],
			['Presenting', 3, 3],
			['Strategy', 4, 3]
		]
	},
	{
		name: 'Engineering management',
		kind: 'management',
		description: 'Growing people and teams: from leading a team to leading engineering.',
		levels: [
			{ title: 'Team lead', summary: 'Leads one team while still close to the work.' },
			{ title: 'Engineering manager', summary: 'Leads one or more teams and grows their people.' },
			{ title: 'Head of engineering', summary: 'Leads a department; sets goals and bounds.' },
			{ title: 'Director of engineering', summary: 'Shapes engineering across the organisation.' }
		],
		skills: { Coaching: 2, 'Giving feedback': 2, 'One-to-ones': 2, Delegation: 2, Hiring: 1, 'Stakeholder management': 2, Facilitation: 2, 'Software architecture': 3 },
		later: [
			['Conflict resolution', 1, 3],
			['Budgeting', 1, 2],
			['Strategy', 2, 3],
			['Change management', 2, 3]
		]
	},
	{
		name: 'Customer success',
		kind: 'craft',
		description: 'From first line to trusted adviser: helping customers get the value they came for.',
		levels: [
			{ title: 'Service desk analyst', summary: 'Helps users quickly and kindly; knows when to escalate.' },
			{ title: 'Customer success specialist', summary: 'Owns the relationship with a set of customers.' },
			{ title: 'Senior customer success specialist', summary: 'Turns service data into improvements with the customer.' },
			{ title: 'Customer success lead', summary: 'Shapes how we serve customers and measures their experience.' }
		],
		skills: { 'Incident management': 2, ITIL: 1, 'Customer communication': 2, 'Microsoft 365': 2, 'Endpoint management': 1, 'Knowledge sharing': 1 },
		later: [
			['Problem management', 1, 2],
			['Service level management', 1, 2],
			['Customer success', 1, 2],
			['Account management', 2, 3],
			['Presenting', 2, 3],
			['Stakeholder management', 3, 3]
		]
	}
];

const customerUnits = new Set(['Service Desk', 'Managed Workplace', 'Service Delivery', 'Consulting']);
const activityTitles: Record<ActivityKind, string[]> = {
	course: ['CKA preparation course', 'Azure Solutions Architect course', 'ITIL 4 Foundation', 'Situational leadership training', 'Power BI in a day'],
	book: ['Team Topologies', 'The Manager’s Path', 'Accelerate', 'Designing Data-Intensive Applications', 'Radical Candor'],
	mentoring: ['Monthly sessions with my mentor', 'Pairing with a staff engineer'],
	stretch: ['Lead the next incident review', 'Own the migration to the new cluster', 'Run the team retrospective for a quarter'],
	conference: ['KubeCon Europe', 'NDC Oslo', 'Techorama', 'ITSM Nederland congres'],
	gig: ['Two weeks with the Data & AI team', 'Help Consulting with a cloud assessment']
};
const goalTitles = ['Lead a design review', 'Pass the certification exam', 'Give a talk at the Friday session', 'Run an incident as commander', 'Write the runbook for our platform', 'Mentor a new colleague', 'Take over the customer review meetings', 'Learn the basics of the budget cycle'];
const ownTargets = ['Speak at a conference', 'Become the go-to person for security in my team', 'Move into data engineering', 'Work part-time as a trainer', 'Lead a team within two years'];
const latestDate = '2026-10-30';

/** The framework, self-assessments, plans and mentoring of the demo organisation. Deterministic. */
export async function seedGrowthDemo(executor: Executor): Promise<void> {
	const random = createRandom(0x67726f77);
	const skillIds = new Map<string, string>();
	const skillRows = Object.entries(framework).flatMap(([category, skills]) =>
		skills.map(([name, description]) => {
			const id = randomUUID();
			skillIds.set(name, id);
			return { id, name, category, description };
		})
	);
	await executor.insert(skill).values(skillRows);
	const skillId = (name: string) => {
		const id = skillIds.get(name);
		if (!id) throw new Error(`Growth demo: no skill ${name}.`);
		return id;
	};

	const levelIds = new Map<string, string[]>();
	const trackRows = tracks.map((spec) => ({ id: randomUUID(), name: spec.name, kind: spec.kind, description: spec.description }));
	await executor.insert(careerTrack).values(trackRows);
	const levelRows = tracks.flatMap((spec, index) => {
		const ids = spec.levels.map(() => randomUUID());
		levelIds.set(spec.name, ids);
		return spec.levels.map((level, rank) => ({ id: ids[rank]!, trackId: trackRows[index]!.id, rank: rank + 1, ...level }));
	});
	await executor.insert(trackLevel).values(levelRows);
	const expectations = tracks.flatMap((spec) =>
		levelIds.get(spec.name)!.flatMap((levelId, rank) => [
			...Object.entries(spec.skills).map(([name, start]) => ({ levelId, skillId: skillId(name), proficiency: Math.min(5, start + rank) })),
			...spec.later.filter(([, from]) => rank >= from).map(([name, from, start]) => ({ levelId, skillId: skillId(name), proficiency: Math.min(5, start + rank - from) }))
		])
	);
	await executor.insert(levelSkill).values(expectations);

	const employees = await executor
		.select({ id: person.id, email: person.email, managerId: person.managerId, unitName: orgUnit.name })
		.from(person)
		.leftJoin(orgUnit, eq(orgUnit.id, person.unitId))
		.where(and(eq(person.kind, 'employee'), eq(person.status, 'active')))
		.orderBy(asc(person.email));
	const managers = new Set(employees.flatMap((employee) => (employee.managerId ? [employee.managerId] : [])));
	const trackOf = (employee: (typeof employees)[number]): TrackSpec =>
		managers.has(employee.id) ? tracks[1]! : customerUnits.has(employee.unitName ?? '') ? tracks[2]! : tracks[0]!;
	const alumni = await executor
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.kind, 'alumni'), isNotNull(person.leftOn)))
		.orderBy(asc(person.email));

	// Self-assessments: the skills of one's own track and a few others.
	const assessed = new Map<string, Map<string, number>>();
	const assessments: (typeof personSkill.$inferInsert)[] = [];
	const assess = (personId: string, name: string, proficiency: number, wantToGrow = false) => {
		const mine = assessed.get(personId) ?? new Map<string, number>();
		if (mine.has(skillId(name))) return;
		mine.set(skillId(name), proficiency);
		assessed.set(personId, mine);
		assessments.push({ personId, skillId: skillId(name), proficiency, wantToGrow });
	};
	const eva = employees.find((employee) => employee.email === 'employee@noorderlicht.example');
	if (eva) {
		const own: [string, number, boolean?][] = [
			['Kubernetes', 4],
			['Terraform', 3],
			['Linux', 4],
			['Docker', 4],
			['CI/CD', 3],
			['TypeScript', 2],
			['SQL', 2],
			['Automated testing', 3],
			['Code review', 3],
			['Observability', 2, true],
			['Software architecture', 1, true],
			['Mentoring', 2],
			['Azure', 3]
		];
		for (const [name, level, grow] of own) assess(eva.id, name, level, grow);
	}
	for (const employee of employees) {
		if (employee.id === eva?.id || !random.chance(0.7)) continue;
		const spec = trackOf(employee);
		const names = [...Object.keys(spec.skills), ...spec.later.map(([name]) => name)];
		for (const name of names) if (random.chance(0.75)) assess(employee.id, name, random.int(1, 5), random.chance(0.15));
		for (let extra = random.int(0, 3); extra > 0; extra--) assess(employee.id, random.pick(skillRows).name, random.int(1, 4), random.chance(0.3));
	}
	for (const alumnus of alumni.slice(0, 12)) for (let count = random.int(3, 6); count > 0; count--) assess(alumnus.id, random.pick(skillRows).name, random.int(2, 5));
	await insertInOrder(executor, [rowsFor(personSkill, assessments)]);

	// Plans for about 40% of the employees; Eva has two, one shared with her manager.
	const plans: (typeof growthPlan.$inferInsert)[] = [];
	const shares: (typeof planShare.$inferInsert)[] = [];
	const goals: (typeof planGoal.$inferInsert)[] = [];
	const checkIns: (typeof planCheckIn.$inferInsert)[] = [];
	const activities: (typeof planActivity.$inferInsert)[] = [];
	const comments: (typeof planComment.$inferInsert)[] = [];
	const addPlan = (owner: (typeof employees)[number], plan: { title: string; ambition: string; levelId: string | null; targetText: string | null; shared: boolean }, rng: Random) => {
		const id = randomUUID();
		plans.push({ id, ownerId: owner.id, title: plan.title, ambition: plan.ambition, targetLevelId: plan.levelId, targetText: plan.targetText, horizon: rng.date('2027-03-01', '2028-12-31') });
		for (let count = rng.int(1, 3); count > 0; count--) {
			const goalId = randomUUID();
			goals.push({ id: goalId, planId: id, title: rng.pick(goalTitles), dueOn: rng.date('2026-11-15', '2027-12-31') });
			for (let milestone = rng.int(0, 2); milestone > 0; milestone--)
				goals.push({ planId: id, parentId: goalId, title: `Step ${milestone}`, dueOn: rng.date('2026-11-01', '2027-06-30'), doneAt: rng.chance(0.3) ? new Date(`${latestDate}T12:00:00Z`) : null });
		}
		let progress = 0;
		for (let count = rng.int(0, 3); count > 0; count--) {
			progress = Math.min(100, progress + rng.int(5, 30));
			checkIns.push({ planId: id, on: rng.date('2026-06-01', latestDate), progress, note: rng.pick(['Good month.', 'Less time than hoped: busy with incidents.', 'Finished the course module.', '']) });
		}
		for (let count = rng.int(1, 3); count > 0; count--) {
			const kind = rng.pick(Object.keys(activityTitles) as ActivityKind[]);
			activities.push({ planId: id, kind, title: rng.pick(activityTitles[kind]), plannedHours: rng.int(2, 40) });
		}
		if (plan.shared && owner.managerId) {
			shares.push({ planId: id, personId: owner.managerId });
			if (rng.chance(0.5)) comments.push({ planId: id, authorId: owner.managerId, body: 'Good plan. Let us make time for it in our next one-to-one.' });
		}
	};
	if (eva) {
		const senior = levelIds.get('Engineering craft')![2]!;
		addPlan(eva, { title: 'Towards senior engineer', ambition: 'Own the platform’s architecture and help newer colleagues grow.', levelId: senior, targetText: null, shared: true }, random);
		addPlan(eva, { title: 'Speak at a conference', ambition: 'Tell others what we learned running Kubernetes for customers.', levelId: null, targetText: 'Speak at KubeCon or a Dutch meetup', shared: false }, random);
	}
	for (const employee of employees) {
		if (employee.id === eva?.id || !random.chance(0.4)) continue;
		const spec = trackOf(employee);
		const ids = levelIds.get(spec.name)!;
		const byTrack = random.chance(0.75);
		addPlan(
			employee,
			{
				title: byTrack ? `Next step: ${spec.levels[Math.min(ids.length - 1, random.int(1, 3))]!.title.toLowerCase()}` : random.pick(ownTargets),
				ambition: byTrack ? 'Grow into the next level of my track.' : 'Something I want for myself.',
				levelId: byTrack ? random.pick(ids.slice(1)) : null,
				targetText: byTrack ? null : random.pick(ownTargets),
				shared: random.chance(0.35)
			},
			random
		);
	}
	await insertInOrder(executor, [
		rowsFor(growthPlan, plans),
		rowsFor(planShare, shares),
		// Goals before their milestones: milestones reference them.
		rowsFor(planGoal, goals.filter((goal) => !goal.parentId)),
		rowsFor(planGoal, goals.filter((goal) => goal.parentId)),
		rowsFor(planCheckIn, checkIns),
		rowsFor(planActivity, activities),
		rowsFor(planComment, comments)
	]);

	// About 25 mentor offers, a third from alumni, each on skills they assessed high.
	const mentors = [
		...employees.filter((employee) => employee.id !== eva?.id && assessed.has(employee.id) && random.chance(0.2)).slice(0, 17),
		...alumni.slice(0, 12).filter(() => random.chance(0.7)).slice(0, 8)
	];
	const offers: (typeof mentorOffer.$inferInsert)[] = [];
	const offerSkills: (typeof mentorOfferSkill.$inferInsert)[] = [];
	for (const mentor of mentors) {
		const strong = [...(assessed.get(mentor.id) ?? new Map<string, number>())].filter(([, level]) => level >= 3).slice(0, 4);
		if (!strong.length) continue;
		offers.push({ personId: mentor.id, capacity: random.int(1, 3), note: random.pick(['Happy to help; an hour every other week.', 'Ask me anything about the cloud.', 'I like helping people find their way.', 'Coffee and conversation, online or in Groningen.']) });
		for (const [id, level] of strong) offerSkills.push({ personId: mentor.id, skillId: id, proficiency: Math.max(level, 4) });
	}
	// A mentor for the demo employee's largest gaps, so that /growth/mentors has something to say.
	const architect = employees.find((employee) => employee.id !== eva?.id && !offers.some((offer) => offer.personId === employee.id) && trackOf(employee) === tracks[0]);
	if (architect) {
		offers.push({ personId: architect.id, capacity: 2, note: 'Architecture and observability are my favourite topics.' });
		offerSkills.push({ personId: architect.id, skillId: skillId('Software architecture'), proficiency: 5 }, { personId: architect.id, skillId: skillId('Observability'), proficiency: 4 });
	}
	await insertInOrder(executor, [rowsFor(mentorOffer, offers), rowsFor(mentorOfferSkill, offerSkills)]);
	const relationships: (typeof mentorship.$inferInsert)[] = [];
	for (const offer of offers.slice(0, 8)) {
		const mentee = random.pick(employees);
		if (mentee.id === offer.personId || mentee.id === eva?.id || relationships.some((row) => row.menteeId === mentee.id)) continue;
		relationships.push({ mentorId: offer.personId, menteeId: mentee.id, status: 'accepted', message: 'Would you mentor me?', startedOn: random.date('2026-03-01', latestDate) });
	}
	await insertInOrder(executor, [rowsFor(mentorship, relationships)]);

	// The marketplace: posted by HR, the demo manager and colleagues; the demo employee applies herself.
	const staffAndManager = await executor
		.select({ id: person.id })
		.from(person)
		.where(inArray(person.email, ['hr@noorderlicht.example', 'manager@noorderlicht.example']))
		.orderBy(asc(person.email));
	const partners = await executor.select({ id: person.id }).from(person).where(and(eq(person.kind, 'partner'), eq(person.status, 'active'))).orderBy(asc(person.email));
	const colleagues = employees.filter((employee) => employee.id !== eva?.id);
	await seedOpportunitiesDemo(executor, {
		random,
		skillId,
		posterIds: [...staffAndManager.map((row) => row.id), ...colleagues.slice(0, 10).map((row) => row.id)],
		applicants: [
			...colleagues.slice(10).map((row) => ({ id: row.id, audiences: ['employees', 'employees_alumni'] as const })),
			...alumni.map((row) => ({ id: row.id, audiences: ['employees_alumni'] as const })),
			...partners.map((row) => ({ id: row.id, audiences: ['partners'] as const }))
		]
	});
	// Keep the planner's statistics honest after a bulk load.
	await executor.execute(sql`analyze growth_plan, plan_share, person_skill, mentor_offer_skill`);
}

type Table = Parameters<Executor['insert']>[0];
/** Rows for one table, checked against it; `insertInOrder` writes a list of them. */
export const rowsFor = <T extends Table>(table: T, rows: readonly T['$inferInsert'][]) => ({ table, rows: rows as readonly object[] });

// Well below PostgreSQL's 65,535 parameters per statement for these narrow rows.
const chunkSize = 1000;

/** Writes each table's rows in the order given (later ones may reference earlier ones), in chunks. */
export async function insertInOrder(executor: Executor, batches: readonly ReturnType<typeof rowsFor>[]): Promise<void> {
	for (const { table, rows } of batches)
		for (let start = 0; start < rows.length; start += chunkSize) await executor.insert(table).values(rows.slice(start, start + chunkSize) as never);
}

/**
 * For the benchmark, after `seedLargeOrganisation`: plans for about 40% of all employees (a third
 * shared with their manager) and self-assessments on about a sixth of the skills. Set-based SQL,
 * deterministic through hashes of the email addresses.
 */
export async function seedLargeGrowth(executor: Executor): Promise<void> {
	await executor.execute(sql`
		insert into ${growthPlan} (owner_id, title, ambition, target_level_id, horizon)
		select p.id, 'Next step on my track', 'Grow into the next level.',
			(select l.id from ${trackLevel} l order by l.track_id, l.rank offset abs(hashtext(p.email)) % (select count(*) from ${trackLevel}) limit 1),
			date '2027-06-30'
		from ${person} p
		where p.kind = 'employee' and p.status = 'active' and abs(hashtext(p.email)) % 10 < 4
			and not exists (select 1 from ${growthPlan} g where g.owner_id = p.id)`);
	await executor.execute(sql`
		insert into ${planShare} (plan_id, person_id)
		select g.id, p.manager_id from ${growthPlan} g join ${person} p on p.id = g.owner_id
		where p.manager_id is not null and abs(hashtext(p.email || 'share')) % 3 = 0
		on conflict do nothing`);
	await executor.execute(sql`
		insert into ${personSkill} (person_id, skill_id, proficiency, want_to_grow)
		select p.id, s.id, 1 + abs(hashtext(p.email || s.name)) % 5, abs(hashtext(s.name || p.email)) % 7 = 0
		from ${person} p cross join ${skill} s
		where p.kind = 'employee' and p.status = 'active' and abs(hashtext(p.email || s.name)) % 6 = 0
		on conflict do nothing`);
}
