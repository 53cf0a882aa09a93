import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startApp, type TestApp, type TestClient } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, latestEmail, pathOf, personByEmail, type DemoRole } from '../support/fixtures';
import { rawRows } from '../../src/lib/server/db';

/**
 * Bad input to every form that writes: the message stands next to the field, the form comes back
 * with what was typed (never secrets), and nothing is written.
 */
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

/** A fingerprint of the tables a form could write to: any write changes it. */
async function fingerprint(): Promise<string> {
	const tables = [
		'person',
		'organisation',
		'partner_org',
		'org_unit',
		'auth_token',
		'outbox_email',
		'audit_event',
		'knowledge_space',
		'knowledge_space_partner',
		'knowledge_space_moderator',
		'knowledge_post',
		'knowledge_comment',
		'pulse_survey',
		'pulse_question',
		'opportunity',
		'opportunity_skill',
		'opportunity_application',
		'assessment_share',
		'manager_skill_view',
		'vacancy',
		'vacancy_application',
		'referral',
		'rehire',
		'offboarding',
		'exit_survey_answer',
		'exit_survey_comment',
		'alumni_message',
		'xla_measure',
		'xla_value',
		'xla_rating',
		'xla_rater'
	];
	const rows = await Promise.all(
		tables.map((table) => rawRows<{ digest: string | null }>(app.db, sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`)))
	);
	return rows.map((row) => row[0]?.digest).join(',');
}

async function linkFor(email: string): Promise<string> {
	return pathOf((await latestEmail(app.db, email))?.link);
}

interface BadInput {
	form: string;
	as: DemoRole | 'anonymous';
	path: (client: TestClient) => Promise<string> | string;
	body: Record<string, string>;
	errors: Record<string, string>;
	/** What must come back to refill the form. */
	refilled?: Record<string, string>;
}

const knowledgePost = async () => {
	const [row] = await rawRows<{ id: string }>(app.db, sql`select p.id from knowledge_post p join knowledge_space s on s.id = p.space_id where s.slug = 'platform' limit 1`);
	return `/knowledge/posts/${row!.id}`;
};

/** Any id of the right shape: a level off the scale is refused before the skill is looked up. */
const anySkillId = '00000000-0000-4000-8000-000000000000';
const openOpportunity = async () => {
	const [row] = await rawRows<{ id: string }>(app.db, sql`select id from opportunity where status = 'open' and audience = 'employees' and poster_id <> (select id from person where email = ${demo.employee}) order by title limit 1`);
	return `/opportunities/${row!.id}?/apply`;
};
const opportunityFields = { kind: 'gig', title: 'A gig', description: '', audience: 'employees', hoursPerWeek: '4', startsOn: '2027-01-04', endsOn: '' };

/** A demo vacancy open to employees and alumni. */
const alumniVacancy = async () => {
	const [row] = await rawRows<{ id: string }>(app.db, sql`select id from vacancy where audience = 'alumni' and status = 'open' order by title limit 1`);
	return `/jobs/${row!.id}`;
};


const cases: BadInput[] = [
	{
		form: 'new opportunity',
		as: 'employee',
		path: () => '/opportunities/new',
		body: { ...opportunityFields, title: ' ', kind: 'party', hoursPerWeek: '0', startsOn: 'soon' },
		errors: { title: 'Please fill this in.', kind: 'Choose one of the options.', hoursPerWeek: 'Must be at least 1.', startsOn: 'Enter a date as YYYY-MM-DD.' }
	},
	{
		form: 'new opportunity without a required skill',
		as: 'employee',
		path: () => '/opportunities/new',
		body: opportunityFields,
		errors: { skills: 'Choose at least one required skill.' },
		refilled: { title: 'A gig' }
	},
	{
		form: 'new opportunity ending before it starts',
		as: 'hr',
		path: () => '/opportunities/new',
		body: { ...opportunityFields, endsOn: '2027-01-01', 'level.not-a-skill': '3' },
		errors: { endsOn: 'The end comes before the start.' }
	},
	{
		form: 'new opportunity with a level off the scale',
		as: 'employee',
		path: () => '/opportunities/new',
		body: { ...opportunityFields, [`level.${anySkillId}`]: '9' },
		errors: { [`level.${anySkillId}`]: 'Choose one of the options.', skills: 'Choose at least one required skill.' }
	},
	{
		form: "a manager's view with a level off the scale",
		as: 'manager',
		path: async () => {
			const [employee] = await rawRows<{ id: string; managerId: string }>(app.db, sql`select id, manager_id as "managerId" from person where email = ${demo.employee}`);
			await app.db.execute(sql`insert into assessment_share (person_id, manager_id) values (${employee!.id}, ${employee!.managerId}) on conflict do nothing`);
			return `/growth/skills/${employee!.id}`;
		},
		body: { [`level.${anySkillId}`]: '9' },
		errors: { [`level.${anySkillId}`]: 'Choose one of the options.' }
	},
	{
		form: 'applying with too long a note',
		as: 'employee',
		path: openOpportunity,
		body: { note: 'x'.repeat(1001), tellManager: 'on' },
		errors: { note: 'Use at most 1000 characters.' }
	},
	{
		form: 'new vacancy',
		as: 'hr',
		path: () => '/jobs?/create',
		body: { title: '', description: 'x'.repeat(8001), location: '', unitId: 'nope', audience: 'everyone' },
		errors: { title: 'Please fill this in.', description: 'Use at most 8000 characters.', unitId: 'Choose one of the options.', audience: 'Choose one of the options.' }
	},
	{
		form: 'referral',
		as: 'alumni',
		path: async () => `${await alumniVacancy()}?/refer`,
		body: { candidateName: 'Noor de Vries', candidateEmail: 'noor at example', why: ' ' },
		errors: { candidateEmail: 'Enter an email address like name@example.com.', why: 'Please fill this in.' },
		refilled: { candidateName: 'Noor de Vries' }
	},
	{
		form: 'boomerang application',
		as: 'alumni',
		path: async () => `${await alumniVacancy()}?/apply`,
		body: { note: '' },
		errors: { note: 'Please fill this in.' }
	},
	{
		form: 'rehire',
		as: 'hr',
		path: () => '/admin/alumni?/rehire',
		body: { personId: '', unitId: 'x', rehiredOn: 'tomorrow' },
		errors: { personId: 'Choose one of the options.', unitId: 'Choose one of the options.', rehiredOn: 'Enter a date as YYYY-MM-DD.' }
	},
	{
		form: 'new knowledge space',
		as: 'hr',
		path: () => '/admin/knowledge?/create',
		body: { name: '', slug: 'posts', description: '', audience: 'everyone', moderators: 'not-an-address' },
		errors: {
			name: 'Please fill this in.',
			slug: 'Use 2 to 40 lower-case letters, digits and dashes, and not "posts" or "new".',
			audience: 'Choose one of the options.',
			moderators: 'Enter an email address like name@example.com.'
		}
	},
	{
		form: 'new knowledge space shared with no partner',
		as: 'hr',
		path: () => '/admin/knowledge?/create',
		body: { name: 'Partners', slug: 'with-nobody', description: '', audience: 'partners', moderators: '' },
		errors: { partnerOrgIds: 'Choose at least one partner organisation for this audience.' },
		refilled: { slug: 'with-nobody' }
	},
	{
		form: 'new knowledge space with an unknown moderator',
		as: 'hr',
		path: () => '/admin/knowledge?/create',
		body: { name: 'Moderated', slug: 'moderated', description: '', audience: 'employees', moderators: 'nobody@noorderlicht.example' },
		errors: { moderators: 'Every moderator must be an active employee; check the addresses.' }
	},
	{
		form: 'new knowledge post',
		as: 'employee',
		path: () => '/knowledge/platform?/post',
		body: { kind: 'link', title: ' ', body: '', url: 'javascript:alert(1)', tags: 'ok, <bad>', language: 'de' },
		errors: {
			title: 'Please fill this in.',
			url: 'Enter a web address starting with https:// or http://.',
			tags: 'Up to 8 tags of letters, digits and dashes, each at most 30 long.',
			language: 'Choose one of the options.'
		}
	},
	{
		form: 'knowledge question without text',
		as: 'employee',
		path: () => '/knowledge/platform?/post',
		body: { kind: 'question', title: 'A question', body: ' ', url: '', tags: '', language: 'en' },
		errors: { body: 'Please fill this in.' },
		refilled: { title: 'A question' }
	},
	{
		form: 'knowledge comment',
		as: 'employee',
		path: async () => `${await knowledgePost()}?/comment`,
		body: { body: '  ' },
		errors: { body: 'Please fill this in.' }
	},
	{
		form: 'knowledge hide without a reason',
		as: 'manager',
		path: async () => `${await knowledgePost()}?/hide`,
		body: { reason: '' },
		errors: { reason: 'Please fill this in.' }
	},
	{
		form: 'knowledge space settings',
		as: 'manager',
		path: () => '/knowledge/platform/settings?/details',
		body: { name: ' ', description: 'x'.repeat(501), moderators: 'not-an-address' },
		errors: { name: 'Please fill this in.', description: 'Use at most 500 characters.', moderators: 'Enter an email address like name@example.com.' }
	},
	{
		form: 'knowledge space settings with an alumnus as moderator',
		as: 'manager',
		path: () => '/knowledge/platform/settings?/details',
		body: { name: 'Platform', description: '', moderators: `${demo.manager}, ${demo.alumni}` },
		errors: { moderators: 'Every moderator must be an active employee; check the addresses.' },
		refilled: { name: 'Platform' }
	},
	{
		form: 'knowledge audience preview shared with no partner',
		as: 'hr',
		path: () => '/knowledge/platform/settings?/preview',
		body: { audience: 'partners' },
		errors: { partnerOrgIds: 'Choose at least one partner organisation for this audience.' },
		refilled: { audience: 'partners' }
	},
	{
		form: 'knowledge audience change to an unknown audience',
		as: 'hr',
		path: () => '/knowledge/platform/settings?/audience',
		body: { audience: 'everyone', partnerOrgIds: 'not-an-id' },
		errors: { audience: 'Choose one of the options.', partnerOrgIds: 'Choose one of the options.' }
	},
	{
		form: 'account profile',
		as: 'employee',
		path: () => '/account?/profile',
		body: { name: '  ', headline: 'x'.repeat(161), location: 'Delft', locale: 'fr' },
		errors: { name: 'Please fill this in.', headline: 'Use at most 160 characters.', locale: 'Choose one of the options.' },
		refilled: { location: 'Delft' }
	},
	{
		form: 'account password',
		as: 'employee',
		path: () => '/account?/password',
		body: { current: 'kring-demo', password: 'a long new password', confirm: 'another long password' },
		errors: { confirm: 'The two passwords are not the same.' }
	},
	{
		form: 'organisation settings',
		as: 'admin',
		path: () => '/admin/settings',
		body: { name: '', defaultLocale: 'de', timeZone: 'Mars/Olympus_Mons' },
		errors: { name: 'Please fill this in.', defaultLocale: 'Choose one of the options.', timeZone: 'Choose one of the options.' }
	},
	{
		form: 'new partner organisation',
		as: 'hr',
		path: () => '/admin/partners?/create',
		body: { name: '', website: 'javascript:alert(1)' },
		errors: { name: 'Please fill this in.', website: 'Enter a web address starting with https:// or http://.' }
	},
	{
		form: 'edit partner organisation',
		as: 'hr',
		path: async () => {
			const partner = await personByEmail(app.db, demo.partner);
			return `/admin/partners/${partner.partnerOrgId}?/save`;
		},
		body: { name: 'Renamed', website: 'ftp://files.example' },
		errors: { website: 'Enter a web address starting with https:// or http://.' },
		refilled: { name: 'Renamed' }
	},
	{
		form: 'edit person',
		as: 'hr',
		path: async () => `/admin/people/${(await personByEmail(app.db, demo.employee)).id}?/save`,
		body: { name: 'Changed Name', email: 'not an address', kind: 'robot', jobTitle: '', unitId: 'nope', managerEmail: '', partnerOrgId: '', locale: '' },
		errors: { email: 'Enter an email address like name@example.com.', kind: 'Choose one of the options.', unitId: 'Choose one of the options.' },
		refilled: { name: 'Changed Name' }
	},
	{
		form: 'new unit',
		as: 'hr',
		path: () => '/admin/org?/create',
		body: { name: ' ', parentId: 'not-a-unit', leadEmail: 'lead at example' },
		errors: { name: 'Please fill this in.', parentId: 'Choose one of the options.', leadEmail: 'Enter an email address like name@example.com.' }
	},
	{
		form: 'edit unit',
		as: 'hr',
		path: async () => {
			const [unit] = await rawRows<{ id: string }>(app.db, sql`select id from org_unit where name = 'Platform Team'`);
			return `/admin/org/${unit!.id}?/save`;
		},
		body: { name: 'x'.repeat(121), parentId: '', leadEmail: '' },
		errors: { name: 'Use at most 120 characters.' }
	},
	{
		form: 'new pulse survey',
		as: 'hr',
		path: () => '/admin/pulse?/create',
		body: { name: ' ', questions_happiness: 'Happy?', recurrenceDays: '10', windowDays: '0', minGroupSize: '2', firstOpensOn: 'soon' },
		errors: {
			name: 'Please fill this in.',
			recurrenceDays: 'Choose one of the options.',
			windowDays: 'Must be at least 1.',
			minGroupSize: 'Must be at least 3.',
			firstOpensOn: 'Enter a date as YYYY-MM-DD.'
		},
		refilled: { questions_happiness: 'Happy?' }
	},
	{
		form: 'pulse survey without questions, open longer than its rhythm',
		as: 'hr',
		path: () => '/admin/pulse?/create',
		body: { name: 'Quiet pulse', recurrenceDays: '7', windowDays: '10', minGroupSize: '5', firstOpensOn: '2030-01-07' },
		errors: { windowDays: 'A round cannot stay open longer than the time between rounds.', questions_happiness: 'Ask at least one question.' }
	},
	{
		form: 'exit survey without scores or a reason',
		as: 'anonymous',
		path: async () => {
			const [leaver] = await rawRows<{ id: string }>(app.db, sql`insert into person (email, name, kind, status) values (${freshEmail('leaver')}, 'Leaving Soon', 'employee', 'active') returning id`);
			const personalEmail = freshEmail('personal');
			const started = await (await clientFor(app, 'hr')).action('/admin/offboarding?/start', { personId: leaver!.id, lastDay: '2030-01-01', reason: 'other', rehireEligible: 'yes', personalEmail, exitSurvey: 'on' });
			expect(started.type).toBe('redirect');
			return linkFor(personalEmail);
		},
		body: { score_recommend: '12', score_manager: '5', score_growth: '5', score_workload: '5', score_return: '5', reason: '', comment: 'Kept when refused' },
		errors: { score_recommend: 'Choose a score from 0 to 10.', reason: 'Choose one of the options.' },
		refilled: { comment: 'Kept when refused' }
	},
	{
		form: 'message through the alumni directory',
		as: 'employee',
		path: async () => {
			const [listed] = await rawRows<{ id: string }>(app.db, sql`select p.id from person p join alumni_profile a on a.person_id = p.id where p.kind = 'alumni' and a.consented_at is not null limit 1`);
			return `/alumni/contact/${listed!.id}`;
		},
		body: { body: '   ', includeEmail: 'on' },
		errors: { body: 'Please fill this in.' },
		refilled: { includeEmail: 'on' }
	},
	{
		form: 'pulse survey edit lowering N',
		as: 'hr',
		path: async () => `/admin/pulse/${(await rawRows<{ id: string }>(app.db, sql`select id from pulse_survey where name = 'Bi-weekly pulse'`))[0]!.id}?/update`,
		body: { name: 'Bi-weekly pulse', questions_happiness: 'Happy?', recurrenceDays: '14', windowDays: '5', minGroupSize: '3' },
		errors: { minGroupSize: 'The smallest group cannot go down: people answered under the promise of the current number.' },
		refilled: { questions_happiness: 'Happy?' }
	},
	{
		form: 'XLA measure from a source of the other kind, a rating without its scale',
		as: 'hr',
		path: async () => `/xla/${(await rawRows<{ id: string }>(app.db, sql`select id from xla_service where name = 'Onboarding'`))[0]!.id}?/measure`,
		body: { kind: 'kpi', name: 'Rated', target: '4', source: 'rating', ratingScale: '' },
		errors: {
			source: 'This source gives the other kind of measure: flex figures are KPIs, pulse dimensions and ratings are experience measures.',
			ratingScale: 'Please fill this in.'
		},
		refilled: { name: 'Rated' }
	},
	{
		form: 'XLA rating without a score',
		as: 'employee',
		path: async () => `/xla/${(await rawRows<{ id: string }>(app.db, sql`select service_id as id from xla_measure where source = 'rating'`))[0]!.id}?/rate`,
		body: { measureId: '00000000-0000-4000-8000-000000000000', score: '' },
		errors: { score: 'Choose a score.' }
	},
	{
		form: 'password reset request',
		as: 'anonymous',
		path: () => '/reset',
		body: { email: 'nobody at example' },
		errors: { email: 'Enter an email address like name@example.com.' }
	},
	{
		form: 'new password from a reset link',
		as: 'anonymous',
		path: async (client) => {
			await client.action('/reset', { email: demo.manager });
			return linkFor(demo.manager);
		},
		body: { password: 'short', confirm: 'different' },
		errors: { password: 'Use at least 12 characters.', confirm: 'The two passwords are not the same.' }
	},
	{
		form: 'accepting an invitation',
		as: 'anonymous',
		path: async () => {
			const email = freshEmail('invitee');
			const hr = await clientFor(app, 'hr');
			const invited = await hr.action('/admin/people/new', { name: 'Invited Person', email, kind: 'employee', jobTitle: '', unitId: '', managerEmail: '', partnerOrgId: '', locale: '' });
			expect(invited.type).toBe('redirect');
			return linkFor(email);
		},
		body: { name: 'Invited Person', password: 'a long new password', confirm: 'a long new passwort' },
		errors: { confirm: 'The two passwords are not the same.' },
		refilled: { name: 'Invited Person' }
	}
];

describe('bad input is refused next to the field, and nothing is written', () => {
	it.each(cases)('$form', async ({ as, path, body, errors, refilled }) => {
		const client = await clientFor(app, as);
		const target = await path(client);
		const before = await fingerprint();
		const result = await client.action(target, body);
		expect(result.type).toBe('failure');
		expect(result.status).toBe(400);
		expect(result.data?.errors).toEqual(errors);
		expect(result.data?.values).toMatchObject(refilled ?? {});
		for (const secret of ['password', 'confirm', 'current']) expect(result.data?.values).not.toHaveProperty(secret);
		expect(await fingerprint()).toBe(before);
		// Without JavaScript the same refusal is a page showing the message.
		const page = await client.post(target, body);
		expect(page.status).toBe(400);
		const html = await page.text();
		for (const message of Object.values(errors)) expect(html).toContain(message.replaceAll("'", '&#39;'));
		expect(await fingerprint()).toBe(before);
	});
});
