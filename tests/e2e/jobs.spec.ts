import { demo, expect, expectAccessible, expectFieldError, expectFlash, submit, t, test, unique, visit } from './fixtures';

for (const javaScriptEnabled of [true, false]) {
	test(`HR posts a job, a visitor reads it, an alumnus refers a candidate who is hired and the alumnus is thanked (${javaScriptEnabled ? 'enhanced' : 'without JavaScript'})`, async ({ openPage, adminPage }) => {
		test.setTimeout(120_000);
		const id = unique();
		const title = `Boomerang Engineer ${id}`;
		const candidate = `Candidate ${id}`;

		// HR posts a public vacancy; a missing description is refused next to its field.
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(hr, '/jobs');
		await hr.getByLabel(t('vacancies_field_title'), { exact: true }).fill(title);
		await hr.getByLabel(t('vacancies_field_audience'), { exact: true }).selectOption('public');
		// Blank is refused by the server (the browser lets a space pass "required").
		await hr.getByLabel(t('vacancies_field_description'), { exact: true }).fill(' ');
		await submit(hr, hr.getByRole('button', { name: t('vacancies_post') }));
		await expectFieldError(hr, t('vacancies_field_description'), t('validation_required'));
		await expectAccessible(hr);
		await hr.getByLabel(t('vacancies_field_description'), { exact: true }).fill('Come back and build the platform with us.');
		await submit(hr, hr.getByRole('button', { name: t('vacancies_post') }));
		await expect(hr.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectFlash(hr, t('vacancies_posted', { title }));
		await expectAccessible(hr);

		// Signed out, the public vacancy can be read, but not applied for.
		const visitor = await openPage({ javaScriptEnabled });
		await visit(visitor, '/jobs');
		await visitor.getByRole('link', { name: title }).click();
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(visitor.getByRole('button', { name: t('vacancies_refer'), exact: true })).toHaveCount(0);
		await expect(visitor.getByRole('link', { name: t('vacancies_sign_in_to_respond') })).toHaveAttribute('href', /^\/login\?next=%2Fjobs%2F/);
		await expectAccessible(visitor);

		// The demo alumnus refers someone; referring the same person again is refused next to the address.
		const alumnus = await openPage({ javaScriptEnabled, signedInAs: demo.alumni });
		await visit(alumnus, '/jobs');
		await alumnus.getByRole('link', { name: title }).click();
		await expect(alumnus.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(alumnus);
		const refer = async () => {
			await alumnus.getByLabel(t('vacancies_field_candidate_name'), { exact: true }).fill(candidate);
			await alumnus.getByLabel(t('vacancies_field_candidate_email'), { exact: true }).fill(`candidate-${id}@example.com`);
			await alumnus.getByLabel(t('vacancies_field_why'), { exact: true }).fill('We shipped the old platform together.');
			await submit(alumnus, alumnus.getByRole('button', { name: t('vacancies_refer'), exact: true }));
		};
		await refer();
		await expect(alumnus.getByRole('status').filter({ hasText: t('vacancies_referred', { name: candidate }) })).toBeVisible();
		await expectAccessible(alumnus);
		await refer();
		await expectFieldError(alumnus, t('vacancies_field_candidate_email'), t('vacancies_reason_already_referred'));
		await expectAccessible(alumnus);
		// And applies to come back themselves.
		await alumnus.getByLabel(t('vacancies_field_note'), { exact: true }).fill('I would like to come back.');
		await submit(alumnus, alumnus.getByRole('button', { name: t('vacancies_apply'), exact: true }));
		await expect(alumnus.getByText(t('vacancies_already_applied'))).toBeVisible();
		await expectAccessible(alumnus);
		await visit(alumnus, '/jobs/referrals');
		await expect(alumnus.getByRole('row', { name: new RegExp(candidate) })).toContainText(t('vacancies_referral_submitted'));

		// HR moves the referral on in the ledger: in process, then hired.
		await visit(hr, '/jobs/referrals');
		await submit(hr, hr.getByRole('button', { name: t('vacancies_move_to_label', { status: t('vacancies_referral_in_process'), candidate }), exact: true }));
		await expect(hr.getByRole('status').filter({ hasText: t('vacancies_moved') })).toBeVisible();
		await expectAccessible(hr);
		await submit(hr, hr.getByRole('button', { name: t('vacancies_move_to_label', { status: t('vacancies_referral_hired'), candidate }), exact: true }));
		await expect(hr.getByRole('row', { name: new RegExp(candidate) })).toContainText(t('vacancies_referral_hired'));
		await expectAccessible(hr);

		// The referrer sees the hire and has a thank-you in the outbox.
		await visit(alumnus, '/jobs/referrals');
		await expect(alumnus.getByRole('row', { name: new RegExp(candidate) })).toContainText(t('vacancies_referral_hired'));
		await visit(adminPage, '/admin/outbox');
		await expect(adminPage.getByRole('article').filter({ hasText: t('vacancies_email_hired_subject', { candidate }) })).toContainText(demo.alumni);
	});
}
