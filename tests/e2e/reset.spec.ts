import { createAccount, expect, expectAccessible, expectFieldError, expectFlash, linkFromOutbox, signIn, submit, t, test, visit } from './fixtures';

for (const javaScriptEnabled of [true, false]) {
	test(`a forgotten password is reset through the emailed link (${javaScriptEnabled ? 'enhanced' : 'without JavaScript'})`, async ({ openPage, adminPage }) => {
		const account = await createAccount(adminPage, openPage);
		const page = await openPage({ javaScriptEnabled });

		await visit(page, '/login');
		await page.getByRole('link', { name: t('login_forgot') }).click();
		await expect(page).toHaveURL(/\/reset$/);
		await expectAccessible(page);
		await page.getByLabel(t('field_email'), { exact: true }).fill(account.email);
		await submit(page, page.getByRole('button', { name: t('reset_send') }));
		await expect(page.getByRole('status')).toHaveText(t('reset_sent', { email: account.email }));
		await expectAccessible(page);

		const link = await linkFromOutbox(adminPage, account.email, '/reset/');
		await visit(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('reset_new_title'));

		// Two different passwords pass the browser's own checks; the server refuses them.
		const password = `new harbour ${Date.now()}`;
		await page.getByLabel(t('field_new_password'), { exact: true }).fill(password);
		await page.getByLabel(t('field_confirm_password'), { exact: true }).fill(`${password}?`);
		await submit(page, page.getByRole('button', { name: t('reset_save') }));
		await expectFieldError(page, t('field_confirm_password'), t('validation_passwords_differ'));
		await expectAccessible(page);

		await page.getByLabel(t('field_new_password'), { exact: true }).fill(password);
		await page.getByLabel(t('field_confirm_password'), { exact: true }).fill(password);
		await submit(page, page.getByRole('button', { name: t('reset_save') }));
		await expect(page).toHaveURL(/\/login$/);
		await expectFlash(page, t('flash_password_reset'));
		await expectAccessible(page);

		// The old password no longer opens the account; the new one does.
		await page.getByLabel(t('field_email'), { exact: true }).fill(account.email);
		await page.getByLabel(t('field_password'), { exact: true }).fill(account.password);
		await submit(page, page.getByRole('main').getByRole('button', { name: t('sign_in') }));
		await expect(page.getByRole('alert')).toHaveText(t('login_invalid'));
		await expectAccessible(page);
		await signIn(page, account.email, password);
		await expect(page.getByRole('banner').getByRole('link', { name: account.name })).toBeVisible();

		// The link worked once.
		await visit(page, link);
		await expect(page.getByText(t('reset_link_dead'))).toBeVisible();
	});
}
