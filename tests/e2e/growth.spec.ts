import { demo, expect, expectAccessible, expectFieldError, expectFlash, follow, recordUrl, signIn, submit, t, test, unique, visit } from './fixtures';

/**
 * An employee's growth: a plan aimed at a track level, the gap chart, a mentor for the largest
 * gap who accepts; and the same plan made and shared without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
	test(`a plan with a track target, its gaps and a mentor (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ openPage }) => {
		test.setTimeout(90_000);
		const page = await openPage({ javaScriptEnabled });
		await signIn(page, demo.employee);
		await page.getByRole('navigation', { name: t('nav_main') }).getByRole('link', { name: t('growth_nav') }).click();
		await expect(page).toHaveURL(/\/growth$/);
		await expectAccessible(page);

		await follow(page, page.getByRole('link', { name: t('growth_plan_new') }));
		await expectAccessible(page);
		const title = `Senior by next year ${unique()}`;
		await page.getByLabel(t('growth_field_plan_title')).fill(title);
		// No target at all: refused next to the field.
		await submit(page, page.getByRole('button', { name: t('growth_plan_create') }));
		await expectFieldError(page, t('growth_field_target_text'), t('growth_target_required'));
		await expectAccessible(page);
		await page.getByLabel(t('growth_field_target_level')).selectOption({ label: 'Engineering craft · 3. Senior engineer' });
		await submit(page, page.getByRole('button', { name: t('growth_plan_create') }));
		await expect(page).toHaveURL(recordUrl('/growth/plans'));
		await expectFlash(page, t('growth_flash_plan_created'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('img', { name: t('growth_gap_chart_title') })).toBeVisible();
		await expectAccessible(page);

		await page.getByLabel(t('growth_field_goal')).fill('Lead a design review');
		await submit(page, page.getByRole('button', { name: t('growth_goal_add') }));
		await expect(page.getByRole('heading', { name: 'Lead a design review' })).toBeVisible();
		await expectAccessible(page);

		if (!javaScriptEnabled) {
			// Shared with the manager, who reads it; withdrawn, it is gone for them.
			await page.getByLabel(t('growth_share_with')).selectOption({ index: 0 });
			await submit(page, page.getByRole('button', { name: t('growth_share'), exact: true }));
			await expectFlash(page, t('growth_flash_shared'));
			await expectAccessible(page);
			const planUrl = new URL(page.url()).pathname;
			const manager = await openPage({ javaScriptEnabled, signedInAs: demo.manager });
			await visit(manager, planUrl);
			await expect(manager.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(manager.getByRole('button', { name: t('growth_goal_add') })).toHaveCount(0);
			await submit(page, page.getByRole('button', { name: t('growth_unshare_named', { name: 'Maarten de Boer' }) }));
			await expectAccessible(page);
			await visit(manager, planUrl);
			await expect(manager.getByRole('heading', { level: 1 })).toHaveText(t('error_404_title'));
			return;
		}

		await page.getByRole('link', { name: t('growth_find_mentor') }).click();
		await expect(page).toHaveURL(/\/growth\/mentors$/);
		await expectAccessible(page);
		const suggestion = page.getByRole('article').filter({ hasText: 'offers Software architecture at 5; your gap is 2' }).first();
		const mentorLink = suggestion.getByRole('heading').getByRole('link');
		const mentorName = (await mentorLink.innerText()).trim();
		await submit(page, suggestion.getByRole('button', { name: t('growth_request_submit', { name: mentorName }) }));
		await expectFlash(page, t('growth_flash_requested'));
		await expect(page.getByRole('region', { name: t('growth_my_mentors') })).toContainText(mentorName);
		await expectAccessible(page);

		// The mentor (a demo colleague: same password) accepts, and the shared notes open.
		await follow(page, mentorLink);
		await expectAccessible(page);
		const mentorEmail = (await page.getByRole('main').getByRole('link', { name: /@noorderlicht\.example$/ }).innerText()).trim();
		const mentor = await openPage({ javaScriptEnabled, signedInAs: mentorEmail });
		await visit(mentor, '/growth/mentors');
		await submit(mentor, mentor.getByRole('button', { name: t('growth_accept_named', { name: 'Eva Jansen' }) }));
		await expectFlash(mentor, t('growth_flash_accepted'));
		await expectAccessible(mentor);
		await follow(mentor, mentor.getByRole('link', { name: 'Eva Jansen' }));
		await expectAccessible(mentor);
		await mentor.getByLabel(t('growth_field_note'), { exact: true }).fill('Welcome! Shall we meet on Tuesday?');
		await submit(mentor, mentor.getByRole('button', { name: t('growth_note_add') }));
		await expect(mentor.getByText('Welcome! Shall we meet on Tuesday?')).toBeVisible();
		await expectAccessible(mentor);
	});
}

/**
 * The marketplace: the manager posts a gig (refused first without a required skill), the employee
 * finds it recommended with the reason and applies in confidence, and the manager sees her match
 * explained and selects her. With and without JavaScript.
 */
for (const javaScriptEnabled of [true, false]) {
	test(`post an opportunity, apply to it, select the applicant (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ openPage }) => {
		test.setTimeout(90_000);
		const manager = await openPage({ javaScriptEnabled, signedInAs: demo.manager });
		await visit(manager, '/opportunities');
		await follow(manager, manager.getByRole('link', { name: t('opportunities_new') }));
		await expectAccessible(manager);
		const title = `Kubernetes upgrade gig ${unique()}`;
		await manager.getByLabel(t('opportunities_field_kind')).selectOption({ label: t('opportunities_kind_gig') });
		await manager.getByLabel(t('opportunities_field_title')).fill(title);
		await manager.getByLabel(t('opportunities_field_hours')).fill('6');
		await manager.getByLabel(t('opportunities_field_starts')).fill('2027-02-01');
		await submit(manager, manager.getByRole('button', { name: t('opportunities_post') }));
		await expect(manager.getByRole('group', { name: t('opportunities_field_skills') })).toHaveAccessibleDescription(t('opportunities_reason_skills_required'));
		await expectAccessible(manager);
		await manager.getByLabel('Kubernetes', { exact: true }).selectOption('3');
		await submit(manager, manager.getByRole('button', { name: t('opportunities_post') }));
		await expect(manager).toHaveURL(recordUrl('/opportunities'));
		await expectFlash(manager, t('opportunities_flash_posted'));
		await expect(manager.getByRole('heading', { level: 1 })).toHaveText(title);
		const path = new URL(manager.url()).pathname;
		await expectAccessible(manager);

		// Eva rates Kubernetes 4: a full match, recommended with the reason.
		const page = await openPage({ javaScriptEnabled, signedInAs: demo.employee });
		await page.getByRole('navigation', { name: t('nav_main') }).getByRole('link', { name: t('opportunities_nav') }).click();
		await expect(page).toHaveURL(/\/opportunities$/);
		const recommended = page.getByRole('region', { name: t('opportunities_recommended_title') }).getByRole('article').filter({ hasText: title });
		await expect(recommended).toContainText(t('opportunities_match_score', { score: 100 }));
		await expect(recommended).toContainText(t('opportunities_match_meets', { skill: 'Kubernetes', expected: 3, current: 4 }));
		await expectAccessible(page);
		await recommended.getByRole('link', { name: title }).click();
		await expect(page.getByText(t('opportunities_confidential')).first()).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel(t('opportunities_field_note')).fill('I ran the last upgrade.');
		await submit(page, page.getByRole('button', { name: t('opportunities_apply'), exact: true }));
		await expectFlash(page, t('opportunities_flash_applied'));
		await expect(page.getByRole('region', { name: t('opportunities_your_application') })).toContainText(t('opportunities_status_applied'));
		await expectAccessible(page);
		await visit(page, '/opportunities/mine');
		await expect(page.getByRole('region', { name: t('opportunities_my_applications') })).toContainText(title);

		// The poster sees why she matches, and selects her.
		await visit(manager, path);
		const applicant = manager.getByRole('article').filter({ hasText: 'Eva Jansen' });
		await expect(applicant).toContainText(t('opportunities_match_score_of', { name: 'Eva Jansen', score: 100 }));
		await expect(applicant).toContainText('I ran the last upgrade.');
		await submit(manager, applicant.getByRole('button', { name: t('opportunities_select_named', { name: 'Eva Jansen' }) }));
		await expectFlash(manager, t('opportunities_flash_selected'));
		await expect(applicant).toContainText(t('opportunities_status_selected'));
		await expectAccessible(manager);
	});
}

/** The employee shares her self-assessment; her manager adds his view beside it; withdrawn, it is gone. */
for (const javaScriptEnabled of [true, false]) {
	test(`a manager's view beside a shared self-assessment (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({ openPage }) => {
		test.setTimeout(90_000);
		const page = await openPage({ javaScriptEnabled, signedInAs: demo.employee });
		await visit(page, '/growth/skills');
		await submit(page, page.getByRole('button', { name: t('growth_assessment_share') }));
		await expectFlash(page, t('growth_flash_assessment_shared'));
		await expectAccessible(page);

		const manager = await openPage({ javaScriptEnabled, signedInAs: demo.manager });
		await visit(manager, '/growth');
		await manager.getByRole('region', { name: t('growth_assessments_shared_with_me') }).getByRole('link', { name: 'Eva Jansen' }).click();
		await expect(manager.getByRole('heading', { level: 1 })).toHaveText(t('growth_manager_view_title', { name: 'Eva Jansen' }));
		await expectAccessible(manager);
		await manager.getByLabel('Kubernetes', { exact: true }).selectOption('3');
		await submit(manager, manager.getByRole('button', { name: t('growth_manager_view_save') }));
		await expectFlash(manager, t('growth_flash_manager_view_saved'));
		await expectAccessible(manager);
		const managerUrl = new URL(manager.url()).pathname;

		await visit(page, '/growth/skills');
		await expect(page.getByRole('columnheader', { name: t('growth_manager_view_of', { name: 'Maarten de Boer' }) }).first()).toBeVisible();
		const row = page.getByRole('row').filter({ has: page.getByLabel('Kubernetes', { exact: true }) });
		await expect(row.getByRole('cell', { name: '3', exact: true })).toBeVisible();
		await submit(page, page.getByRole('button', { name: t('growth_assessment_withdraw') }));
		await expectFlash(page, t('growth_flash_assessment_withdrawn'));
		await expect(page.getByRole('columnheader', { name: t('growth_manager_view_of', { name: 'Maarten de Boer' }) })).toHaveCount(0);
		await expectAccessible(page);
		await visit(manager, managerUrl);
		await expect(manager.getByRole('heading', { level: 1 })).toHaveText(t('error_404_title'));
	});
}
