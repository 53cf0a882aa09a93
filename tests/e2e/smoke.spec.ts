import { expect, test } from '@playwright/test';

test('the login page lists the demo accounts', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByRole('heading', { name: 'Sign in to Kring' })).toBeVisible();
	await expect(page.getByText('employee@noorderlicht.example')).toBeVisible();
});
