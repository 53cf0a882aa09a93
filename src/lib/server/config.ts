/**
 * Configuration from the environment, read in one place. Plain `process.env` rather than
 * `$env/dynamic/private` so the command-line scripts (migrate, bench) share this module.
 */
export interface Config {
	/** Real PostgreSQL through postgres.js when set; embedded PGlite otherwise. */
	databaseUrl: string | undefined;
	/** PGlite data directory, or `memory://` for a throw-away database. */
	dataDir: string;
	/** Seed the demo organisation into an empty database. */
	demo: boolean;
	/** Deliver the outbox through this SMTP server; without it mail is kept for `/admin/outbox`. */
	smtpUrl: string | undefined;
	mailFrom: string;
	/** Run background job workers in this process (web-only instances set KRING_JOBS=0). */
	jobs: boolean;
	/** Public address, used in links in emails. */
	origin: string;
}

function flag(value: string | undefined, fallback: boolean): boolean {
	if (value === undefined || value === '') return fallback;
	return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const databaseUrl = env.DATABASE_URL || undefined;
	return {
		databaseUrl,
		dataDir: env.KRING_DATA_DIR || './data',
		demo: flag(env.KRING_DEMO, !databaseUrl),
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Kring <kring@localhost>',
		jobs: flag(env.KRING_JOBS, true),
		origin: (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, '')
	};
}
