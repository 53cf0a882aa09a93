import { demo, expect, expectAccessible, expectFieldError, expectFlash, linkFromOutbox, submit, t, test, unique, visit } from './fixtures';

for (const javaScriptEnabled of [true, false]) {
	test(`HR offboards an employee, who joins the alumni network with consent and is listed (${javaScriptEnabled ? 'enhanced' : 'without JavaScript'})`, async ({ openPage, adminPage }) => {
		test.setTimeout(180_000);
		const personalEmail = `leaver-${unique()}@example.com`;
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(hr, '/admin/offboarding');
		await expectAccessible(hr);

		// Someone from the list, by their place in it: whoever is last has not left yet.
		const picker = hr.getByLabel(t('alumni_field_person'), { exact: true });
		const option = picker.locator('option').last();
		const leaverName = (await option.innerText()).replace(/ \(.*\)$/, '');
		await picker.selectOption({ label: await option.innerText() });
		await hr.getByLabel(t('alumni_field_reason'), { exact: true }).selectOption('new_job');
		await hr.getByLabel(t('alumni_field_rehire'), { exact: true }).selectOption('yes');
		// A personal address that is someone's sign-in is refused next to the field.
		await hr.getByLabel(t('alumni_field_personal_email'), { exact: true }).fill(demo.employee);
		// Yesterday: recorded after the fact, so the account becomes an alumni account at once.
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		await hr.getByLabel(t('alumni_field_last_day'), { exact: true }).fill(yesterday);
		await submit(hr, hr.getByRole('button', { name: t('alumni_offboarding_start') }));
		await expectFieldError(hr, t('alumni_field_personal_email'), t('reason_email_taken'));
		await expectAccessible(hr);

		await hr.getByLabel(t('alumni_field_personal_email'), { exact: true }).fill(personalEmail);
		await submit(hr, hr.getByRole('button', { name: t('alumni_offboarding_start') }));
		await expectFlash(hr, t('alumni_offboarding_started', { lastDay: yesterday }));
		await expect(hr.getByRole('row', { name: new RegExp(leaverName) })).toContainText(t('alumni_status_invited'));
		await expectAccessible(hr);

		// The exit survey went to the personal address too: answered without signing in, once.
		const surveyLink = await linkFromOutbox(adminPage, personalEmail, '/alumni/exit-survey/');
		const leaver = await openPage({ javaScriptEnabled });
		await visit(leaver, surveyLink);
		await expectAccessible(leaver);
		const scales = leaver.getByRole('radiogroup');
		for (let index = 0; index < (await scales.count()); index++) await scales.nth(index).getByRole('radio', { name: '8', exact: true }).check();
		await leaver.getByLabel(t('alumni_survey_reason'), { exact: true }).selectOption('growth');
		await leaver.getByLabel(t('pulse_comment_label'), { exact: true }).fill('Thank you for the years.');
		await submit(leaver, leaver.getByRole('button', { name: t('alumni_survey_submit') }));
		await expect(leaver.getByRole('status').filter({ hasText: t('alumni_survey_thanks') })).toBeVisible();
		await expectAccessible(leaver);
		await visit(leaver, surveyLink);
		await expect(leaver.getByText(t('alumni_survey_dead'))).toBeVisible();
		// HR learns that it was answered, never what.
		await visit(hr, '/admin/offboarding');
		await expect(hr.getByRole('row', { name: new RegExp(leaverName) })).toContainText(t('alumni_survey_answered'));
		await visit(hr, '/admin/offboarding/survey');
		await expect(hr.getByRole('heading', { level: 1 })).toHaveText(t('alumni_survey_results_title'));
		await expectAccessible(hr);

		const link = await linkFromOutbox(adminPage, personalEmail, '/alumni/welcome/');
		const alumnus = await openPage({ javaScriptEnabled });
		await visit(alumnus, link);
		await expect(alumnus.getByRole('heading', { level: 1 })).toHaveText(t('alumni_welcome_title', { organisation: 'Noorderlicht IT Services' }));
		await expectAccessible(alumnus);
		const password = `harbour lights ${unique()}`;
		await alumnus.getByLabel(t('field_new_password'), { exact: true }).fill(password);
		await alumnus.getByLabel(t('field_confirm_password'), { exact: true }).fill(password);
		await alumnus.getByRole('textbox', { name: t('alumni_field_employer'), exact: true }).fill('Harbour Works');
		await alumnus.getByLabel(t('alumni_open_mentoring'), { exact: true }).check();
		await alumnus.getByRole('group', { name: t('alumni_shared_legend') }).getByLabel(t('alumni_field_employer'), { exact: true }).check();
		await alumnus.getByLabel(t('alumni_consent_label'), { exact: true }).check();
		await submit(alumnus, alumnus.getByRole('button', { name: t('alumni_welcome_accept') }));
		await expect(alumnus).toHaveURL(/\/alumni$/);
		await expectFlash(alumnus, t('alumni_welcome_done'));
		await expectAccessible(alumnus);

		const colleague = await openPage({ javaScriptEnabled, signedInAs: demo.employee });
		await visit(colleague, `/alumni/directory?q=${encodeURIComponent(leaverName)}`);
		const entry = colleague.getByRole('list', { name: t('alumni_directory_results') }).getByRole('listitem').filter({ hasText: leaverName });
		await expect(entry).toContainText('Harbour Works');
		await expectAccessible(colleague);

		// The colleague writes through Kring: the mail reaches the alumnus with neither address in it.
		await entry.getByRole('link', { name: new RegExp(t('alumni_contact_link')) }).click();
		await expect(colleague.getByRole('heading', { level: 1 })).toHaveText(t('alumni_contact_title', { name: leaverName }));
		await expectAccessible(colleague);
		const note = `Coffee next week? ${unique()}`;
		await colleague.getByLabel(t('alumni_contact_message'), { exact: true }).fill(note);
		await submit(colleague, colleague.getByRole('button', { name: t('alumni_contact_send') }));
		await expectFlash(colleague, t('alumni_contact_sent'));
		await expectAccessible(colleague);
		await visit(adminPage, '/admin/outbox');
		const mail = adminPage.getByRole('article').filter({ hasText: note });
		await expect(mail).toContainText(t('outbox_to', { address: personalEmail }));
		const text = await mail.locator('pre').innerText();
		expect(text).not.toContain(demo.employee);
		expect(text).not.toContain(personalEmail);
		expect(text).toMatch(/\/alumni\/contact\/[\w-]+\?reply=/);

		// HR plans an evening for employees and alumni; the new alumnus comes.
		const title = `Alumni evening ${unique()}`;
		await visit(hr, '/events');
		await hr.getByLabel(t('events_field_title'), { exact: true }).fill(title);
		await hr.getByLabel(t('events_field_starts'), { exact: true }).fill('2030-05-01T18:00');
		await hr.getByLabel(t('events_field_ends'), { exact: true }).fill('2030-05-01T21:00');
		await hr.getByLabel(t('events_field_place'), { exact: true }).fill('Groningen office');
		await hr.getByLabel(t('events_field_capacity'), { exact: true }).fill('20');
		await submit(hr, hr.getByRole('button', { name: t('events_create') }));
		await expectFlash(hr, t('events_created', { title }));
		await expectAccessible(hr);
		await visit(alumnus, '/events');
		await alumnus.getByRole('link', { name: title }).click();
		await expect(alumnus.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(alumnus);
		// Their account keeps the language it had (English or Dutch).
		const either = (key: string) => new RegExp(`^(${[t(key), t(key, {}, 'nl')].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
		await submit(alumnus, alumnus.getByRole('button', { name: either('events_rsvp') }));
		await expect(alumnus.getByRole('status').filter({ hasText: either('events_you_are_going') })).toBeVisible();
		await expectAccessible(alumnus);
	});
}
