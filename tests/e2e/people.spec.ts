import { demo, demoPassword, expect, expectAccessible, expectFieldError, expectFlash, recordUrl, submit, t, test, unique, visit } from './fixtures';

const demoEmails: string[] = Object.values(demo);

test('HR edits a person, and the change shows on the admin page and the profile', async ({ page, openPage }) => {
	const hr = await openPage({ signedInAs: demo.hr });
	// Someone from the seeded organisation other than the demo logins, which other tests sign in as.
	await visit(hr, '/admin/people?kind=employee&status=active');
	const rows = hr.getByRole('row').filter({ has: hr.getByRole('link') });
	const row = rows.filter({ hasNotText: new RegExp(demoEmails.join('|')) }).first();
	const name = (await row.getByRole('link').innerText()).trim();
	await row.getByRole('link').click();
	await expect(hr).toHaveURL(recordUrl('/admin/people'));
	await expectAccessible(hr);
	await expect(hr.getByRole('heading', { level: 1 })).toContainText(name);
	const personUrl = hr.url();
	const jobTitle = hr.getByLabel(t('field_job_title'), { exact: true });
	const storedTitle = await jobTitle.inputValue();

	// A manager nobody has: refused next to the field, and nothing is saved.
	const newTitle = `Chief Tester ${unique()}`;
	await jobTitle.fill(newTitle);
	await hr.getByLabel(t('field_manager_email'), { exact: true }).fill(`nobody-${unique()}@noorderlicht.example`);
	await submit(hr, hr.getByRole('button', { name: t('save'), exact: true }));
	await expectFieldError(hr, t('field_manager_email'), t('reason_manager_not_found'));
	await expect(jobTitle).toHaveValue(newTitle);
	await expectAccessible(hr);
	await visit(hr, personUrl);
	await expect(jobTitle).toHaveValue(storedTitle);

	await jobTitle.fill(newTitle);
	const unit = hr.getByLabel(t('field_unit'), { exact: true });
	await unit.selectOption((await unit.locator('option', { hasText: /Platform Team$/ }).getAttribute('value'))!);
	await submit(hr, hr.getByRole('button', { name: t('save'), exact: true }));
	await expectFlash(hr, t('flash_saved'));
	await expectAccessible(hr);
	await expect(jobTitle).toHaveValue(newTitle);
	await expect(hr.getByRole('region', { name: t('admin_person_history') }).getByRole('listitem').first()).toContainText('Hanna Visser');

	// Colleagues see it too: the employee's view of the profile.
	const profile = personUrl.replace('/admin/people/', '/people/');
	await visit(page, '/login?next=' + encodeURIComponent(new URL(profile).pathname));
	await page.getByLabel(t('field_email'), { exact: true }).fill(demo.employee);
	await page.getByLabel(t('field_password'), { exact: true }).fill(demoPassword);
	await submit(page, page.getByRole('main').getByRole('button', { name: t('sign_in') }));
	await expect(page).toHaveURL(profile);
	await expectAccessible(page);
	const about = page.getByRole('region', { name: t('profile_about') });
	await expect(about).toContainText(newTitle);
	await expect(about).toContainText('Platform Team');
});

test('a CSV import with an error row writes nothing; the corrected file imports', async ({ openPage }) => {
	const hr = await openPage({ signedInAs: demo.hr });
	const id = unique();
	const header = 'email,name,kind,unit,manager_email,job_title,partner,language,started_on';
	const good = `ada-${id}@example.com,Ada ${id},employee,Service Desk,${demo.manager},Analyst,,en,2026-01-05`;
	const bad = `bo-${id}@example.com,Bo ${id},employee,No Such Unit ${id},,,,nl,`;
	const fixed = `bo-${id}@example.com,Bo ${id},employee,Engineering / Platform Team,ada-${id}@example.com,,,nl,`;
	const upload = async (lines: string[]) => {
		await hr.getByLabel(t('import_file'), { exact: true }).setInputFiles({ name: `people-${id}.csv`, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
		await submit(hr, hr.getByRole('button', { name: t('import_check') }));
		await expect(hr.getByRole('heading', { name: t('import_preview_title', { file: `people-${id}.csv` }) })).toBeVisible();
		await expectAccessible(hr);
	};

	await visit(hr, '/admin/people/import');
	await upload([header, good, bad]);
	const alert = hr.getByRole('alert');
	await expect(alert).toContainText(t('import_invalid', { count: 1, total: 2 }));
	await expect(alert).toContainText(t('import_nothing_written'));
	const badRow = hr.getByRole('row').filter({ hasText: `bo-${id}@example.com` });
	await expect(badRow.getByRole('cell').first()).toHaveText('3');
	await expect(badRow).toContainText(`unit: ${t('reason_unit_not_found')}`);
	await expect(hr.getByRole('row').filter({ hasText: `ada-${id}@example.com` })).toContainText(t('import_row_ok'));
	await expect(hr.getByRole('button', { name: /^Import \d+ people$/ })).toHaveCount(0);

	// Not even the valid row went in.
	await visit(hr, `/admin/people?q=${id}`);
	await expect(hr.getByText(t('people_none'))).toBeVisible();

	await visit(hr, '/admin/people/import');
	await upload([header, good, fixed]);
	await expect(hr.getByRole('status').filter({ hasText: t('import_valid', { count: 2 }) })).toBeVisible();
	await submit(hr, hr.getByRole('button', { name: t('import_confirm', { count: 2 }) }));
	await expect(hr).toHaveURL(/\/admin\/people\?status=invited$/);
	await expectFlash(hr, t('flash_imported', { count: 2 }));
	await expectAccessible(hr);

	await visit(hr, `/admin/people?q=${id}`);
	const found = hr.getByRole('row').filter({ has: hr.getByRole('link') });
	await expect(found.getByRole('link')).toHaveText([`Ada ${id}`, `Bo ${id}`], { useInnerText: true });
	await expect(found.filter({ hasText: `Bo ${id}` })).toContainText('Platform Team');
});
