import type { Page } from '@playwright/test';
import { demo, expect, expectAccessible, expectFieldError, expectFlash, recordUrl, submit, t, test, unique, visit } from './fixtures';

/** Asks a question in a space through its form; lands on the new post. */
async function ask(page: Page, slug: string, title: string, body: string): Promise<string> {
	await visit(page, `/knowledge/${slug}`);
	await page.getByLabel(t('knowledge_field_kind'), { exact: true }).selectOption('question');
	await page.getByLabel(t('knowledge_field_title'), { exact: true }).fill(title);
	await page.getByLabel(t('knowledge_field_body'), { exact: true }).fill(body);
	await page.getByRole('textbox', { name: t('knowledge_field_tags'), exact: true }).fill('e2e, ingress');
	await submit(page, page.getByRole('button', { name: t('knowledge_publish') }));
	await expect(page).toHaveURL(recordUrl('/knowledge/posts'));
	await expectFlash(page, t('knowledge_flash_posted'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expectAccessible(page);
	return new URL(page.url()).pathname;
}

async function answer(page: Page, path: string, text: string): Promise<void> {
	await visit(page, path);
	await page.getByLabel(t('knowledge_your_answer'), { exact: true }).fill(text);
	await submit(page, page.getByRole('button', { name: t('knowledge_answer_submit') }));
	await expectFlash(page, t('knowledge_flash_answered'));
	await expect(page.getByRole('article', { name: t('knowledge_comment_by', { name: 'Maarten de Boer' }) }).first()).toContainText(text);
	await expectAccessible(page);
}

for (const javaScriptEnabled of [true, false]) {
	test(`ask, answer, accept, and find it as someone else (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ openPage }) => {
		test.setTimeout(90_000);
		const id = unique();
		const title = `How do we rotate the ingress certificates ${id}?`;
		const asker = await openPage({ javaScriptEnabled, signedInAs: demo.employee });

		// A question without text is refused next to the field.
		await visit(asker, '/knowledge/platform');
		await asker.getByLabel(t('knowledge_field_title'), { exact: true }).fill(title);
		await submit(asker, asker.getByRole('button', { name: t('knowledge_publish') }));
		await expectFieldError(asker, t('knowledge_field_body'), t('validation_required'));
		await expectAccessible(asker);

		const path = await ask(asker, 'platform', title, 'The **cluster** certificates expire next month.');
		const answerer = await openPage({ javaScriptEnabled, signedInAs: demo.manager });
		await answer(answerer, path, `cert-manager renews them ${id}`);

		await visit(asker, path);
		await submit(asker, asker.getByRole('button', { name: t('knowledge_accept') }));
		await expectFlash(asker, t('knowledge_flash_accepted'));
		await expect(asker.getByText(t('knowledge_accepted_answer'))).toBeVisible();
		await expectAccessible(asker);

		// HR finds it, answered, by words in another form than the title's.
		const finder = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(finder, '/search');
		await finder.getByLabel(t('search_words'), { exact: true }).fill(`rotating certificate ${id}`);
		await finder.getByLabel(t('search_answered'), { exact: true }).selectOption('yes');
		await finder.getByRole('main').getByRole('button', { name: t('search') }).click();
		await expect(finder).toHaveURL(/answered=yes/);
		const results = finder.getByRole('list', { name: t('search_posts') });
		await expect(results.locator(':scope > li')).toHaveCount(1);
		await expect(results).toContainText(t('knowledge_answered'));
		await expectAccessible(finder);
		await results.getByRole('link', { name: new RegExp(id) }).first().click();
		await expect(finder).toHaveURL(new RegExp(`${path}$`));
		await expectAccessible(finder);

		// An alumnus cannot open the employees-only post, nor find it.
		const alumnus = await openPage({ javaScriptEnabled, signedInAs: demo.alumni });
		await visit(alumnus, path);
		await expect(alumnus.getByRole('heading', { level: 1 })).toHaveText(t('error_404_title'));
		await visit(alumnus, `/search?q=${id}`);
		await expect(alumnus.getByRole('status')).toHaveText(t('search_found', { count: 0 }));
	});
}

test('a visitor reads the public space, and is asked to sign in for the rest', async ({ page }) => {
	await visit(page, '/knowledge');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('knowledge_title'));
	await page.getByRole('region', { name: t('knowledge_spaces') }).getByRole('link', { name: 'Open Noorderlicht' }).click();
	await expect(page).toHaveURL(/\/knowledge\/open$/);
	await expectAccessible(page);
	await page.getByRole('list', { name: t('knowledge_posts') }).getByRole('heading').first().getByRole('link').click();
	await expect(page).toHaveURL(recordUrl('/knowledge/posts'));
	await expectAccessible(page);
	await visit(page, '/knowledge/platform');
	await expect(page).toHaveURL(/\/login\?next=/);
});

for (const javaScriptEnabled of [true, false]) {
	test(`a moderator edits a space; HR changes its audience after a preview (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ openPage }) => {
		test.setTimeout(90_000);
		const id = unique();
		const slug = `settings-${id}`;
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(hr, '/admin/knowledge');
		await hr.getByLabel(t('knowledge_field_space_name'), { exact: true }).fill(`Settings ${id}`);
		await hr.getByLabel(t('knowledge_field_slug'), { exact: true }).fill(slug);
		await hr.getByLabel(t('knowledge_field_moderators'), { exact: true }).fill(demo.manager);
		await submit(hr, hr.getByRole('button', { name: t('knowledge_create_space') }));
		await expect(hr).toHaveURL(new RegExp(`/knowledge/${slug}$`));
		await expectAccessible(hr);

		// The moderator finds the settings on the space, is refused an empty name, then renames it.
		const moderator = await openPage({ javaScriptEnabled, signedInAs: demo.manager });
		await visit(moderator, `/knowledge/${slug}`);
		await expectAccessible(moderator);
		await moderator.getByRole('link', { name: t('knowledge_settings') }).click();
		await expect(moderator).toHaveURL(new RegExp(`/knowledge/${slug}/settings$`));
		await expectAccessible(moderator);
		await expect(moderator.getByRole('button', { name: t('knowledge_audience_preview_submit') }), 'moderators do not choose who reads').toHaveCount(0);
		const name = moderator.getByLabel(t('knowledge_field_space_name'), { exact: true });
		await name.fill(' ');
		await submit(moderator, moderator.getByRole('button', { name: t('knowledge_settings_save') }));
		await expectFieldError(moderator, t('knowledge_field_space_name'), t('validation_required'));
		await expectAccessible(moderator);
		await name.fill(`Renamed ${id}`);
		await moderator.getByLabel(t('knowledge_field_description'), { exact: true }).fill('Where we keep the runbooks.');
		await submit(moderator, moderator.getByRole('button', { name: t('knowledge_settings_save') }));
		await expectFlash(moderator, t('knowledge_flash_space_updated'));
		await expect(moderator.getByRole('heading', { level: 1 })).toHaveText(t('knowledge_settings_title', { name: `Renamed ${id}` }));

		// HR previews the audience with alumni, and only then confirms it.
		await visit(hr, `/knowledge/${slug}/settings`);
		await expectAccessible(hr);
		await hr.getByLabel(t('knowledge_field_audience'), { exact: true }).selectOption('alumni');
		await submit(hr, hr.getByRole('button', { name: t('knowledge_audience_preview_submit') }));
		const preview = hr.getByRole('status').filter({ hasText: t('knowledge_audience_preview_title') });
		await expect(preview).toContainText(/\d+ people gain read access and 0 lose it; it concerns 0 posts\./);
		await expectAccessible(hr);
		const alumnus = await openPage({ javaScriptEnabled, signedInAs: demo.alumni });
		await visit(alumnus, `/knowledge/${slug}`);
		await expect(alumnus.getByRole('heading', { level: 1 }), 'nothing changes before HR confirms').toHaveText(t('error_404_title'));
		await expectAccessible(alumnus);
		await submit(hr, preview.getByRole('button', { name: t('knowledge_audience_confirm') }));
		await expect(hr.getByRole('status').first()).toContainText(/people gained read access, 0 lost it\./);
		await expect(hr.getByText(t('knowledge_settings_audience_current', { audience: t('knowledge_audience_alumni') }))).toBeVisible();
		await expectAccessible(hr);
		await visit(alumnus, `/knowledge/${slug}`);
		await expect(alumnus.getByRole('heading', { level: 1 })).toHaveText(`Renamed ${id}`);
		await expectAccessible(alumnus);
	});
}
