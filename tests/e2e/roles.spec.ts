import { demo, expect, expectAccessible, signIn, signOut, t, test, visit, type DemoRole } from './fixtures';

/** The main navigation of everyone employed; staff find Admin after it. */
const employed = [t('nav_home'), t('nav_people'), t('knowledge_nav'), t('flex_nav'), t('growth_nav'), t('opportunities_nav'), t('pulse_nav'), t('xla_nav'), t('alumni_nav'), t('events_nav'), t('vacancies_nav')];

/** HR also finds the retention signals, after the XLAs. */
const afterXla = employed.indexOf(t('xla_nav')) + 1;
const employedHr = [...employed.slice(0, afterXla), t('insights_nav'), ...employed.slice(afterXla)];

/** What each demo role finds: the main navigation, the sections of its home, the admin sections. */
const expected: Record<DemoRole, { nav: string[]; home: string[]; intro: string; admin: string[] | null }> = {
	hr: {
		nav: [...employedHr, t('nav_admin')],
		home: [t('home_you'), 'Your team', t('home_organisation'), t('home_recent')],
		intro: t('home_intro_employee'),
		admin: [t('admin_people'), t('admin_org'), t('admin_partners'), t('knowledge_admin_nav'), t('growth_admin_nav'), t('pulse_admin_nav'), t('alumni_offboarding_title'), t('vacancies_boomerangs_nav'), t('admin_audit')]
	},
	manager: {
		nav: employed,
		home: [t('home_you'), 'Reporting to you', 'Your team'],
		intro: t('home_intro_employee'),
		admin: null
	},
	employee: { nav: employed, home: [t('home_you'), 'Your team'], intro: t('home_intro_employee'), admin: null },
	// Alumni keep their own growth plans and may mentor.
	alumni: { nav: [t('nav_home'), t('knowledge_nav'), t('growth_nav'), t('opportunities_nav'), t('alumni_nav'), t('events_nav'), t('vacancies_nav')], home: [t('home_you')], intro: t('home_intro_alumni'), admin: null },
	partner: { nav: [t('nav_home'), t('knowledge_nav'), t('opportunities_nav'), t('events_nav'), t('vacancies_nav')], home: [t('home_you')], intro: t('home_intro_partner'), admin: null },
	admin: {
		nav: [...employed, t('nav_admin')],
		home: [t('home_you'), 'Your team', t('home_organisation'), t('home_recent')],
		intro: t('home_intro_employee'),
		admin: [t('admin_people'), t('admin_org'), t('admin_partners'), t('knowledge_admin_nav'), t('growth_admin_nav'), t('alumni_offboarding_title'), t('admin_audit'), t('admin_outbox'), t('admin_settings')]
	}
};

for (const role of Object.keys(demo) as DemoRole[]) {
	test(`${role} signs in, sees their home and navigation, and signs out`, async ({ page }) => {
		const want = expected[role];
		await signIn(page, demo[role]);
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, \S+$/);
		await expect(page.getByRole('main').getByText(want.intro)).toBeVisible();
		await expect(page.getByRole('navigation', { name: t('nav_main') }).getByRole('link')).toHaveText(want.nav);
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(want.home.map((text) => new RegExp(`^${text}`)));

		if (want.admin) {
			await page.getByRole('navigation', { name: t('nav_main') }).getByRole('link', { name: t('nav_admin') }).click();
			await expect(page).toHaveURL(/\/admin\/people$/);
			await expectAccessible(page);
			await expect(page.getByRole('navigation', { name: t('admin_nav') }).getByRole('link')).toHaveText(want.admin);
		} else {
			// Without a staff role the admin area is refused, not just hidden.
			await visit(page, '/admin/people');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('error_403_title'));
		}

		await signOut(page);
		// Signed out means signed out: the home page sends the visitor back to the login page.
		await visit(page, '/');
		await expect(page).toHaveURL(/\/login$/);
	});
}

test('alumni and partners are refused the colleague directory', async ({ openPage }) => {
	for (const role of ['alumni', 'partner'] as const) {
		const page = await openPage({ signedInAs: demo[role] });
		await visit(page, '/people');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('error_403_title'));
	}
});
