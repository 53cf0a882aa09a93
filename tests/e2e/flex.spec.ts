import { demo, expect, expectAccessible, expectFieldError, expectFlash, follow, recordUrl, submit, t, test, visit } from './fixtures';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('inside the bounds: approved at once; beyond them: the manager approves in the inbox and the employee sees it', async ({ openPage }) => {
	test.setTimeout(90_000);
	const eva = await openPage({ signedInAs: demo.employee });
	await visit(eva, '/flex');
	await expect(eva.getByRole('table')).toContainText(t('flex_rule_remote_days'));

	// Two learning hours, well inside the bounds.
	await follow(eva, eva.getByRole('navigation', { name: t('flex_choose_type') }).getByRole('link', { name: t('flex_type_learning'), exact: true }));
	await expectAccessible(eva);
	await eva.getByLabel(t('flex_field_hours'), { exact: true }).fill('2');
	await eva.getByLabel(t('flex_field_starts_on'), { exact: true }).fill(inDays(30));
	await submit(eva, eva.getByRole('button', { name: t('flex_submit'), exact: true }));
	await expect(eva).toHaveURL(recordUrl('/flex'));
	await expectFlash(eva, t('flex_flash_approved'));
	await expect(eva.getByRole('main')).toContainText(t('flex_result_approved'));
	await expectAccessible(eva);

	// Four remote days: one more than the Platform Team allows.
	await visit(eva, '/flex');
	for (const day of [1, 3, 4, 5]) await eva.getByLabel(t(`flex_weekday_${day}`), { exact: true }).check();
	await eva.getByLabel(t('flex_field_starts_on'), { exact: true }).fill(inDays(30));
	await eva.getByLabel(t('flex_field_note'), { exact: true }).fill('Moving further away for a while');
	await submit(eva, eva.getByRole('button', { name: t('flex_submit'), exact: true }));
	await expect(eva).toHaveURL(recordUrl('/flex'));
	await expectFlash(eva, t('flex_flash_pending'));
	await expect(eva.getByRole('main')).toContainText(t('flex_reason_max', { requested: t('flex_unit_days_per_week', { count: 4 }), allowed: t('flex_unit_days_per_week', { count: 3 }) }));
	await expectAccessible(eva);
	const requestPath = new URL(eva.url()).pathname;

	const maarten = await openPage({ signedInAs: demo.manager });
	await visit(maarten, '/flex/team');
	const item = maarten.getByRole('listitem').filter({ has: maarten.locator(`a[href="${requestPath}"]`) });
	await expect(item).toContainText('Moving further away for a while');
	await item.getByLabel(t('flex_field_decision_note')).fill('Fine by me, see you on Tuesdays');
	await submit(maarten, item.getByRole('button', { name: t('flex_approve'), exact: true }));
	await expect(maarten).toHaveURL(/\/flex\/team$/);
	await expectFlash(maarten, t('flex_flash_decided_approved'));
	await expect(maarten.locator(`a[href="${requestPath}"]`)).toHaveCount(1); // now among the team's arrangements, no longer in the inbox
	await expectAccessible(maarten);

	await visit(eva, requestPath);
	await expect(eva.getByRole('main')).toContainText(t('flex_status_approved'));
	await expect(eva.getByRole('main')).toContainText('Fine by me, see you on Tuesdays');
});

test('the request form works without JavaScript: refused next to the field, then approved by policy', async ({ openPage }) => {
	test.setTimeout(60_000);
	const eva = await openPage({ javaScriptEnabled: false, signedInAs: demo.employee });
	await visit(eva, '/flex?type=hours');
	await eva.getByLabel(t('flex_field_start'), { exact: true }).fill('17:00');
	await eva.getByLabel(t('flex_field_end'), { exact: true }).fill('09:00');
	await eva.getByLabel(t('flex_field_starts_on'), { exact: true }).fill(inDays(20));
	await submit(eva, eva.getByRole('button', { name: t('flex_submit'), exact: true }));
	await expectFieldError(eva, t('flex_field_end'), t('flex_validation_end_time'));
	await expectAccessible(eva);
	await eva.getByLabel(t('flex_field_start'), { exact: true }).fill('08:00');
	await eva.getByLabel(t('flex_field_end'), { exact: true }).fill('16:30');
	await submit(eva, eva.getByRole('button', { name: t('flex_submit'), exact: true }));
	await expect(eva).toHaveURL(recordUrl('/flex'));
	await expectFlash(eva, t('flex_flash_approved'));
	await expectAccessible(eva);
	// Withdrawn again, so that other tests find Eva's hours as they were.
	await submit(eva, eva.getByRole('button', { name: t('flex_withdraw'), exact: true }));
	await expect(eva).toHaveURL(/\/flex$/);
	await expectFlash(eva, t('flex_flash_withdrawn'));
	await expectAccessible(eva);
});

test('HR edits the organisation bounds: a ceiling stricter than the value is refused next to it; saving makes a new version', async ({ openPage }) => {
	test.setTimeout(60_000);
	const hanna = await openPage({ signedInAs: demo.hr });
	await visit(hanna, '/flex');
	await hanna.getByRole('link', { name: t('flex_policies_link'), exact: true }).click();
	await expect(hanna).toHaveURL(/\/flex\/policies$/);
	await expectAccessible(hanna);
	const ceiling = hanna.getByLabel(`${t('flex_rule_remote_days')}: ${t('flex_field_ceiling')}`, { exact: true });
	await ceiling.fill('1');
	await submit(hanna, hanna.getByRole('button', { name: t('flex_policies_save'), exact: true }));
	await expect(ceiling).toHaveAttribute('aria-invalid', 'true');
	await expect(ceiling).toHaveAccessibleDescription(t('flex_reason_ceiling_stricter'));
	await expectAccessible(hanna);
	await ceiling.fill('3');
	const version = Number((await hanna.locator('.page-header .badge').innerText()).match(/\d+/)![0]);
	await submit(hanna, hanna.getByRole('button', { name: t('flex_policies_save'), exact: true }));
	await expectFlash(hanna, t('flex_flash_bounds_saved', { version: version + 1 }));
	await expectAccessible(hanna);
});

test('without JavaScript: a running arrangement is ended early; the history keeps it', async ({ openPage }) => {
	const eva = await openPage({ javaScriptEnabled: false, signedInAs: demo.employee });
	await visit(eva, '/flex');
	// The demo's learning time, running since last month.
	await follow(eva, eva.getByRole('region', { name: t('flex_current') }).getByRole('link', { name: t('flex_type_learning'), exact: true }).first());
	await expectAccessible(eva);
	await eva.getByLabel(t('flex_field_last_day'), { exact: true }).fill(inDays(3));
	await submit(eva, eva.getByRole('button', { name: t('flex_end_early'), exact: true }));
	await expectFlash(eva, t('flex_flash_ended_early'));
	await expect(eva.getByRole('main')).toContainText(t('flex_ended_early_by', { name: 'Eva Jansen' }));
	await expect(eva.getByRole('main')).toContainText(t('flex_status_approved'));
	await expectAccessible(eva);
});

test('a calendar feed: the address is shown once, copied, subscribed to, and stops working when stopped', async ({ openPage }) => {
	const maarten = await openPage({ signedInAs: demo.manager });
	await visit(maarten, '/flex/team');
	const card = maarten.getByRole('region', { name: t('calendar_feed_title') });
	await submit(maarten, card.getByRole('button', { name: t('calendar_feed_create'), exact: true }));
	const address = card.getByLabel(t('calendar_feed_address'), { exact: true });
	const url = await address.inputValue();
	expect(url).toMatch(/\/calendar\/[a-z2-7]{24}\.[a-z2-7]{24}\.ics$/);
	await expectAccessible(maarten);
	await maarten.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await card.getByRole('button', { name: t('calendar_feed_copy'), exact: true }).click();
	await expect(card.getByText(t('calendar_feed_copied'))).toBeVisible();
	// A calendar app has no session: only the address.
	const feed = await fetch(url);
	expect(feed.status).toBe(200);
	expect(await feed.text()).toContain('Eva Jansen: ' + t('flex_feed_remote'));

	await visit(maarten, '/flex/team');
	await expect(maarten.getByLabel(t('calendar_feed_address'), { exact: true })).toHaveCount(0);
	await submit(maarten, maarten.getByRole('button', { name: t('calendar_feed_stop'), exact: true }));
	await expectFlash(maarten, t('calendar_flash_stopped'));
	await expectAccessible(maarten);
	expect((await fetch(url)).status).toBe(404);
});
