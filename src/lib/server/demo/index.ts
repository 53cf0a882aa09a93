import { randomUUID } from 'node:crypto';
import { asc, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { orgUnit, partnerOrg, person, type Role } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createOrganisation } from '../organisation';
import { firstNames, lastNames } from './names';
import { seedKnowledgeDemo } from '../knowledge/demo';
import { seedFlexDemo } from '../flex/demo';
import { seedGrowthDemo } from '../growth/demo';
import { seedPulseDemo } from '../pulse/demo';
import { seedXlaDemo } from '../xla/demo';
import { seedAlumniDemo } from '../alumni/demo';
import { seedVacanciesDemo } from '../vacancies/demo';

export const demoPassword = 'kring-demo';

export type DemoRole = 'hr' | 'manager' | 'employee' | 'alumni' | 'partner' | 'admin';

/** The accounts the start-up banner and the login page offer; all share `demoPassword`. */
export const demoLogins: { role: DemoRole; email: string }[] = [
	{ role: 'hr', email: 'hr@noorderlicht.example' },
	{ role: 'manager', email: 'manager@noorderlicht.example' },
	{ role: 'employee', email: 'employee@noorderlicht.example' },
	{ role: 'alumni', email: 'alumni@noorderlicht.example' },
	{ role: 'partner', email: 'partner@partner.example' },
	{ role: 'admin', email: 'admin@noorderlicht.example' }
];

type NewPerson = typeof person.$inferInsert;

const organisationName = 'Noorderlicht IT Services';
/** The demo organisation's time zone; the domain demos date their rows in it. */
export const demoTimeZone = 'Europe/Amsterdam';
const companyDomain = 'noorderlicht.example';
// Multi-row inserts of this size stay far below PostgreSQL's 65,535 parameters per statement.
const chunkSize = 1000;
// Fixed, so that every run dates the same organisation the same way, whatever today is.
const latestDate = '2026-10-30';

interface UnitSpec {
	name: string;
	parent: string | null;
	/** Active employees placed in the unit, its lead included. */
	size: number;
	leadTitle: string;
	titles: readonly string[];
}

// Parents come before their children: leads are assigned in this order, so a parent's lead
// exists when a child's lead is given a manager.
const unitSpecs: readonly UnitSpec[] = [
	{ name: organisationName, parent: null, size: 2, leadTitle: 'Chief Executive Officer', titles: ['Executive Assistant'] },
	{ name: 'Engineering', parent: organisationName, size: 2, leadTitle: 'Director of Engineering', titles: ['Principal Architect'] },
	{
		name: 'Platform Team',
		parent: 'Engineering',
		size: 10,
		leadTitle: 'Platform Team Lead',
		titles: ['Platform Engineer', 'Senior Platform Engineer', 'Site Reliability Engineer', 'DevOps Engineer']
	},
	{
		name: 'Cloud & Infrastructure',
		parent: 'Engineering',
		size: 15,
		leadTitle: 'Cloud & Infrastructure Lead',
		titles: ['Cloud Engineer', 'Senior Cloud Engineer', 'Network Engineer', 'Systems Engineer', 'Azure Architect', 'Storage Engineer']
	},
	{
		name: 'Application Development',
		parent: 'Engineering',
		size: 24,
		leadTitle: 'Head of Application Development',
		titles: [
			'Software Engineer',
			'Senior Software Engineer',
			'Front-end Developer',
			'Back-end Developer',
			'.NET Developer',
			'Test Automation Engineer',
			'Product Owner',
			'Scrum Master',
			'UX Designer'
		]
	},
	{
		name: 'Data & AI',
		parent: 'Engineering',
		size: 12,
		leadTitle: 'Data & AI Lead',
		titles: ['Data Engineer', 'Data Scientist', 'Machine Learning Engineer', 'BI Developer', 'Analytics Engineer']
	},
	{ name: 'Service Delivery', parent: organisationName, size: 2, leadTitle: 'Director of Service Delivery', titles: ['Service Delivery Manager'] },
	{
		name: 'Service Desk',
		parent: 'Service Delivery',
		size: 20,
		leadTitle: 'Service Desk Manager',
		titles: ['Service Desk Analyst', 'Service Desk Analyst', 'Senior Service Desk Analyst', 'Second-line Support Engineer', 'Incident Coordinator']
	},
	{
		name: 'Managed Workplace',
		parent: 'Service Delivery',
		size: 15,
		leadTitle: 'Managed Workplace Lead',
		titles: ['Workplace Engineer', 'Microsoft 365 Specialist', 'Endpoint Engineer', 'Field Service Engineer', 'Intune Specialist']
	},
	{
		name: 'Security Operations',
		parent: 'Service Delivery',
		size: 11,
		leadTitle: 'Security Operations Lead',
		titles: ['Security Analyst', 'SOC Analyst', 'Security Engineer', 'Incident Responder', 'Penetration Tester']
	},
	{
		name: 'Consulting',
		parent: organisationName,
		size: 18,
		leadTitle: 'Head of Consulting',
		titles: ['IT Consultant', 'Senior IT Consultant', 'Solution Architect', 'Business Analyst', 'Project Manager', 'Enterprise Architect']
	},
	{ name: 'People & Operations', parent: organisationName, size: 1, leadTitle: 'Director of People & Operations', titles: ['Operations Manager'] },
	{
		name: 'People & Culture',
		parent: 'People & Operations',
		size: 8,
		leadTitle: 'People & Culture Lead',
		titles: ['HR Business Partner', 'Recruiter', 'Talent Development Advisor', 'HR Advisor', 'Payroll Specialist']
	},
	{
		name: 'Finance & Facilities',
		parent: 'People & Operations',
		size: 8,
		leadTitle: 'Finance & Facilities Lead',
		titles: ['Financial Controller', 'Accountant', 'Facility Coordinator', 'Office Manager', 'Procurement Specialist']
	}
];

interface FixedEmployee {
	name: string;
	email: string;
	unit: string;
	lead?: boolean;
	jobTitle: string;
	roles: Role[];
	location: string;
	startedOn: string;
	headline: string;
}

// The demo logins. No locale: the interface then follows the visitor's browser and the language
// switcher, so whoever tries the demo sees it in their own language.
const fixedEmployees: readonly FixedEmployee[] = [
	{
		name: 'Maarten de Boer',
		email: 'manager@noorderlicht.example',
		unit: 'Platform Team',
		lead: true,
		jobTitle: 'Platform Team Lead',
		roles: [],
		location: 'Groningen',
		startedOn: '2015-09-01',
		headline: 'Keeping the platform boring, in the best way'
	},
	{
		name: 'Eva Jansen',
		email: 'employee@noorderlicht.example',
		unit: 'Platform Team',
		jobTitle: 'Platform Engineer',
		roles: [],
		location: 'Groningen',
		startedOn: '2021-02-01',
		headline: 'Kubernetes, Terraform and a good cup of coffee'
	},
	{
		name: 'Hanna Visser',
		email: 'hr@noorderlicht.example',
		unit: 'People & Culture',
		jobTitle: 'HR Business Partner',
		roles: ['hr'],
		location: 'Zwolle',
		startedOn: '2017-04-03',
		headline: 'Growth paths and honest conversations'
	},
	{
		name: 'Amira Haddad',
		email: 'admin@noorderlicht.example',
		unit: 'Finance & Facilities',
		jobTitle: 'Business Systems Administrator',
		roles: ['admin'],
		location: 'Groningen',
		startedOn: '2019-11-18',
		headline: 'Keeps Kring and the books in order'
	}
];

const fixedAlumnus = {
	name: 'Ali Yilmaz',
	email: 'alumni@noorderlicht.example',
	unit: 'Application Development',
	jobTitle: 'Senior Software Engineer',
	location: 'Amsterdam',
	startedOn: '2018-03-01',
	leftOn: '2025-06-30',
	headline: 'Now building payment systems in Berlin'
};

const partnerSpecs = [
	{
		name: 'Fjord Cloud Partners',
		website: 'https://partner.example',
		domain: 'partner.example',
		members: 4,
		titles: ['Cloud Architect', 'Azure Specialist', 'Partner Manager', 'DevOps Consultant']
	},
	{
		name: 'Deltawerk Consulting',
		website: 'https://deltawerk.example',
		domain: 'deltawerk.example',
		members: 4,
		titles: ['Interim Project Manager', 'Business Consultant', 'Change Manager', 'Solution Consultant']
	}
] as const;

const fixedPartner = {
	name: 'Pieter Bakker',
	email: 'partner@partner.example',
	partner: 'Fjord Cloud Partners',
	jobTitle: 'Cloud Architect',
	location: 'Utrecht',
	headline: 'Azure landing zones for Noorderlicht'
};

/** New hires who have not accepted their invitation yet: the HR pages list them as pending. */
const invitedUnits = ['Application Development', 'Service Desk', 'Data & AI'] as const;
const deactivatedUnit = 'Managed Workplace';
const alumniCount = 40;

// Repeats weight the draw: most people work from the Groningen head office.
const locations = ['Groningen', 'Groningen', 'Groningen', 'Groningen', 'Amsterdam', 'Amsterdam', 'Utrecht', 'Utrecht', 'Zwolle', 'Leeuwarden', 'Remote'];

const employeeHeadlines = [
	'Ask me about Kubernetes',
	'Terraform, coffee and bad puns',
	'Happiest when the pager stays quiet',
	'Learning Rust, one borrow at a time',
	'From service desk to cloud: ask me how',
	'Mentor for new colleagues',
	'Runs the Friday knowledge session',
	'Coach for the Azure certifications',
	'Fixing printers since 2014',
	'Security champion for my team',
	'Clean data and clear dashboards',
	'Working towards my Scrum Master certificate',
	'Speaks Dutch, English and a little Frisian',
	'Cycling to work, rain or shine',
	'Curious about growth paths? Ask me',
	'Part-time student in data science',
	'Organiser of the Noorderlicht hackathon',
	'Accessibility advocate',
	'Making onboarding a little better each month',
	'Happy to pair on anything TypeScript'
];

const alumniHeadlines = [
	'Now a freelance cloud architect',
	'Moved on to product management',
	'Started my own consultancy',
	'Now teaching IT at a hogeschool',
	"Back at university for a master's",
	'Now leading security in Rotterdam',
	'Travelling for a year, then we will see',
	'Still happy to help with old projects',
	'Open to coming back one day',
	'Now building data platforms in Berlin'
];

/** mulberry32: tiny and fast, and the same seed draws the same organisation on every run. Domain demos reuse it. */
export function createRandom(seed: number) {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		int,
		chance: (probability: number): boolean => next() < probability,
		pick<T>(items: readonly T[]): T {
			const item = items[Math.floor(next() * items.length)];
			if (item === undefined) throw new Error('Demo seed: picked from an empty list.');
			return item;
		},
		/** An ISO date between two ISO dates, both included. */
		date(from: string, to: string): string {
			return isoDate(int(dayNumber(from), dayNumber(to)));
		}
	};
}
export type Random = ReturnType<typeof createRandom>;

const dayMs = 86_400_000;
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / dayMs);
const isoDate = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);
const daysBefore = (iso: string, days: number): string => isoDate(dayNumber(iso) - days);

// Letters that Unicode normalisation does not split into a base letter and an accent.
const transliterations: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', ı: 'i', đ: 'd' };

/** "van der Meer" → "vandermeer", "Søren" → "soren": ASCII for the email address. */
function emailPart(namePart: string): string {
	return namePart
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[øæœßłıđ]/g, (letter) => transliterations[letter] ?? '')
		.replace(/[^a-z0-9]/g, '');
}

function must<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`Demo seed: no ${what}.`);
	return value;
}

async function insertPeople(executor: Executor, rows: readonly NewPerson[]): Promise<void> {
	for (let start = 0; start < rows.length; start += chunkSize) {
		await executor.insert(person).values(rows.slice(start, start + chunkSize));
	}
}

/** Names and addresses handed out so far, so that the demo never shows two people by one name. */
function createRegistry(random: Random) {
	const names = new Set<string>();
	const emails = new Set<string>();
	/** "de Jong" and "Dejong" share an address; the second one gets a number. */
	const email = (local: string, domain: string): string => {
		let candidate = `${local}@${domain}`;
		for (let n = 2; emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
		emails.add(candidate);
		return candidate;
	};
	return {
		reserve(name: string, address: string): void {
			names.add(name);
			emails.add(address);
		},
		/** A full name nobody has yet; with ~6,400 combinations and ~200 people this ends quickly. */
		freshName(): { name: string; email: (domain: string) => string } {
			for (;;) {
				const first = random.pick(firstNames);
				const last = random.pick(lastNames);
				const name = `${first} ${last}`;
				if (names.has(name)) continue;
				names.add(name);
				return { name, email: (domain) => email(`${emailPart(first)}.${emailPart(last)}`, domain) };
			}
		}
	};
}

/** Seeds "Noorderlicht IT Services" into an empty database. Deterministic: same data every run. */
export async function seedDemo(executor: Executor, options: { passwordHash?: string } = {}): Promise<void> {
	// Demo-only shortcut: one argon2 hash (one salt) shared by every demo account. Real accounts
	// each hash their own password; hashing ~200 times would only slow the start-up down.
	const passwordHash = options.passwordHash ?? (await hashPassword(demoPassword));
	const random = createRandom(0x6b72696e);
	const registry = createRegistry(random);
	for (const fixed of [...fixedEmployees, fixedAlumnus, fixedPartner]) registry.reserve(fixed.name, fixed.email);
	const locale = (): string => (random.chance(0.8) ? 'nl' : 'en');
	const headline = (probability: number, headlines: readonly string[]): string | null =>
		random.chance(probability) ? random.pick(headlines) : null;

	const created = await createOrganisation(executor, { name: organisationName, defaultLocale: 'en', timeZone: demoTimeZone, isDemo: true });
	if (!created) throw new Error('Demo seed: the database has an organisation already; the demo only seeds an empty one.');

	const partnerIds = new Map<string, string>(partnerSpecs.map((spec) => [spec.name, randomUUID()]));
	await executor
		.insert(partnerOrg)
		.values(partnerSpecs.map((spec) => ({ id: must(partnerIds.get(spec.name), spec.name), name: spec.name, website: spec.website })));

	// Leads are set after the people exist: org_unit and person reference each other.
	const unitIds = new Map<string, string>(unitSpecs.map((spec) => [spec.name, randomUUID()]));
	const unitId = (name: string): string => must(unitIds.get(name), `unit ${name}`);
	await executor.insert(orgUnit).values(
		unitSpecs.map((spec) => ({ id: unitId(spec.name), name: spec.name, parentId: spec.parent === null ? null : unitId(spec.parent) }))
	);

	const leadIds = new Map<string, string>();
	const leadOf = (unit: string): string => must(leadIds.get(unit), `lead for ${unit}`);
	// Leads first, parents before children: in chunked inserts a manager is in by the time their reports are.
	const leads: NewPerson[] = [];
	const members: NewPerson[] = [];
	const fromFixed = (fixed: FixedEmployee, id: string, managerId: string | null): NewPerson => ({
		id,
		email: fixed.email,
		name: fixed.name,
		headline: fixed.headline,
		jobTitle: fixed.jobTitle,
		location: fixed.location,
		locale: null,
		kind: 'employee',
		roles: fixed.roles,
		status: 'active',
		unitId: unitId(fixed.unit),
		managerId,
		passwordHash,
		startedOn: fixed.startedOn
	});
	const generatedEmployee = (unit: string, jobTitle: string, managerId: string | null, startedOn: string): NewPerson => {
		const { name, email } = registry.freshName();
		return {
			id: randomUUID(),
			email: email(companyDomain),
			name,
			headline: headline(0.35, employeeHeadlines),
			jobTitle,
			location: random.pick(locations),
			locale: locale(),
			kind: 'employee',
			roles: [],
			status: 'active',
			unitId: unitId(unit),
			managerId,
			passwordHash,
			startedOn
		};
	};

	for (const spec of unitSpecs) {
		const fixedHere = fixedEmployees.filter((fixed) => fixed.unit === spec.name);
		const fixedLead = fixedHere.find((fixed) => fixed.lead);
		// The root's lead is the CEO and has no manager; every other lead reports to the parent's lead.
		const leadManager = spec.parent === null ? null : leadOf(spec.parent);
		const leadId = randomUUID();
		leads.push(
			fixedLead
				? fromFixed(fixedLead, leadId, leadManager)
				: { ...generatedEmployee(spec.name, spec.leadTitle, leadManager, random.date('2012-01-01', '2019-12-31')), id: leadId }
		);
		leadIds.set(spec.name, leadId);
		const fixedMembers = fixedHere.filter((fixed) => !fixed.lead);
		for (const fixed of fixedMembers) members.push(fromFixed(fixed, randomUUID(), leadId));
		for (let count = 1 + fixedMembers.length; count < spec.size; count++) {
			members.push(generatedEmployee(spec.name, random.pick(spec.titles), leadId, random.date('2013-01-01', latestDate)));
		}
	}

	const invited = invitedUnits.map((unit) => {
		const spec = must(unitSpecs.find((candidate) => candidate.name === unit), `unit ${unit}`);
		// New hires starting in December: no password until they accept the invitation.
		return { ...generatedEmployee(unit, random.pick(spec.titles), leadOf(unit), random.date('2026-12-01', '2026-12-14')), status: 'invited' as const, passwordHash: null };
	});
	// Deactivated accounts drop out of teams, so no manager: it would only be a stale line.
	const deactivated: NewPerson = {
		...generatedEmployee(deactivatedUnit, 'Workplace Engineer', null, random.date('2016-01-01', '2022-12-31')),
		status: 'deactivated'
	};

	const alumniUnits = unitSpecs.filter((spec) => spec.parent !== null);
	const alumni: NewPerson[] = [
		{
			email: fixedAlumnus.email,
			name: fixedAlumnus.name,
			headline: fixedAlumnus.headline,
			jobTitle: fixedAlumnus.jobTitle,
			location: fixedAlumnus.location,
			locale: null,
			kind: 'alumni',
			status: 'active',
			unitId: unitId(fixedAlumnus.unit),
			passwordHash,
			startedOn: fixedAlumnus.startedOn,
			leftOn: fixedAlumnus.leftOn
		}
	];
	while (alumni.length < alumniCount) {
		const spec = random.pick(alumniUnits);
		const { name, email } = registry.freshName();
		const leftOn = random.date('2016-01-01', latestDate);
		alumni.push({
			email: email(companyDomain),
			name,
			headline: headline(0.5, alumniHeadlines),
			jobTitle: random.pick(spec.titles),
			location: random.pick(locations),
			locale: locale(),
			kind: 'alumni',
			status: 'active',
			unitId: unitId(spec.name),
			passwordHash,
			// At least half a year with us.
			startedOn: random.date('2012-01-01', daysBefore(leftOn, 180)),
			leftOn
		});
	}

	const partners: NewPerson[] = [
		{
			email: fixedPartner.email,
			name: fixedPartner.name,
			headline: fixedPartner.headline,
			jobTitle: fixedPartner.jobTitle,
			location: fixedPartner.location,
			locale: null,
			kind: 'partner',
			status: 'active',
			partnerOrgId: must(partnerIds.get(fixedPartner.partner), fixedPartner.partner),
			passwordHash
		}
	];
	for (const spec of partnerSpecs) {
		const already = partners.filter((member) => member.partnerOrgId === partnerIds.get(spec.name)).length;
		for (let count = already; count < spec.members; count++) {
			const { name, email } = registry.freshName();
			partners.push({
				email: email(spec.domain),
				name,
				jobTitle: random.pick(spec.titles),
				location: random.pick(locations),
				locale: locale(),
				kind: 'partner',
				status: 'active',
				partnerOrgId: must(partnerIds.get(spec.name), spec.name),
				passwordHash
			});
		}
	}

	await insertPeople(executor, [...leads, ...members, ...invited, deactivated, ...alumni, ...partners]);

	// One statement for all units rather than one update each.
	const assignments = [...leadIds].map(([unit, leadId]) => ({ id: unitId(unit), leadId }));
	await executor
		.update(orgUnit)
		.set({
			leadId: sql`case ${sql.join(
				assignments.map(({ id, leadId }) => sql`when ${orgUnit.id} = ${id}::uuid then ${leadId}::uuid`),
				sql` `
			)} end`
		})
		.where(
			inArray(
				orgUnit.id,
				assignments.map(({ id }) => id)
			)
		);
	await seedKnowledgeDemo(executor);
	await seedFlexDemo(executor, demoTimeZone);
	await seedGrowthDemo(executor);
	await seedPulseDemo(executor, { timeZone: demoTimeZone, passwordHash });
	await seedXlaDemo(executor, demoTimeZone);
	await seedAlumniDemo(executor);
	await seedVacanciesDemo(executor);
}

/**
 * For the benchmark: a large organisation (default 10k employees, 20k alumni) on top of the demo.
 * Run once, after `seedDemo`. Employees are spread evenly over the units without sub-units and
 * report to that unit's lead; alumni are spread over all units but the root.
 */
export async function seedLargeOrganisation(
	executor: Executor,
	options: { employees?: number; alumni?: number; passwordHash: string }
): Promise<void> {
	const { employees = 10_000, alumni = 20_000, passwordHash } = options;
	// Ordered, so that the round-robin below puts the same people in the same units every run.
	const units = await executor
		.select({ id: orgUnit.id, name: orgUnit.name, parentId: orgUnit.parentId, leadId: orgUnit.leadId })
		.from(orgUnit)
		.orderBy(asc(orgUnit.name));
	const parentIds = new Set(units.map((unit) => unit.parentId));
	const leaves = units.flatMap((unit) => (!parentIds.has(unit.id) && unit.leadId ? [{ ...unit, leadId: unit.leadId }] : []));
	const formerUnits = units.filter((unit) => unit.parentId !== null);
	if (leaves.length === 0 || formerUnits.length === 0) throw new Error('seedLargeOrganisation needs the demo organisation: run seedDemo first.');
	const titles = (unitName: string): readonly string[] => unitSpecs.find((spec) => spec.name === unitName)?.titles ?? ['Specialist'];

	const random = createRandom(0x6c617267);
	// The serial number keeps addresses unique without a lookup; names repeat, as in any large company.
	let serial = 0;
	const base = (): Pick<NewPerson, 'email' | 'name' | 'location' | 'locale' | 'status' | 'passwordHash'> => {
		const first = random.pick(firstNames);
		const last = random.pick(lastNames);
		serial++;
		return {
			email: `${emailPart(first)}.${emailPart(last)}.${serial}@${companyDomain}`,
			name: `${first} ${last}`,
			location: random.pick(locations),
			locale: random.chance(0.8) ? 'nl' : 'en',
			status: 'active',
			passwordHash
		};
	};

	const inChunks = async (total: number, make: (index: number) => NewPerson): Promise<void> => {
		for (let start = 0; start < total; start += chunkSize) {
			const rows: NewPerson[] = [];
			for (let index = start; index < Math.min(total, start + chunkSize); index++) rows.push(make(index));
			await executor.insert(person).values(rows);
		}
	};

	await inChunks(employees, (index) => {
		const unit = must(leaves[index % leaves.length], 'unit');
		return {
			...base(),
			headline: random.chance(0.2) ? random.pick(employeeHeadlines) : null,
			jobTitle: random.pick(titles(unit.name)),
			kind: 'employee',
			unitId: unit.id,
			managerId: unit.leadId,
			startedOn: random.date('2012-01-01', latestDate)
		};
	});

	await inChunks(alumni, (index) => {
		const unit = must(formerUnits[index % formerUnits.length], 'unit');
		const leftOn = random.date('2016-01-01', latestDate);
		return {
			...base(),
			headline: random.chance(0.3) ? random.pick(alumniHeadlines) : null,
			jobTitle: random.pick(titles(unit.name)),
			kind: 'alumni',
			unitId: unit.id,
			startedOn: random.date('2012-01-01', daysBefore(leftOn, 180)),
			leftOn
		};
	});
}
