import {
	demo,
	expect,
	expectAccessible,
	expectFieldError,
	expectFlash,
	invitationLink,
	invite,
	organisation,
	signIn,
	signOut,
	submit,
	t,
	test,
	unique,
	visit
} from './fixtures';

for (const javaScriptEnabled of [true, false]) {
	test(`HR invites someone, who accepts and then signs in (${javaScriptEnabled ? 'enhanced' : 'without JavaScript'})`, async ({ openPage, adminPage }) => {
		const id = unique();
		const invited = { name: `Invited ${id}`, email: `invited-${id}@noorderlicht.example` };
		const hr = await openPage({ javaScriptEnabled, signedInAs: demo.hr });

		// An address that already has an account is refused next to the field, and nobody is invited.
		await visit(hr, '/admin/people/new');
		await hr.getByLabel(t('field_name'), { exact: true }).fill(invited.name);
		await hr.getByLabel(t('field_email'), { exact: true }).fill(demo.employee);
		await submit(hr, hr.getByRole('button', { name: t('admin_invite_submit') }));
		await expectFieldError(hr, t('field_email'), t('reason_email_taken'));
		await expect(hr.getByLabel(t('field_name'), { exact: true })).toHaveValue(invited.name);
		await expectAccessible(hr);

		await invite(hr, invited);
		await expect(hr.getByRole('heading', { level: 1 })).toContainText(t('status_invited'));

		const link = await invitationLink(adminPage, invited.email);
		const invitee = await openPage({ javaScriptEnabled });
		await visit(invitee, link);
		await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(t('invite_title', { organisation }));
		await expect(invitee.getByText(t('invite_intro', { email: invited.email }))).toBeVisible();
		await expect(invitee.getByLabel(t('field_name'), { exact: true })).toHaveValue(invited.name);

		// Two different passwords: refused next to the second field; the invitation still works.
		const chosenName = `Chosen ${id}`;
		const password = `lantern meadow ${id}`;
		await invitee.getByLabel(t('field_name'), { exact: true }).fill(chosenName);
		await invitee.getByLabel(t('field_new_password'), { exact: true }).fill(password);
		await invitee.getByLabel(t('field_confirm_password'), { exact: true }).fill(`${password}!`);
		await submit(invitee, invitee.getByRole('button', { name: t('invite_accept') }));
		await expectFieldError(invitee, t('field_confirm_password'), t('validation_passwords_differ'));
		await expectAccessible(invitee);

		await invitee.getByLabel(t('field_new_password'), { exact: true }).fill(password);
		await invitee.getByLabel(t('field_confirm_password'), { exact: true }).fill(password);
		await submit(invitee, invitee.getByRole('button', { name: t('invite_accept') }));
		await expect(invitee).toHaveURL(/\/$/);
		await expectFlash(invitee, t('flash_welcome', { name: chosenName }));
		await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(t('home_greeting', { name: 'Chosen' }));
		await expectAccessible(invitee);

		await signOut(invitee);
		await signIn(invitee, invited.email, password);
		await expect(invitee.getByRole('banner').getByRole('link', { name: chosenName })).toBeVisible();

		// The link is used up, and HR now sees an active account under the chosen name.
		await visit(invitee, link);
		await expect(invitee.getByText(t('invite_dead'))).toBeVisible();
		await hr.reload();
		await expectAccessible(hr);
		await expect(hr.getByRole('heading', { level: 1 })).toContainText(chosenName);
		await expect(hr.getByRole('heading', { level: 1 })).toContainText(t('status_active'));
	});
}
