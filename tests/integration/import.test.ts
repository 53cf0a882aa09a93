import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, latestEmail, personByEmail } from '../support/fixtures';
import { auditEvent, person } from '../../src/lib/server/db/schema';

let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

function upload(csv: string, sendInvitations = true): FormData {
	const form = new FormData();
	form.set('file', new File([csv], 'people.csv', { type: 'text/csv' }));
	if (sendInvitations) form.set('sendInvitations', 'on');
	return form;
}

async function people() {
	const [row] = await app.db.select({ count: sql<number>`count(*)::int` }).from(person);
	return row!.count;
}

type Preview = { valid: boolean; total: number; fileIssues: string[]; rows: { line: number; email: string; issues: { column: string; message: string }[] }[] };

describe('CSV import', () => {
	it('previews a file with errors, lists every row problem, and writes nothing', async () => {
		const hr = await clientFor(app, 'hr');
		const before = await people();
		const good = freshEmail('good');
		const csv = [
			'email,name,kind,unit,manager_email,job_title,partner,language,started_on',
			`${good},Good Row,employee,Platform Team,${demo.manager},Engineer,,nl,2026-01-05`,
			'not-an-email,Bad Email,employee,,,,,,',
			`${freshEmail()},,employee,,,,,,`,
			`${freshEmail()},Unknown Unit,employee,Atlantis,,,,,`,
			`${freshEmail()},Unknown Manager,employee,,ghost@test.example,,,,`,
			`${freshEmail()},Taken,employee,,,,,,`.replace(/^[^,]+/, demo.employee),
			`${good},Twice,employee,,,,,,`,
			`${freshEmail()},No Partner Org,partner,,,,,,`,
			`${freshEmail()},Bad Date,employee,,,,,,05-01-2026`,
			`${freshEmail()},Bad Kind,boss,,,,,,`
		].join('\n');
		const result = await hr.action('/admin/people/import?/preview', upload(csv));
		expect(result.status).toBe(400);
		const preview = result.data?.preview as Preview;
		expect(preview.valid).toBe(false);
		const issues = Object.fromEntries(preview.rows.map((row) => [row.line, row.issues.map((issue) => `${issue.column}: ${issue.message}`)]));
		expect(issues[2]).toEqual([]);
		expect(issues[3]).toEqual(['email: Enter an email address like name@example.com.']);
		expect(issues[4]).toEqual(['name: Please fill this in.']);
		expect(issues[5]).toEqual(['unit: There is no unit with this name or path.']);
		expect(issues[6]).toEqual(['manager_email: Nobody has an account with this email address.']);
		expect(issues[7]).toEqual(['email: Someone already has an account with this email address.']);
		expect(issues[8]).toEqual(['email: This email address appears more than once in the file.']);
		expect(issues[9]).toEqual(['partner: Choose the partner organisation this person belongs to.']);
		expect(issues[10]).toEqual(['started_on: Enter a date as YYYY-MM-DD.']);
		expect(issues[11]).toEqual(['kind: Choose one of the options.']);
		expect(await people()).toBe(before);
		// The rendered page (no JavaScript) says the same.
		const page = await (await hr.post('/admin/people/import?/preview', upload(csv))).text();
		expect(page).toContain('Nothing was imported.');
		expect(page).toContain('There is no unit with this name or path.');
	});

	it('finds manager circles within the file', async () => {
		const hr = await clientFor(app, 'hr');
		const [a, b] = [freshEmail('a'), freshEmail('b')];
		const csv = `email,name,manager_email\n${a},A,${b}\n${b},B,${a}\n`;
		const preview = (await hr.action('/admin/people/import?/preview', upload(csv))).data?.preview as Preview;
		expect(preview.rows.flatMap((row) => row.issues.map((issue) => issue.column))).toEqual(['manager_email', 'manager_email']);
	});

	it('refuses a file without the required columns, and an empty upload, with a clear message', async () => {
		const hr = await clientFor(app, 'hr');
		const missing = await hr.action('/admin/people/import?/preview', upload('mail,fullname\nx@test.example,X\n'));
		expect((missing.data?.preview as Preview).fileIssues).toEqual(['The first line must name the columns, including "email" and "name".']);
		const empty = await hr.action('/admin/people/import?/preview', new FormData());
		expect(empty.data?.errors).toMatchObject({ file: 'Choose a CSV file to import.' });
	});

	it('reads semicolons, a byte-order mark and header spelling, then imports all rows in one go', async () => {
		const hr = await clientFor(app, 'hr');
		const [lead, report, guest] = [freshEmail('lead'), freshEmail('report'), freshEmail('guest')];
		const csv = `\uFEFFEmail;Name;Kind;Unit;Manager Email;Partner;Language\n${lead};Lead Person;employee;Engineering / Platform Team;${demo.manager};;nl\n${report};Report Person;;Data & AI;${lead};;\n${guest};Guest Person;partner;;;Fjord Cloud Partners;en\n`;
		const preview = await hr.action('/admin/people/import?/preview', upload(csv));
		expect(preview.type, JSON.stringify(preview.data)).toBe('success');
		expect((preview.data?.preview as Preview).valid).toBe(true);
		const result = await hr.action('/admin/people/import?/import', { csv: String(preview.data?.csv), fileName: 'people.csv', sendInvitations: 'on' });
		expect(result).toMatchObject({ type: 'redirect' });
		const leadRow = await personByEmail(app.db, lead);
		const reportRow = await personByEmail(app.db, report);
		const guestRow = await personByEmail(app.db, guest);
		expect(leadRow).toMatchObject({ status: 'invited', locale: 'nl', managerId: (await personByEmail(app.db, demo.manager)).id });
		expect(reportRow.managerId).toBe(leadRow.id);
		expect(guestRow.kind).toBe('partner');
		expect(guestRow.partnerOrgId).not.toBeNull();
		expect((await latestEmail(app.db, report))?.purpose).toBe('invitation');
		const [audit] = await app.db.select().from(auditEvent).where(eq(auditEvent.action, 'people.imported'));
		expect(audit?.details).toMatchObject({ count: 3, invitationsSent: true });
	});

	it('imports nothing when the file stopped being valid between preview and confirmation', async () => {
		const hr = await clientFor(app, 'hr');
		const [first, second] = [freshEmail('first'), freshEmail('second')];
		const csv = `email,name\n${first},First\n${second},Second\n`;
		expect((await hr.action('/admin/people/import?/preview', upload(csv))).type).toBe('success');
		// Someone invites the second person in the meantime.
		await hr.action('/admin/people/new', { name: 'Second', email: second, kind: 'employee', jobTitle: '', unitId: '', managerEmail: '', partnerOrgId: '', locale: '' });
		const result = await hr.action('/admin/people/import?/import', { csv, fileName: 'people.csv' });
		expect(result.status).toBe(400);
		expect(await app.db.select().from(person).where(inArray(person.email, [first]))).toHaveLength(0);
	});

	it('leaves invitations unsent when asked', async () => {
		const hr = await clientFor(app, 'hr');
		const quiet = freshEmail('quiet');
		const result = await hr.action('/admin/people/import?/import', { csv: `email,name\n${quiet},Quiet\n`, fileName: 'quiet.csv' });
		expect(result.type).toBe('redirect');
		expect((await personByEmail(app.db, quiet)).status).toBe('invited');
		expect(await latestEmail(app.db, quiet)).toBeNull();
	});
});
