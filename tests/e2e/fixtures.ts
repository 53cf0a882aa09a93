import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { test as base, expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
import { m } from '../../src/lib/paraglide/messages.js';

export { expect };

/** WCAG 2.2 AA, as the guide asks of every page. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The address of one record under `prefix` (`/flex/<uuid>`). Never a sibling such as `/flex/team`
 * or `/admin/people/new`: a URL check that matched the page a click starts from passed before the
 * navigation had landed, and the test went on to check the wrong page.
 */
export const recordUrl = (prefix: string) => new RegExp(`${prefix}/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$`);
/** axe-core's browser build, put into each document it checks. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const demoPassword = 'kring-demo';
import { demo, type DemoRole } from '../support/fixtures';

export { demo, type DemoRole };

export type Locale = 'en' | 'nl';
type Message = (inputs: Record<string, string | number>, options: { locale: Locale }) => string;
const messages = m as unknown as Record<string, Message | undefined>;

/** The app's own copy (its compiled messages), so the tests find controls by what the user reads, in either language. */
export function t(key: string, params: Record<string, string | number> = {}, locale: Locale = 'en'): string {
	const message = messages[key];
	if (!message) throw new Error(`No message ${key}`);
	return message(params, { locale });
}

/** Per page: whether scripts run, which addresses it showed and which of those axe checked. */
interface Tracked {
	javaScript: boolean;
	options: BrowserContextOptions;
	visited: Set<string>;
	checked: Set<string>;
	/** What the Content Security Policy refused (an inline style, a script), as the browser reported it. */
	refused: string[];
	/** Where axe runs for a page without scripts (axe itself is a script): see `expectAccessible`. */
	mirror?: Page;
}
const tracked = new WeakMap<Page, Tracked>();
const address = (url: string) => url.split('#')[0]!;

function track(page: Page, options: BrowserContextOptions = {}): Page {
	const state: Tracked = { javaScript: options.javaScriptEnabled ?? true, options, visited: new Set(), checked: new Set(), refused: [] };
	tracked.set(page, state);
	page.on('console', (message) => {
		if (message.type() === 'error' && message.text().includes('Content Security Policy')) state.refused.push(`${address(page.url())}: ${message.text()}`);
	});
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame() && frame.url().startsWith('http')) state.visited.add(address(frame.url()));
	});
	return page;
}

/** Fails with the list of pages a test showed but never ran axe on. */
function expectEveryPageChecked(page: Page): void {
	const state = tracked.get(page);
	if (!state) return;
	const unchecked = [...state.visited].filter((url) => !state.checked.has(url));
	expect(unchecked, 'every page a test visits is checked with axe').toEqual([]);
	expectNothingRefused(state);
}

/** A refused style or script is a page that looks or works other than built (a chart without colours). */
function expectNothingRefused(state: Tracked): void {
	expect(state.refused, 'the Content Security Policy refuses nothing the app sends').toEqual([]);
}

/**
 * axe runs inside the page, which a browser without JavaScript does not allow. So such a page is
 * copied, as rendered, into a scripted page of the same origin and settings whose own scripts are
 * blocked (by the route and by the CSP nonce), and axe checks the copy.
 */
async function mirrorOf(page: Page, state: Tracked): Promise<Page> {
	if (!state.mirror) {
		const context = await page.context().browser()!.newContext({ ...state.options, javaScriptEnabled: true });
		state.mirror = await context.newPage();
		await state.mirror.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
		await state.mirror.goto(new URL('/health', page.url()).href);
	}
	await state.mirror.setContent(await page.content(), { waitUntil: 'load' });
	// The copy is the page: same title, same headings, else axe would judge something else.
	expect(await state.mirror.title()).toBe(await page.title());
	await expect(state.mirror.getByRole('heading', { level: 1 })).toHaveText(await page.getByRole('heading', { level: 1 }).allInnerTexts());
	return state.mirror;
}

/** axe on the page as it is now (WCAG 2.2 AA); a violation fails the test with its rule and elements. */
export async function expectAccessible(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	const state = tracked.get(page);
	// With scripts, act only on the live page: a click before hydration posts the form unenhanced.
	// (waitFor watches the page itself; an expect would poll at growing intervals, on every page.)
	if (state?.javaScript !== false) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	// An enhanced form still submitting is a page in between: check the one it settles on.
	await expect(page.locator('form[data-submitting]')).toHaveCount(0);
	const target = state && !state.javaScript ? await mirrorOf(page, state) : page;
	// axe-core itself, put in once per document: @axe-core/playwright evaluated its 580 kB twice per
	// check (~110 ms each here), and its default mode finishes in a new blank page. Our pages have
	// no frames, where the two would differ. Only violations are gathered in full.
	if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
	const options: RunOptions = { runOnly: { type: 'tag', values: wcagTags }, resultTypes: ['violations'] };
	const results = await target.evaluate((options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options), options);
	const violations = results.violations.map((violation) => ({
		rule: violation.id,
		impact: violation.impact,
		help: violation.help,
		nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`)
	}));
	expect(violations, `axe on ${page.url()}`).toEqual([]);
	if (state) expectNothingRefused(state);
	state?.checked.add(address(page.url()));
}

/**
 * Clicks a link and waits until the address is the one it points to: checking right after the
 * click could check the page it started from while the next one is still loading.
 */
export async function follow(page: Page, link: Locator): Promise<void> {
	const href = await link.getAttribute('href');
	expect(href, 'a link with an address').toBeTruthy();
	await link.click();
	await expect(page).toHaveURL(new URL(href!, page.url()).href);
}

/** Opens a page and checks it with axe. */
export async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expectAccessible(page);
}

/**
 * Submits a form by clicking its button and proves how it went: enhanced (a fetch that SvelteKit's
 * use:enhance sends) when scripts run, a plain form POST navigation when they do not.
 */
export async function submit(page: Page, button: Locator): Promise<void> {
	const javaScript = tracked.get(page)?.javaScript ?? true;
	const [request] = await Promise.all([page.waitForRequest((request) => request.method() === 'POST'), button.click()]);
	expect(request.isNavigationRequest(), 'a plain POST without scripts, a fetch with them').toBe(!javaScript);
	if (javaScript) expect(request.headers()['x-sveltekit-action']).toBe('true');
	await request.response();
}

/** Fills the sign-in form and lands on the home page (or wherever `next` points). */
export async function signIn(page: Page, email: string, password = demoPassword, locale: Locale = 'en'): Promise<void> {
	await visit(page, '/login');
	await page.getByLabel(t('field_email', {}, locale)).fill(email);
	await page.getByLabel(t('field_password', {}, locale)).fill(password);
	await submit(page, page.getByRole('main').getByRole('button', { name: t('sign_in', {}, locale) }));
	await expect(page).not.toHaveURL(/\/login/);
	await expectAccessible(page);
}

export async function signOut(page: Page, locale: Locale = 'en'): Promise<void> {
	await submit(page, page.getByRole('banner').getByRole('button', { name: t('sign_out', {}, locale) }));
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('status')).toHaveText(t('flash_signed_out', {}, locale));
	await expectAccessible(page);
}

/** A unique suffix, so that tests sharing one database never trip over each other's records. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Opener = (options?: BrowserContextOptions & { signedInAs?: string }) => Promise<Page>;

interface Fixtures {
	/** A further browser (own cookies), tracked like `page`; `signedInAs` signs it in first. */
	openPage: Opener;
	/** A browser signed in as the demo admin, for reading the outbox. */
	adminPage: Page;
}

async function opener(browser: Browser, baseURL: string | undefined) {
	const pages: Page[] = [];
	const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
	const open: Opener = async ({ signedInAs, ...options } = {}) => {
		const context = await browser.newContext({ baseURL, ...options });
		contexts.push(context);
		const page = track(await context.newPage(), options);
		pages.push(page);
		if (signedInAs) await signIn(page, signedInAs);
		return page;
	};
	return { open, pages, close: () => Promise.all(contexts.map((context) => context.close())) };
}

export const test = base.extend<Fixtures>({
	page: async ({ page }, use) => {
		track(page);
		await use(page);
		await tracked.get(page)?.mirror?.context().close();
		expectEveryPageChecked(page);
	},
	openPage: async ({ browser, baseURL }, use) => {
		const { open, pages, close } = await opener(browser, baseURL);
		await use(open);
		for (const page of pages) expectEveryPageChecked(page);
		await Promise.all(pages.map((page) => tracked.get(page)?.mirror?.context().close()));
		await close();
	},
	adminPage: async ({ openPage }, use) => {
		await use(await openPage({ signedInAs: demo.admin }));
	}
});

/** The first link starting with `path` (e.g. "/invite/") in the newest email to `to`, read from the admin's outbox. */
export async function linkFromOutbox(adminPage: Page, to: string, path: string, locale: Locale = 'en'): Promise<string> {
	await visit(adminPage, '/admin/outbox');
	const mails = adminPage.getByRole('article').filter({ hasText: t('outbox_to', { address: to }, locale) });
	const bodies = await mails.locator('pre').allInnerTexts();
	const link = bodies
		.flatMap((body) => body.match(/https?:\/\/\S+/g) ?? [])
		.find((candidate) => new URL(candidate).pathname.startsWith(path));
	expect(link, `a ${path} link in a mail to ${to}`).toBeTruthy();
	return new URL(link!).pathname;
}

export const organisation = 'Noorderlicht IT Services';

/** The flash message the layout shows after a redirect. */
export async function expectFlash(page: Page, text: string): Promise<void> {
	await expect(page.getByRole('main').getByRole('status').first()).toHaveText(text);
}

/** The message under a field, tied to it with aria-describedby so a screen reader hears it too. */
export async function expectFieldError(page: Page, label: string, text: string): Promise<void> {
	const field = page.getByLabel(label, { exact: true });
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

/** HR (or an admin) invites someone through the form; lands on the new person's page. */
export async function invite(staffPage: Page, person: { name: string; email: string }): Promise<void> {
	await visit(staffPage, '/admin/people/new');
	await staffPage.getByLabel(t('field_name'), { exact: true }).fill(person.name);
	await staffPage.getByLabel(t('field_email'), { exact: true }).fill(person.email);
	await submit(staffPage, staffPage.getByRole('button', { name: t('admin_invite_submit') }));
	await expect(staffPage).toHaveURL(recordUrl('/admin/people'));
	await expectFlash(staffPage, t('flash_invited', { email: person.email }));
	await expectAccessible(staffPage);
}

export const invitationLink = (adminPage: Page, email: string) => linkFromOutbox(adminPage, email, '/invite/');

/** Sets a password on the invitation form and arrives signed in at home. */
export async function acceptInvitation(page: Page, link: string, password: string): Promise<void> {
	await visit(page, link);
	await page.getByLabel(t('field_new_password'), { exact: true }).fill(password);
	await page.getByLabel(t('field_confirm_password'), { exact: true }).fill(password);
	await submit(page, page.getByRole('button', { name: t('invite_accept') }));
	await expect(page).toHaveURL(/\/$/);
	await expectAccessible(page);
}

/** A fresh account of its own for a test that changes it (password, profile): invited by the admin and accepted. */
export async function createAccount(adminPage: Page, openPage: Opener): Promise<{ name: string; email: string; password: string }> {
	const id = unique();
	const account = { name: `Test Person ${id}`, email: `person-${id}@noorderlicht.example`, password: `correct horse ${id}` };
	await invite(adminPage, account);
	const page = await openPage();
	await acceptInvitation(page, await invitationLink(adminPage, account.email), account.password);
	await page.context().close();
	return account;
}
