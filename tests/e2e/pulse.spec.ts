import { demo, expect, expectAccessible, expectFlash, follow, recordUrl, submit, t, test, visit } from './fixtures';

test('an employee answers the pulse from the keyboard, once', async ({ openPage }) => {
	const eva = await openPage({ signedInAs: demo.employee });
	await eva.getByRole('navigation', { name: t('nav_main') }).getByRole('link', { name: t('pulse_nav') }).click();
	await expect(eva).toHaveURL(/\/pulse$/);
	await expectAccessible(eva);
	await expect(eva.getByRole('link', { name: t('pulse_anonymity_link') })).toBeVisible();

	const scales = eva.getByRole('radiogroup');
	const count = await scales.count();
	expect(count).toBeGreaterThan(5);
	// Arrow keys move along a scale (and choose), Tab moves on to the next question.
	await scales.first().getByRole('radio', { name: '5', exact: true }).focus();
	await eva.keyboard.press('ArrowRight');
	await expect(scales.first().getByRole('radio', { name: '6', exact: true })).toBeChecked();
	for (let index = 1; index < count; index++) {
		await eva.keyboard.press('Tab');
		await eva.keyboard.press('ArrowRight');
	}
	for (let index = 0; index < count; index++) await expect(scales.nth(index).getByRole('radio', { checked: true })).toHaveCount(1);
	await eva.getByLabel(t('pulse_comment_label')).fill('More time for learning, please.');
	await submit(eva, eva.getByRole('button', { name: t('pulse_submit') }));
	await expectFlash(eva, t('pulse_thanks'));
	await expect(eva.getByText(t('pulse_answered'))).toBeVisible();
	await expect(eva.getByRole('radiogroup')).toHaveCount(0);
	await expectAccessible(eva);

	await eva.getByRole('link', { name: t('pulse_anonymity_link') }).click();
	await expect(eva.getByRole('heading', { level: 1 })).toHaveText(t('pulse_anonymity_title'));
	await expect(eva.getByRole('main').getByRole('listitem')).toHaveCount(8);
	await expectAccessible(eva);
});

test('a manager answers without JavaScript, then opens the results: a chart, and the small unit withheld', async ({ openPage }) => {
	const manager = await openPage({ javaScriptEnabled: false, signedInAs: demo.manager });
	await visit(manager, '/pulse');
	const scales = manager.getByRole('radiogroup');
	for (let index = 0; index < (await scales.count()); index++) await scales.nth(index).getByRole('radio', { name: '4', exact: true }).check();
	await submit(manager, manager.getByRole('button', { name: t('pulse_submit') }));
	await expectFlash(manager, t('pulse_thanks'));
	await expectAccessible(manager);

	await manager.getByRole('link', { name: t('pulse_results_link') }).click();
	await expect(manager).toHaveURL(/\/pulse\/results$/);
	await expectAccessible(manager);
	// The manager starts at their own team, with the trend as a chart and as a table.
	await expect(manager.getByRole('heading', { level: 2 }).first()).toContainText('Platform Team');
	await expect(manager.getByRole('img', { name: t('pulse_trend_chart_title') })).toBeVisible();
	await expect(manager.getByRole('table', { name: t('pulse_trend_table') }).getByRole('row')).toHaveCount(13);
	await expect(manager.getByText(t('pulse_hq_formula'))).toBeVisible();
	const heatmap = manager.getByRole('region', { name: t('pulse_heatmap') });
	await expect(heatmap.getByRole('row', { name: /Observability/ })).toContainText(t('pulse_not_enough', { count: 5 }));
	await expect(heatmap.getByRole('row', { name: /Service Desk/ })).toHaveCount(0);

	await manager.getByLabel(t('pulse_group')).selectOption({ label: '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Observability' });
	await manager.getByRole('button', { name: t('pulse_show') }).click();
	await expect(manager).toHaveURL(/group=/);
	await expect(manager.getByRole('status').filter({ hasText: t('pulse_not_enough', { count: 5 }) })).toBeVisible();
	await expectAccessible(manager);
});

for (const javaScriptEnabled of [true, false]) {
	test(`HR imports KPI values from CSV ${javaScriptEnabled ? 'with' : 'without'} JavaScript: a bad file writes nothing, a good one goes in`, async ({ openPage }) => {
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(hr, '/xla');
		await hr.getByRole('link', { name: 'Customer support', exact: true }).click();
		await expect(hr).toHaveURL(recordUrl('/xla'));
		await expectAccessible(hr);
		const kpi = 'First response within 4 hours';
		// Recent months, as the page shows the newest six; each variant its own.
		const month = javaScriptEnabled ? '2026-11' : '2026-12';
		const file = (lines: string[]) => ({ name: `values-${month}.csv`, mimeType: 'text/csv', buffer: Buffer.from(['measure,period,value', ...lines].join('\n')) });

		await hr.getByLabel(t('import_file'), { exact: true }).setInputFiles(file([`${kpi},${month},93`, `No such measure,${month},1`, `${kpi},soon,2`]));
		await submit(hr, hr.getByRole('button', { name: t('xla_import_submit') }));
		await expect(hr.getByRole('alert')).toContainText(t('import_nothing_written'));
		const rows = hr.getByRole('region', { name: t('import_all_rows') }).getByRole('row');
		await expect(rows.filter({ hasText: 'No such measure' })).toContainText(t('xla_reason_measure_not_found'));
		await expect(rows.filter({ hasText: 'soon' })).toContainText('period');
		await expectAccessible(hr);
		// Nothing of the file is on the page's values.
		await expect(hr.getByRole('region', { name: t('xla_measures') }).last()).not.toContainText(`${month}: 93`);

		await hr.getByLabel(t('import_file'), { exact: true }).setInputFiles(file([`${kpi},${month},93`, `customer effort score,${month},"7,9"`]));
		await submit(hr, hr.getByRole('button', { name: t('xla_import_submit') }));
		await expectFlash(hr, t('xla_values_imported', { count: 2 }));
		await expect(hr.getByRole('region', { name: t('xla_measures') }).last()).toContainText(`${month}: 93`);
		await expectAccessible(hr);
	});
}

test('a colleague rates a service once a month, from the keyboard', async ({ openPage }) => {
	const eva = await openPage({ signedInAs: demo.manager });
	await visit(eva, '/xla');
	await follow(eva, eva.getByRole('link', { name: 'IT service desk', exact: true }));
	await expectAccessible(eva);
	const scale = eva.getByRole('radiogroup', { name: 'Quick rating after a ticket' });
	await scale.getByRole('radio', { name: '3', exact: true }).focus();
	await eva.keyboard.press('ArrowRight');
	await expect(scale.getByRole('radio', { name: '4', exact: true })).toBeChecked();
	await submit(eva, eva.getByRole('button', { name: t('xla_rate_submit') }));
	await expectFlash(eva, t('xla_rating_thanks'));
	await expect(eva.getByRole('radiogroup', { name: 'Quick rating after a ticket' })).toHaveCount(0);
	await expectAccessible(eva);
});

for (const javaScriptEnabled of [true, false]) {
	test(`HR has the retention signals computed now (${javaScriptEnabled ? 'enhanced' : 'without JavaScript'})`, async ({ openPage }) => {
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });
		await visit(hr, '/insights');
		const computed = hr.getByRole('main').locator('form time');
		const before = await computed.getAttribute('datetime');
		expect(before).toBeTruthy();
		// The kept figures come back as they were until HR asks for new ones.
		await visit(hr, '/insights');
		await expect(computed).toHaveAttribute('datetime', before!);
		await submit(hr, hr.getByRole('button', { name: t('insights_recompute') }));
		await expect(hr).toHaveURL(/\/insights$/);
		await expect(computed).not.toHaveAttribute('datetime', before!);
		await expect(hr.getByRole('heading', { level: 1 })).toHaveText(t('insights_title'));
		await expectAccessible(hr);
	});
}
