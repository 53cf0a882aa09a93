import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail, type DemoRole } from '../support/fixtures';
import { event, offboarding, orgUnit, partnerOrg, person, type PersonStatus, type Role as PersonRole } from '../../src/lib/server/db/schema';

/**
 * Every route and every form action, for every kind of person: allowed ones succeed, the others
 * are refused (403), sent to sign in, or told the thing does not exist (404) where its existence
 * is private. The last test fails when a route or action is added without a row here.
 */
type Role = DemoRole | 'anonymous';
const roles: Role[] = ['anonymous', 'employee', 'manager', 'hr', 'admin', 'alumni', 'partner'];

/**
 * ok: the page (200) or the action's success; login: sent to sign in first; away: a page that
 * sends this person elsewhere (e.g. /login when already signed in); a number: refused with it.
 */
type Outcome = 'ok' | 'login' | 'away' | 403 | 404 | 409 | 410;

interface Context {
	app: TestApp;
	ids: { employee: string; alumni: string; manager: string; unit: string; partner: string };
}

interface Case {
	route: string;
	/** GET, or the name of a form action ('default' for the unnamed one), or a +server.ts method. */
	action: 'GET' | string;
	path: (context: Context) => Promise<string> | string;
	/** A valid submission, fresh for every role so that one role's success does not change another's case. */
	body?: (context: Context) => Promise<Record<string, string>> | Record<string, string>;
	expect: Record<Role, Outcome>;
	/** Tells apart rows for the same route and action (another target, a malformed id). */
	note?: string;
}

const all = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(roles.map((role) => [role, outcome])) as Record<Role, Outcome>;
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({ ...all(outcome), anonymous: 'login' });
const staff = (): Record<Role, Outcome> => ({ ...signedIn(403), hr: 'ok', admin: 'ok' });
const adminOnly = (): Record<Role, Outcome> => ({ ...signedIn(403), admin: 'ok' });
/** Staff are told it does not exist; everyone else is refused before the id is even looked at. */
const staffNotFound = (): Record<Role, Outcome> => ({ ...signedIn(403), hr: 404, admin: 404 });
const colleagues = (): Record<Role, Outcome> => ({ ...signedIn('ok'), alumni: 403, partner: 403 });

let unitCounter = 0;
/** Someone to act on; what they hold decides who may change them. */
async function freshPerson(context: Context, { roles = [], status = 'invited' }: { roles?: PersonRole[]; status?: PersonStatus } = {}): Promise<string> {
	const [created] = await context.app.db
		.insert(person)
		.values({ email: freshEmail('target'), name: 'Permission Target', kind: 'employee', status, roles })
		.returning({ id: person.id });
	return created!.id;
}
async function freshUnit(context: Context): Promise<string> {
	const [created] = await context.app.db.insert(orgUnit).values({ name: `Unit ${++unitCounter}`, parentId: context.ids.unit }).returning({ id: orgUnit.id });
	return created!.id;
}
async function freshPartner(context: Context): Promise<string> {
	const [created] = await context.app.db.insert(partnerOrg).values({ name: `Partner ${++unitCounter}` }).returning({ id: partnerOrg.id });
	return created!.id;
}
async function freshOffboarding(context: Context): Promise<string> {
	const personId = await freshPerson(context, { status: 'active' });
	const [created] = await context.app.db
		.insert(offboarding)
		.values({ personId, lastDay: '2030-01-01', reason: 'other', rehireEligible: true, personalEmail: freshEmail('personal') })
		.returning({ id: offboarding.id });
	return created!.id;
}
async function freshEvent(context: Context, audience: 'both' | 'partners' = 'both'): Promise<string> {
	const [created] = await context.app.db
		.insert(event)
		.values({ title: 'Permission Event', startsAt: new Date('2030-01-01T17:00:00Z'), endsAt: new Date('2030-01-01T19:00:00Z'), timeZone: 'Europe/Amsterdam', place: 'Office', audience })
		.returning({ id: event.id });
	return created!.id;
}
/** Employees and alumni are the audience of a "both" event; partners are told it does not exist. */
const bothAudience = (): Record<Role, Outcome> => ({ ...signedIn('ok'), partner: 404 });
const personFields = (email = freshEmail()) => ({ name: 'New Colleague', email, kind: 'employee', jobTitle: 'Engineer', unitId: '', managerEmail: '', partnerOrgId: '', locale: '' });

const cases: Case[] = [
	{ route: '/', action: 'GET', path: () => '/', expect: signedIn('ok') },
	{ route: '/health', action: 'GET', path: () => '/health', expect: all('ok') },
	{ route: '/login', action: 'GET', path: () => '/login', expect: { ...all('away'), anonymous: 'ok' } },
	{ route: '/login', action: 'default', path: () => '/login', body: () => ({ email: demo.employee, password: 'kring-demo' }), expect: all('ok') },
	{ route: '/logout', action: 'GET', path: () => '/logout', expect: signedIn('ok') },
	{ route: '/logout', action: 'default', path: () => '/logout', body: () => ({}), expect: all('ok') },
	{ route: '/reset', action: 'GET', path: () => '/reset', expect: all('ok') },
	{ route: '/reset', action: 'default', path: () => '/reset', body: () => ({ email: freshEmail() }), expect: all('ok') },
	{ route: '/reset/[token]', action: 'GET', path: () => '/reset/none.none', expect: all('ok') },
	// The token is the permission: without a live one nobody gets past it.
	{ route: '/reset/[token]', action: 'default', path: () => '/reset/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	{ route: '/invite/[token]', action: 'GET', path: () => '/invite/none.none', expect: all('ok') },
	{ route: '/invite/[token]', action: 'default', path: () => '/invite/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ name: 'X', password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	// Once an organisation exists, setup is closed to everyone.
	{ route: '/setup', action: 'GET', path: () => '/setup', expect: all('away') },
	{ route: '/setup', action: 'default', path: () => '/setup', body: () => ({ organisation: 'Takeover', timeZone: 'UTC', name: 'Mallory', email: freshEmail(), password: 'a long new password', confirm: 'a long new password' }), expect: all(409) },
	{ route: '/preferences', action: 'GET', path: () => '/preferences', expect: all('ok') },
	{ route: '/preferences', action: 'language', path: () => '/preferences', body: () => ({ locale: 'en', redirectTo: '/' }), expect: all('ok') },
	{ route: '/preferences', action: 'theme', path: () => '/preferences', body: () => ({ theme: 'dark', redirectTo: '/' }), expect: all('ok') },
	{ route: '/account', action: 'GET', path: () => '/account', expect: signedIn('ok') },
	{ route: '/account', action: 'profile', path: () => '/account', body: () => ({ name: 'Same Person', headline: '', location: '', locale: 'en' }), expect: signedIn('ok') },
	{ route: '/account', action: 'password', path: () => '/account', body: () => ({ current: 'kring-demo', password: 'a new long password', confirm: 'a new long password' }), expect: signedIn('ok') },
	{ route: '/account', action: 'revoke', path: () => '/account', body: () => ({ session: 'someone-elses' }), expect: signedIn('ok') },
	{ route: '/account', action: 'everywhere', path: () => '/account', body: () => ({}), expect: signedIn('ok') },
	{ route: '/people', action: 'GET', path: () => '/people?q=jan', expect: colleagues() },
	{ route: '/people/[id]', action: 'GET', path: ({ ids }) => `/people/${ids.manager}`, expect: { ...signedIn('ok'), alumni: 404, partner: 404 } },
	{ route: '/admin', action: 'GET', path: () => '/admin', expect: { ...signedIn(403), hr: 'away', admin: 'away' } },
	{ route: '/admin/people', action: 'GET', path: () => '/admin/people?q=jan', expect: staff() },
	{ route: '/admin/people/new', action: 'GET', path: () => '/admin/people/new', expect: staff() },
	{ route: '/admin/people/new', action: 'default', path: () => '/admin/people/new', body: () => personFields(), expect: staff() },
	{ route: '/admin/people/[id]', action: 'GET', path: ({ ids }) => `/admin/people/${ids.employee}`, expect: staff() },
	{ route: '/admin/people/[id]', action: 'save', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => personFields(), expect: staff() },
	{ route: '/admin/people/[id]', action: 'deactivate', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/people/[id]', action: 'reactivate', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/people/[id]', action: 'resend', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	// Only admins change people who hold a role: HR could otherwise take over an admin's account by its email.
	...(['hr', 'admin'] as const).flatMap((held): Case[] => {
		const holder = (status: PersonStatus) => async (context: Context) => `/admin/people/${await freshPerson(context, { roles: [held], status })}`;
		const note = `target holds ${held}`;
		return [
			{ route: '/admin/people/[id]', action: 'GET', path: holder('active'), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'save', path: holder('active'), body: () => ({ ...personFields(), roles: held }), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'deactivate', path: holder('active'), body: () => ({}), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'reactivate', path: holder('deactivated'), body: () => ({}), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'resend', path: holder('invited'), body: () => ({}), expect: adminOnly(), note }
		];
	}),
	{ route: '/admin/people/import', action: 'GET', path: () => '/admin/people/import', expect: staff() },
	{ route: '/admin/people/import', action: 'preview', path: () => '/admin/people/import', body: () => csvUpload(), expect: staff() },
	{ route: '/admin/people/import', action: 'import', path: () => '/admin/people/import', body: () => ({ csv: `email,name\n${freshEmail()},Imported Person\n`, fileName: 'people.csv' }), expect: staff() },
	{ route: '/admin/org', action: 'GET', path: () => '/admin/org', expect: staff() },
	{ route: '/admin/org', action: 'create', path: () => '/admin/org', body: ({ ids }) => ({ name: `Created ${++unitCounter}`, parentId: ids.unit, leadEmail: '' }), expect: staff() },
	{ route: '/admin/org/[id]', action: 'GET', path: ({ ids }) => `/admin/org/${ids.unit}`, expect: staff() },
	{ route: '/admin/org/[id]', action: 'save', path: async (context) => `/admin/org/${await freshUnit(context)}`, body: ({ ids }) => ({ name: `Renamed ${++unitCounter}`, parentId: ids.unit, leadEmail: '' }), expect: staff() },
	{ route: '/admin/org/[id]', action: 'delete', path: async (context) => `/admin/org/${await freshUnit(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/partners', action: 'GET', path: () => '/admin/partners', expect: staff() },
	{ route: '/admin/partners', action: 'create', path: () => '/admin/partners', body: () => ({ name: `New Partner ${++unitCounter}`, website: '' }), expect: staff() },
	{ route: '/admin/partners/[id]', action: 'GET', path: ({ ids }) => `/admin/partners/${ids.partner}`, expect: staff() },
	{ route: '/admin/partners/[id]', action: 'save', path: async (context) => `/admin/partners/${await freshPartner(context)}`, body: () => ({ name: `Renamed Partner ${++unitCounter}`, website: 'https://example.com' }), expect: staff() },
	{ route: '/admin/partners/[id]', action: 'delete', path: async (context) => `/admin/partners/${await freshPartner(context)}`, body: () => ({}), expect: staff() },
	// Ids that cannot be ids are plain 404s, never a database error.
	...['/admin/people/[id]', '/admin/org/[id]', '/admin/partners/[id]'].flatMap((route): Case[] => {
		const path = () => route.replace('[id]', 'not-a-uuid');
		const actions = route === '/admin/people/[id]' ? ['save', 'deactivate', 'reactivate', 'resend'] : ['save', 'delete'];
		const body = (action: string) => (): Record<string, string> => {
			if (action !== 'save') return {};
			if (route === '/admin/people/[id]') return personFields();
			return { name: `Malformed ${++unitCounter}`, parentId: '', leadEmail: '', website: '' };
		};
		return [
			{ route, action: 'GET', path, expect: staffNotFound(), note: 'malformed id' },
			...actions.map((action) => ({ route, action, path, body: body(action), expect: staffNotFound(), note: 'malformed id' }))
		];
	}),
	{ route: '/admin/offboarding', action: 'GET', path: () => '/admin/offboarding', expect: staff() },
	{
		route: '/admin/offboarding',
		action: 'start',
		path: () => '/admin/offboarding',
		body: async (context) => ({ personId: await freshPerson(context, { status: 'active' }), lastDay: '2030-01-01', reason: 'new_job', rehireEligible: 'yes', personalEmail: freshEmail('personal') }),
		expect: staff()
	},
	{ route: '/admin/offboarding', action: 'cancel', path: () => '/admin/offboarding', body: async (context) => ({ id: await freshOffboarding(context) }), expect: staff() },
	{ route: '/alumni', action: 'GET', path: () => '/alumni', expect: { ...signedIn(403), alumni: 'ok' } },
	{ route: '/alumni', action: 'save', path: () => '/alumni', body: () => ({ currentEmployer: 'Mollie', shared: 'employer', consent: 'on' }), expect: { ...signedIn(403), alumni: 'ok' } },
	{ route: '/alumni/directory', action: 'GET', path: () => '/alumni/directory?q=a', expect: { ...signedIn('ok'), partner: 403 } },
	// The emailed token is the permission, as for invitations.
	{ route: '/alumni/welcome/[token]', action: 'GET', path: () => '/alumni/welcome/none.none', expect: all('ok') },
	{ route: '/alumni/welcome/[token]', action: 'default', path: () => '/alumni/welcome/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	{ route: '/events', action: 'GET', path: () => '/events', expect: signedIn('ok') },
	{
		route: '/events',
		action: 'create',
		path: () => '/events',
		body: () => ({ title: 'Meet-up', startsAt: '2030-02-01T17:00', endsAt: '2030-02-01T19:00', timeZone: 'Europe/Amsterdam', place: 'Office', audience: 'both', capacity: '10' }),
		expect: staff()
	},
	{ route: '/events/[id]', action: 'GET', path: async (context) => `/events/${await freshEvent(context)}`, expect: bothAudience() },
	{ route: '/events/[id]', action: 'GET', path: async (context) => `/events/${await freshEvent(context, 'partners')}`, expect: { ...signedIn(404), partner: 'ok', hr: 'ok', admin: 'ok' }, note: 'partners only' },
	{ route: '/events/[id]', action: 'rsvp', path: async (context) => `/events/${await freshEvent(context)}`, body: () => ({}), expect: bothAudience() },
	{ route: '/events/[id]', action: 'cancel', path: async (context) => `/events/${await freshEvent(context)}`, body: () => ({}), expect: bothAudience() },
	{ route: '/events/[id]/calendar.ics', action: 'GET', path: async (context) => `/events/${await freshEvent(context)}/calendar.ics`, expect: bothAudience() },
	...(['GET', 'rsvp', 'cancel'] as const).map((action): Case => ({ route: '/events/[id]', action, path: () => '/events/not-a-uuid', body: () => ({}), expect: signedIn(404), note: 'malformed id' })),
	{ route: '/admin/audit', action: 'GET', path: () => '/admin/audit', expect: staff() },
	{ route: '/admin/outbox', action: 'GET', path: () => '/admin/outbox', expect: adminOnly() },
	{ route: '/admin/settings', action: 'GET', path: () => '/admin/settings', expect: adminOnly() },
	{ route: '/admin/settings', action: 'default', path: () => '/admin/settings', body: () => ({ name: 'Noorderlicht IT Services', defaultLocale: 'en', timeZone: 'Europe/Amsterdam' }), expect: adminOnly() }
];

function csvUpload(): Record<string, string> {
	return { __file: `email,name\n${freshEmail()},Previewed Person\n` };
}

let app: TestApp;
let context: Context;

beforeAll(async () => {
	app = await startApp();
	const unit = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
	const partner = await app.db.select({ id: partnerOrg.id }).from(partnerOrg).limit(1);
	context = {
		app,
		ids: {
			employee: (await personByEmail(app.db, demo.employee)).id,
			manager: (await personByEmail(app.db, demo.manager)).id,
			alumni: (await personByEmail(app.db, demo.alumni)).id,
			unit: unit[0]!.id,
			partner: partner[0]!.id
		}
	};
});
afterAll(() => app?.close());

async function outcomeOf(testCase: Case, role: Role): Promise<{ outcome: Outcome | number; detail: string }> {
	const client = await clientFor(app, role);
	const path = await testCase.path(context);
	if (testCase.action === 'GET') {
		const response = await client.get(path);
		const location = response.headers.get('location') ?? '';
		if (response.status === 200) return { outcome: 'ok', detail: '' };
		if (response.status === 303) return { outcome: location.startsWith('/login') ? 'login' : 'away', detail: location };
		return { outcome: response.status, detail: '' };
	}
	const fields = await testCase.body!(context);
	let form: Record<string, string> | FormData = fields;
	if ('__file' in fields) {
		form = new FormData();
		form.set('file', new File([fields.__file!], 'people.csv', { type: 'text/csv' }));
	}
	const actionPath = testCase.action === 'default' ? path : `${path}${path.includes('?') ? '&' : '?'}/${testCase.action}`;
	const result = await client.action(actionPath, form);
	// Refused for want of a session: off to /login with the way back; a plain /login is where sign-out ends.
	if (result.type === 'redirect') return { outcome: result.location?.startsWith('/login?next=') ? 'login' : 'ok', detail: result.location ?? '' };
	if (result.type === 'success') return { outcome: 'ok', detail: '' };
	return { outcome: result.status, detail: JSON.stringify(result.data ?? result.error) };
}

describe('permission matrix', () => {
	for (const testCase of cases) {
		it(`${testCase.action === 'GET' ? 'GET' : `POST ?/${testCase.action}`} ${testCase.route}${testCase.note ? ` (${testCase.note})` : ''}`, async () => {
			const seen: Record<string, unknown> = {};
			const details: Record<string, string> = {};
			for (const role of roles) {
				const { outcome, detail } = await outcomeOf(testCase, role);
				seen[role] = outcome;
				if (outcome !== testCase.expect[role]) details[role] = detail;
			}
			expect(seen, JSON.stringify(details)).toEqual(testCase.expect);
		});
	}

	it('covers every route and every form action in src/routes', async () => {
		const modules = import.meta.glob('/src/routes/**/+page.server.ts');
		const endpoints = import.meta.glob('/src/routes/**/+server.ts');
		const pages = import.meta.glob('/src/routes/**/+page.svelte');
		const routeOf = (file: string) => file.replace('/src/routes', '').replace(/\/\+(page\.server\.ts|server\.ts|page\.svelte)$/, '') || '/';
		const expected = new Set<string>();
		for (const file of Object.keys(pages)) expected.add(`${routeOf(file)} GET`);
		for (const [file, load] of Object.entries(modules)) {
			const module = (await load()) as { actions?: Record<string, unknown> };
			for (const action of Object.keys(module.actions ?? {})) expected.add(`${routeOf(file)} ${action}`);
		}
		for (const [file, load] of Object.entries(endpoints)) {
			const module = (await load()) as Record<string, unknown>;
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (method in module) expected.add(`${routeOf(file)} ${method}`);
		}
		const covered = new Set(cases.map((testCase) => `${testCase.route} ${testCase.action}`));
		expect([...expected].filter((entry) => !covered.has(entry)).sort()).toEqual([]);
		expect([...covered].filter((entry) => !expected.has(entry)).sort()).toEqual([]);
	});
});
