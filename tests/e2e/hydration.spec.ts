import type { Page } from '@playwright/test';
import { demo, expect, expectAccessible, expectFlash, recordUrl, submit, t, test, unique } from './fixtures';

/**
 * Opens a page whose scripts are held back, as on a slow connection: the server's HTML is there
 * to type into, the app not yet. The returned function lets the scripts through and waits for them.
 */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => Promise<void>> {
	const scripts = '**/_app/immutable/**/*.js';
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(scripts, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	return async () => {
		release();
		await expectAccessible(page);
		await page.unroute(scripts);
	};
}

test('what an admin types and ticks before the scripts have loaded is kept, and sent enhanced', async ({ adminPage }) => {
	const id = unique();
	const person = { name: `Early ${id}`, email: `early-${id}@noorderlicht.example`, jobTitle: `Typist ${id}` };
	const release = await openWithScriptsHeld(adminPage, '/admin/people/new');
	await adminPage.getByLabel(t('field_name'), { exact: true }).fill(person.name);
	await adminPage.getByLabel(t('field_email'), { exact: true }).fill(person.email);
	await adminPage.getByLabel(t('field_job_title'), { exact: true }).fill(person.jobTitle);
	await adminPage.getByLabel(t('role_hr'), { exact: true }).check();
	await release();

	await expect(adminPage.getByLabel(t('field_name'), { exact: true })).toHaveValue(person.name);
	await expect(adminPage.getByLabel(t('field_email'), { exact: true })).toHaveValue(person.email);
	await expect(adminPage.getByLabel(t('role_hr'), { exact: true })).toBeChecked();
	await submit(adminPage, adminPage.getByRole('button', { name: t('admin_invite_submit') }));
	await expect(adminPage).toHaveURL(recordUrl('/admin/people'));
	await expectFlash(adminPage, t('flash_invited', { email: person.email }));
	await expectAccessible(adminPage);
	// What was saved, as the person's page shows it.
	await expect(adminPage.getByLabel(t('field_job_title'), { exact: true })).toHaveValue(person.jobTitle);
	await expect(adminPage.getByLabel(t('role_hr'), { exact: true })).toBeChecked();
});

test('a growth plan written before the scripts have loaded keeps its ambition', async ({ openPage }) => {
	const page = await openPage({ signedInAs: demo.employee });
	const plan = { title: `Written early ${unique()}`, ambition: 'Become the person others ask about accessibility.', target: 'Accessibility lead' };
	const release = await openWithScriptsHeld(page, '/growth/plans/new');
	await page.getByLabel(t('growth_field_plan_title'), { exact: true }).fill(plan.title);
	await page.getByLabel(t('growth_field_ambition'), { exact: true }).fill(plan.ambition);
	await page.getByLabel(t('growth_field_target_text'), { exact: true }).fill(plan.target);
	await release();

	await expect(page.getByLabel(t('growth_field_ambition'), { exact: true })).toHaveValue(plan.ambition);
	await submit(page, page.getByRole('button', { name: t('growth_plan_create') }));
	await expect(page).toHaveURL(recordUrl('/growth/plans'));
	await expectFlash(page, t('growth_flash_plan_created'));
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(plan.title);
	await expect(page.getByRole('definition').filter({ hasText: plan.ambition })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: plan.target })).toBeVisible();
});
