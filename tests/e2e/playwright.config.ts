import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://localhost:${port}`;

/**
 * The browser suite runs against the production build (`node build`) on a fresh embedded database
 * with the demo organisation, or on PostgreSQL when E2E_DATABASE_URL names a fresh database.
 */
export default defineConfig({
	testDir: '.',
	outputDir: 'results',
	// One server and database for all: two files at a time (each test makes its own people and
	// content), never a retry (a flaky test is a failure).
	workers: 2,
	retries: 0,
	// The longest flows (invite → outbox → accept → sign in, with axe on each page) take ~20 s alone
	// and over 30 s beside an axe sweep on the other worker.
	timeout: 60_000,
	reporter: [['list'], ['json']],
	use: {
		baseURL,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	},
	webServer: {
		command: 'node build',
		cwd: fileURLToPath(new URL('../../', import.meta.url)),
		url: `${baseURL}/health`,
		reuseExistingServer: false,
		timeout: 90_000,
		env: {
			PORT: String(port),
			ORIGIN: baseURL,
			KRING_DATA_DIR: 'memory://',
			KRING_DEMO: '1',
			...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {})
		}
	}
});
