// `npm test`: type check, build, the vitest suites (unit + integration), then the Playwright suite
// when a Chromium is present, all on the embedded database. Ends with one line "N passed, N failed";
// KRING_TEST_SUMMARY=<file> also writes the counts as JSON for .ci/run to add up.
// `node tests/run.js --database-url <url>` (.ci/run): the integration suite again, on the real
// PostgreSQL database at <url>, using the build `npm test` made. The browser suite runs once, in
// `npm test`: it tests pages and flows, and what differs between the databases is the integration
// suite's to find (twice would also take CI past its 15 minutes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = join(tmpdir(), `kring-test-${process.pid}`);
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0 };

/** @param {string} title @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

/** @param {string} title @param {boolean} ok @param {number} passed @param {number} failed */
function count(title, ok, passed, failed) {
	totals.passed += passed;
	totals.failed += failed;
	if (!ok && failed === 0) totals.failed += 1; // the suite broke before it could report
	console.log(`  ${title}: ${passed} passed, ${failed} failed`);
}

/** @param {string} file @returns {any} */
function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

const urlFlag = process.argv.indexOf('--database-url');
const databaseUrl = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
if (urlFlag > 0 && !databaseUrl) throw new Error('--database-url needs a PostgreSQL connection string');
const where = databaseUrl ? 'real PostgreSQL' : 'embedded database';

let built = existsSync('.svelte-kit/output/server/index.js') && existsSync('build/index.js');
if (!databaseUrl || !built) {
	const checked = run('Type check (svelte-check)', 'npm', ['run', '--silent', 'check']);
	count('svelte-check', checked, checked ? 1 : 0, checked ? 0 : 1);
	built = run('Build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
	count('build', built, built ? 1 : 0, built ? 0 : 1);
}

if (built) {
	const vitestFile = join(results, 'vitest.json');
	const vitestOk = run(
		`${databaseUrl ? 'Integration' : 'Unit and integration'} tests on the ${where} (vitest)`,
		'npx',
		['vitest', 'run', ...(databaseUrl ? ['tests/integration'] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`],
		databaseUrl ? { TEST_DATABASE_URL: databaseUrl } : {}
	);
	const vitest = readJson(vitestFile);
	count('vitest', vitestOk, vitest?.numPassedTests ?? 0, vitest?.numFailedTests ?? 0);

	const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (databaseUrl) {
		// The browser suite ran in `npm test` already: see the top of this file.
	} else if (existsSync(chromium)) {
		const playwrightFile = join(results, 'playwright.json');
		const playwrightOk = run('Browser tests on the embedded database (Playwright, Chromium)', 'npx', ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts'], {
			PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile
		});
		const stats = readJson(playwrightFile)?.stats;
		count('playwright', playwrightOk, stats?.expected ?? 0, (stats?.unexpected ?? 0) + (stats?.flaky ?? 0));
	} else {
		console.log(`\n▶ Browser tests skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
	}
}

rmSync(results, { recursive: true, force: true });
if (process.env.KRING_TEST_SUMMARY) writeFileSync(process.env.KRING_TEST_SUMMARY, JSON.stringify(totals));
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
