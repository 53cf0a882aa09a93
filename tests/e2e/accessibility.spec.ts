import type { Page } from '@playwright/test';
import {
	demo,
	expect,
	expectAccessible,
	expectFieldError,
	expectFlash,
	follow,
	linkFromOutbox,
	type Locale,
	recordUrl,
	signIn,
	signOut,
	submit,
	t,
	test,
	unique,
	visit
} from './fixtures';

/**
 * Every page of the app, in its ordinary and its refused states, checked with axe in both themes
 * and both languages. The flows check the pages they pass through; this makes sure none is missed.
 */
// Both themes and both languages, paired: colours do not depend on the language, and each
// language's longer labels are laid out once (the sweep costs about a second of axe per page).
const variants = [
	{ theme: 'light', locale: 'en' },
	{ theme: 'dark', locale: 'nl' }
] as const;

// The two sweeps are the suite's longest tests: one on each worker.
test.describe.configure({ mode: 'parallel' });

for (const { theme, locale } of variants) {
	test(`every page passes axe (${theme} theme, ${locale === 'en' ? 'English' : 'Dutch'})`, async ({ openPage }) => {
		// Every domain adds its pages here: about a second of axe each, more on a busy machine.
		test.setTimeout(420_000);
		const tt = (key: string, params: Record<string, string | number> = {}) => t(key, params, locale as Locale);
		const label = (page: Page, key: string) => page.getByLabel(tt(key), { exact: true });
		const button = (page: Page, key: string, params: Record<string, string | number> = {}) =>
			page.getByRole('button', { name: tt(key, params), exact: true });
		const heading = (page: Page) => page.getByRole('heading', { level: 1 });

		/** A browser set to this theme and language through the footer switches, as a visitor would. */
		const browserFor = async () => {
			const page = await openPage();
			await visit(page, '/login');
			const footer = page.getByRole('contentinfo');
			await submit(page, footer.getByRole('button', { name: t(`theme_${theme}`) }));
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expectAccessible(page);
			if (locale === 'nl') {
				await submit(page, footer.getByRole('button', { name: 'Nederlands' }));
				await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
				await expectAccessible(page);
			}
			await expect(heading(page)).toHaveText(tt('login_title'));
			return page;
		};

		// Signed out: sign-in (and its refusal), reset, dead links, 404, health, preferences.
		const visitor = await browserFor();
		await label(visitor, 'field_email').fill(`nobody-${unique()}@noorderlicht.example`);
		await label(visitor, 'field_password').fill('not the password');
		await submit(visitor, visitor.getByRole('main').getByRole('button', { name: tt('sign_in') }));
		await expect(visitor.getByRole('alert')).toHaveText(tt('login_invalid'));
		await expectAccessible(visitor);
		await visit(visitor, '/reset');
		await expect(heading(visitor)).toHaveText(tt('reset_title'));
		await visit(visitor, '/reset/not-a-real-token');
		await expect(visitor.getByText(tt('reset_link_dead'))).toBeVisible();
		await visit(visitor, '/invite/not-a-real-token');
		await expect(visitor.getByText(tt('invite_dead'))).toBeVisible();
		await visit(visitor, '/alumni/welcome/not-a-real-token');
		await expect(visitor.getByText(tt('alumni_welcome_dead'))).toBeVisible();
		await visit(visitor, '/alumni/exit-survey/not-a-real-token');
		await expect(visitor.getByText(tt('alumni_survey_dead'))).toBeVisible();
		await expectAccessible(visitor);
		await visit(visitor, '/no-such-page');
		await expect(heading(visitor)).toHaveText(tt('error_404_title'));
		await visit(visitor, '/health');
		await expect(heading(visitor)).toHaveText(tt('health_title'));
		await visit(visitor, '/preferences');
		await expect(heading(visitor)).toHaveText(tt('preferences_title'));
		// Public vacancies are read signed out.
		await visit(visitor, '/jobs');
		await visitor.getByRole('link', { name: 'Cloud Architect (Azure)' }).click();
		await expect(heading(visitor)).toHaveText('Cloud Architect (Azure)');
		await expectAccessible(visitor);
		await visit(visitor, '/setup'); // set up already: on to the login page
		await expect(visitor).toHaveURL(/\/login$/);

		// Every role's home, and what is refused to those without a staff role.
		for (const role of ['employee', 'manager', 'alumni', 'partner'] as const) {
			await signIn(visitor, demo[role], undefined, locale);
			await expect(heading(visitor)).toContainText(tt('home_greeting', { name: '' }).trim());
			if (role === 'employee') {
				// Growth: a plan, tracks compared, skills, mentors.
				await visit(visitor, '/growth');
				await visitor.getByRole('link', { name: 'Towards senior engineer' }).click();
				await expect(heading(visitor)).toHaveText('Towards senior engineer');
				await expectAccessible(visitor);
				await visit(visitor, '/growth/plans/new');
				await visit(visitor, '/growth/tracks');
				await label(visitor, 'growth_compare_a').selectOption({ index: 1 });
				await label(visitor, 'growth_compare_b').selectOption({ index: 3 });
				await button(visitor, 'growth_compare_submit').click(); // a GET form
				await expect(visitor).toHaveURL(/a=.*b=/);
				await expectAccessible(visitor);
				await visit(visitor, '/growth/skills');
				await visit(visitor, '/growth/mentors');
				// Opportunities: recommended and open ones, one of them, the post form, my posts and applications.
				await visit(visitor, '/opportunities');
				await visitor.getByRole('region', { name: tt('opportunities_recommended_title') }).getByRole('heading', { level: 3 }).getByRole('link').first().click();
				await expect(visitor).toHaveURL(recordUrl('/opportunities'));
				await expectAccessible(visitor);
				await visit(visitor, '/opportunities/new');
				await visit(visitor, '/opportunities/mine');
				await visit(visitor, '/admin/people');
				await expect(heading(visitor)).toHaveText(tt('error_403_title'));
				await visit(visitor, '/people/00000000-0000-4000-8000-000000000000');
				await expect(heading(visitor)).toHaveText(tt('error_404_title'));
				await visit(visitor, '/logout');
				await expect(heading(visitor)).toHaveText(tt('logout_title'));
				// Flexible work: the overview with its request form, and a request refused (the end before the start).
				await visit(visitor, '/flex');
				await visit(visitor, '/flex?type=abroad');
				const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
				await label(visitor, 'flex_field_country').fill('ES');
				await label(visitor, 'flex_field_starts_on').fill(inDays(20));
				await label(visitor, 'flex_field_ends_on').fill(inDays(15));
				await submit(visitor, button(visitor, 'flex_submit'));
				await expect(label(visitor, 'flex_field_ends_on')).toHaveAttribute('aria-invalid', 'true');
				await expectAccessible(visitor);
				// A calendar address, shown once; a running arrangement with its "end early" form.
				await visit(visitor, '/flex');
				// The other variant of this sweep may have made Eva's address already.
				await submit(visitor, visitor.getByRole('button', { name: new RegExp(`^(${tt('calendar_feed_create')}|${tt('calendar_feed_renew')})$`) }));
				await expect(label(visitor, 'calendar_feed_address')).toBeVisible();
				await expectAccessible(visitor);
				await visitor.getByRole('region', { name: tt('flex_current') }).getByRole('link', { name: tt('flex_type_learning'), exact: true }).first().click();
				await expect(label(visitor, 'flex_field_last_day')).toBeVisible();
				await expectAccessible(visitor);
				await visit(visitor, '/pulse');
				await expect(heading(visitor)).toHaveText(tt('pulse_title'));
				await visit(visitor, '/pulse/anonymity');
				await visit(visitor, '/pulse/results');
				await expect(heading(visitor)).toHaveText(tt('pulse_results_title'));
				await visit(visitor, '/xla');
				await expect(heading(visitor)).toHaveText(tt('xla_title'));
			}
			if (role === 'manager') {
				// The decision inbox holds the demo's waiting exception; its page offers the decision.
				await visit(visitor, '/flex/team');
				await visitor.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').first().click();
				await expect(visitor).toHaveURL(recordUrl('/flex'));
				await expectAccessible(visitor);
				await visit(visitor, '/flex/policies');
				await expect(visitor).toHaveURL(/\/flex\/policies\?unit=/);
				await submit(visitor, button(visitor, 'flex_policies_preview'));
				await expect(visitor.getByRole('heading', { name: tt('flex_preview_title') })).toBeVisible();
				await expectAccessible(visitor);
				await visit(visitor, '/pulse/results');
			}
			if (role === 'alumni') {
				// The alumni home with its settings, refused and saved, and the directory with a filter.
				await visit(visitor, '/alumni');
				await visitor.getByRole('textbox', { name: tt('alumni_field_location'), exact: true }).fill('x'.repeat(121));
				await submit(visitor, button(visitor, 'alumni_save'));
				await expect(visitor.getByRole('textbox', { name: tt('alumni_field_location'), exact: true })).toHaveAttribute('aria-invalid', 'true');
				await expectAccessible(visitor);
				await visitor.getByRole('textbox', { name: tt('alumni_field_location'), exact: true }).fill('Berlin');
				await submit(visitor, button(visitor, 'alumni_save'));
				await expect(visitor.getByRole('status').filter({ hasText: tt('alumni_profile_saved') })).toBeVisible();
				await expectAccessible(visitor);
				await visit(visitor, '/alumni/directory?openTo=mentoring');
				await expect(visitor.getByRole('list', { name: tt('alumni_directory_results') })).toBeVisible();
				// Writing to a former colleague through Kring.
				await visitor.getByRole('link', { name: new RegExp(`^${tt('alumni_contact_link')} `) }).first().click();
				await expect(visitor).toHaveURL(recordUrl('/alumni/contact'));
				await expectAccessible(visitor);
				// Jobs: a vacancy with a refused referral, and their own referrals.
				await visit(visitor, '/jobs');
				await visitor.getByRole('link', { name: 'Senior Platform Engineer' }).click();
				await expect(heading(visitor)).toHaveText('Senior Platform Engineer');
				await expectAccessible(visitor);
				await label(visitor, 'vacancies_field_candidate_name').fill('Sweep Candidate');
				await label(visitor, 'vacancies_field_candidate_email').fill(`sweep-${unique()}@example.com`);
				await label(visitor, 'vacancies_field_why').fill(' ');
				await submit(visitor, button(visitor, 'vacancies_refer'));
				await expectFieldError(visitor, tt('vacancies_field_why'), tt('validation_required'));
				await expectAccessible(visitor);
				await visit(visitor, '/jobs/referrals');
				await expect(heading(visitor)).toHaveText(tt('vacancies_my_referrals'));
			}
			// What is posted for alumni and for partners.
			if (role === 'alumni' || role === 'partner') await visit(visitor, '/opportunities');
			await signOut(visitor, locale);
		}

		// HR: the pulse surveys (a refused form) and every group's results.
		const hr = await browserFor();
		await signIn(hr, demo.hr, undefined, locale);
		await visit(hr, '/admin/pulse');
		await label(hr, 'pulse_field_window').fill('20');
		await label(hr, 'pulse_field_recurrence').selectOption('7');
		await submit(hr, button(hr, 'pulse_create'));
		await expectFieldError(hr, tt('pulse_field_window'), tt('pulse_window_too_long'));
		await expectAccessible(hr);
		await hr.getByRole('link', { name: 'Bi-weekly pulse', exact: true }).click();
		await expect(hr).toHaveURL(recordUrl('/admin/pulse'));
		await expectAccessible(hr);
		await label(hr, 'pulse_field_window').fill('20');
		await label(hr, 'pulse_field_recurrence').selectOption('7');
		await submit(hr, button(hr, 'save'));
		await expectFieldError(hr, tt('pulse_field_window'), tt('pulse_window_too_long'));
		await expectAccessible(hr);
		await visit(hr, '/pulse/results');
		await visit(hr, '/insights');
		await expect(heading(hr)).toHaveText(tt('insights_title'));
		await visit(hr, '/insights/flex');
		await expect(heading(hr)).toHaveText(tt('flex_insights_title'));
		// Jobs as HR: the list with its form, a vacancy with its applications and referrals, the ledger, boomerangs, alumni insights.
		await visit(hr, '/jobs');
		await hr.getByRole('link', { name: 'Senior Platform Engineer' }).click();
		await expect(heading(hr)).toHaveText('Senior Platform Engineer');
		await expectAccessible(hr);
		await visit(hr, '/jobs/referrals');
		await expect(heading(hr)).toHaveText(tt('vacancies_ledger_title'));
		await visit(hr, '/admin/alumni');
		await expect(heading(hr)).toHaveText(tt('vacancies_boomerangs_title'));
		// An alumnus's admin page, and its way to their rehire form.
		await visit(hr, `/admin/people?q=${encodeURIComponent('Ali Yilmaz')}`);
		await hr.getByRole('link', { name: 'Ali Yilmaz', exact: true }).click();
		await expect(hr).toHaveURL(recordUrl('/admin/people'));
		await expectAccessible(hr);
		await hr.getByRole('link', { name: tt('vacancies_rehire_name', { name: 'Ali Yilmaz' }) }).click();
		await expect(hr).toHaveURL(/\/admin\/alumni\?q=/);
		await expectAccessible(hr);
		await expect(hr.getByText(tt('vacancies_rehire_name', { name: 'Ali Yilmaz' }))).toBeVisible();
		await visit(hr, '/insights/alumni');
		await expect(heading(hr)).toHaveText(tt('vacancies_insights_title'));
		// The demo's largest team (24) on its lead's profile: a page of the team, and the next.
		await visit(hr, '/people?q=soren.kowalski');
		await follow(hr, hr.getByRole('list', { name: tt('people_results') }).getByRole('link').first());
		await expectAccessible(hr);
		await follow(hr, hr.getByRole('navigation', { name: tt('pagination_label') }).getByRole('link', { name: tt('pagination_next') }));
		await expectAccessible(hr);
		await expect(hr.getByRole('heading', { level: 2, name: tt('profile_reports', { count: 24 }) })).toBeVisible();
		await visit(hr, '/xla');
		await hr.getByRole('link', { name: 'IT service desk' }).click();
		await expect(hr).toHaveURL(recordUrl('/xla'));
		await expectAccessible(hr);
		await label(hr, 'xla_field_measure_name').fill(' ');
		await label(hr, 'xla_field_target').fill('7');
		await submit(hr, button(hr, 'xla_add_measure'));
		await expectFieldError(hr, tt('xla_field_measure_name'), tt('validation_required'));
		await expectAccessible(hr);
		await label(hr, 'import_file').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from('measure,period,value\nNo such measure,2026-01,1') });
		await submit(hr, button(hr, 'xla_import_submit'));
		await expect(hr.getByRole('region', { name: tt('import_all_rows') })).toBeVisible();
		await expectAccessible(hr);
		await signOut(hr, locale);

		// The admin sees every page there is.
		const admin = await browserFor();
		await signIn(admin, demo.admin, undefined, locale);
		await visit(admin, '/account');
		await label(admin, 'field_current_password').fill('not my password');
		await label(admin, 'field_new_password').fill('a long enough new password');
		await label(admin, 'field_confirm_password').fill('a long enough new password');
		await submit(admin, button(admin, 'account_change_password'));
		await expectFieldError(admin, tt('field_current_password'), tt('account_wrong_password'));
		await expectAccessible(admin);

		await visit(admin, '/people?q=an');
		await admin.getByRole('list', { name: tt('people_results') }).getByRole('link').first().click();
		await expect(admin).toHaveURL(recordUrl('/people'));
		await expectAccessible(admin);

		await visit(admin, '/admin');
		await expect(admin).toHaveURL(/\/admin\/people$/);
		await visit(admin, '/admin/people?kind=alumni&status=active');
		await visit(admin, `/admin/people?q=${unique()}`);
		await expect(admin.getByText(tt('people_none'))).toBeVisible();

		// Inviting: refused, then sent; the invitee's page, refused and accepted; then a reset link.
		const id = unique();
		const invitee = { name: `Sweep ${id}`, email: `sweep-${id}@noorderlicht.example`, password: `sweeping brush ${id}` };
		await visit(admin, '/admin/people/new');
		await label(admin, 'field_name').fill(invitee.name);
		await label(admin, 'field_email').fill(demo.employee);
		await submit(admin, button(admin, 'admin_invite_submit'));
		await expectFieldError(admin, tt('field_email'), tt('reason_email_taken'));
		await expectAccessible(admin);
		await label(admin, 'field_email').fill(invitee.email);
		await submit(admin, button(admin, 'admin_invite_submit'));
		await expect(admin).toHaveURL(recordUrl('/admin/people'));
		await expectFlash(admin, tt('flash_invited', { email: invitee.email }));
		await expectAccessible(admin);
		await label(admin, 'field_manager_email').fill(`nobody-${id}@noorderlicht.example`);
		await submit(admin, button(admin, 'save'));
		await expectFieldError(admin, tt('field_manager_email'), tt('reason_manager_not_found'));
		await expectAccessible(admin);

		const newcomer = await browserFor();
		await visit(newcomer, await linkFromOutbox(admin, invitee.email, '/invite/', locale));
		await label(newcomer, 'field_new_password').fill(invitee.password);
		await label(newcomer, 'field_confirm_password').fill(`${invitee.password}.`);
		await submit(newcomer, button(newcomer, 'invite_accept'));
		await expectFieldError(newcomer, tt('field_confirm_password'), tt('validation_passwords_differ'));
		await expectAccessible(newcomer);
		await label(newcomer, 'field_new_password').fill(invitee.password);
		await label(newcomer, 'field_confirm_password').fill(invitee.password);
		await submit(newcomer, button(newcomer, 'invite_accept'));
		await expect(newcomer).toHaveURL(/\/$/);
		await expectAccessible(newcomer);
		await signOut(newcomer, locale);
		await visit(newcomer, '/reset');
		await label(newcomer, 'field_email').fill(invitee.email);
		await submit(newcomer, button(newcomer, 'reset_send'));
		await expect(newcomer.getByRole('status')).toHaveText(tt('reset_sent', { email: invitee.email }));
		await expectAccessible(newcomer);
		await visit(newcomer, await linkFromOutbox(admin, invitee.email, '/reset/', locale));
		await expect(heading(newcomer)).toHaveText(tt('reset_new_title'));
		await label(newcomer, 'field_new_password').fill(invitee.password);
		await label(newcomer, 'field_confirm_password').fill(`${invitee.password}.`);
		await submit(newcomer, button(newcomer, 'reset_save'));
		await expectFieldError(newcomer, tt('field_confirm_password'), tt('validation_passwords_differ'));
		await expectAccessible(newcomer);

		// Import: a file with errors, then a valid one awaiting confirmation.
		const csv = (unit: string) =>
			Buffer.from(`email,name,unit\nimport-${id}@example.com,Import ${id},${unit}\n`);
		for (const unit of [`No Such Unit ${id}`, 'Service Desk']) {
			await visit(admin, '/admin/people/import');
			await label(admin, 'import_file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: csv(unit) });
			await submit(admin, button(admin, 'import_check'));
			await expect(admin.getByRole('heading', { name: tt('import_preview_title', { file: 'people.csv' }) })).toBeVisible();
			await expectAccessible(admin);
		}
		await expect(button(admin, 'import_confirm', { count: 1 })).toBeVisible();

		// Organisation, partners, audit, outbox and settings, with a refused form each where one can be refused.
		await visit(admin, '/admin/org');
		await label(admin, 'field_unit_name').fill(`Unit ${id}`);
		await label(admin, 'field_lead_email').fill(`nobody-${id}@noorderlicht.example`);
		await submit(admin, button(admin, 'org_create'));
		await expect(label(admin, 'field_lead_email')).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(admin);
		await admin.getByRole('link', { name: 'Platform Team' }).click();
		await expect(admin).toHaveURL(recordUrl('/admin/org'));
		await expectAccessible(admin);

		await visit(admin, '/admin/partners');
		await label(admin, 'field_partner_name').fill(`Partner ${id}`);
		await label(admin, 'field_website').fill('ftp://files.example');
		await submit(admin, button(admin, 'partners_create'));
		await expectFieldError(admin, tt('field_website'), tt('validation_url'));
		await expectAccessible(admin);
		await admin.getByRole('table').getByRole('link').first().click();
		await expect(admin).toHaveURL(recordUrl('/admin/partners'));
		await expectAccessible(admin);

		await visit(admin, '/admin/growth');
		await label(admin, 'growth_field_track_name').fill('Engineering craft');
		await submit(admin, button(admin, 'growth_track_create'));
		await expectFieldError(admin, tt('growth_field_track_name'), tt('reason_duplicate'));
		await expectAccessible(admin);
		await admin.getByRole('table').first().getByRole('link', { name: 'Customer success' }).click();
		await expect(admin).toHaveURL(recordUrl('/admin/growth/tracks'));
		await expectAccessible(admin);
		await visit(admin, '/admin/growth');
		await admin.getByRole('link', { name: 'Kubernetes' }).click();
		await expect(admin).toHaveURL(recordUrl('/admin/growth/skills'));
		await expectAccessible(admin);
		await visit(admin, '/admin/offboarding');
		// Everything the browser accepts, but the personal address is someone's sign-in.
		await label(admin, 'alumni_field_person').selectOption({ index: 1 });
		await label(admin, 'alumni_field_last_day').fill('2030-01-31');
		await label(admin, 'alumni_field_reason').selectOption('other');
		await label(admin, 'alumni_field_rehire').selectOption('yes');
		await label(admin, 'alumni_field_personal_email').fill(demo.employee);
		await submit(admin, button(admin, 'alumni_offboarding_start'));
		await expect(label(admin, 'alumni_field_personal_email')).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(admin);
		await visit(admin, '/admin/offboarding/survey');
		await expectAccessible(admin);

		// Events: a refused new event (ends before it starts), then the full one with its waitlist.
		await visit(admin, '/events');
		await label(admin, 'events_field_title').fill(`Event ${id}`);
		await label(admin, 'events_field_starts').fill('2030-05-01T18:00');
		await label(admin, 'events_field_ends').fill('2030-05-01T17:00');
		await label(admin, 'events_field_place').fill('Office');
		await submit(admin, button(admin, 'events_create'));
		await expect(label(admin, 'events_field_ends')).toHaveAttribute('aria-invalid', 'true');
		await expectAccessible(admin);
		await admin.getByRole('link', { name: 'Alumni reunion: Noorderlicht then and now' }).click();
		await expect(admin).toHaveURL(recordUrl('/events'));
		await expectAccessible(admin);

		await visit(admin, '/admin/audit');
		await label(admin, 'audit_action').selectOption({ index: 1 });
		await button(admin, 'audit_apply').click(); // a GET form: filters are part of the address
		await expect(admin).toHaveURL(/action=/);
		await expectAccessible(admin);
		await visit(admin, '/admin/outbox');
		await visit(admin, '/admin/settings');

		// Knowledge: the feed, a space with its form refused, a post, search, and the spaces' admin page.
		await visit(admin, '/knowledge');
		await visit(admin, '/knowledge/platform');
		// A question needs its text (the title is required by the browser already).
		await label(admin, 'knowledge_field_title').fill(`Sweep ${id}`);
		await submit(admin, button(admin, 'knowledge_publish'));
		await expectFieldError(admin, tt('knowledge_field_body'), tt('validation_required'));
		await expectAccessible(admin);
		await admin.getByRole('list', { name: tt('knowledge_posts') }).getByRole('heading').first().getByRole('link').click();
		await expect(admin).toHaveURL(recordUrl('/knowledge/posts'));
		await expectAccessible(admin);
		await admin.getByRole('main').getByRole('link', { name: tt('knowledge_edit'), exact: true }).click();
		await expect(admin).toHaveURL(/\/edit$/);
		await expectAccessible(admin);
		// A space's settings, with the preview of an audience change (nothing is written until confirmed).
		await visit(admin, '/knowledge/platform/settings');
		await label(admin, 'knowledge_field_audience').selectOption('alumni');
		await submit(admin, button(admin, 'knowledge_audience_preview_submit'));
		await expect(admin.getByRole('status').filter({ hasText: tt('knowledge_audience_preview_title') })).toBeVisible();
		await expectAccessible(admin);
		await visit(admin, '/knowledge/bookmarks');
		await visit(admin, '/search?q=kubernetes');
		await visit(admin, `/search?q=${unique()}`);
		await visit(admin, '/search?tag=kubernetes');
		await visit(admin, '/admin/knowledge');
		await label(admin, 'knowledge_field_space_name').fill(`Sweep ${id}`);
		await label(admin, 'knowledge_field_slug').fill('posts');
		await submit(admin, button(admin, 'knowledge_create_space'));
		await expectFieldError(admin, tt('knowledge_field_slug'), tt('knowledge_validation_slug'));
		await expectAccessible(admin);
		await visit(admin, '/');
		await expect(heading(admin)).toHaveText(tt('home_greeting', { name: 'Amira' }));
	});
}
