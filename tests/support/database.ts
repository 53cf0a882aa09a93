import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../../src/lib/server/db';

/**
 * A fresh database for one test file, already migrated and seeded with the demo organisation:
 * on real PostgreSQL (TEST_DATABASE_URL) a copy of the run's template database, otherwise an
 * in-memory PGlite loaded from the run's snapshot. Never shared, never mocked.
 */
export interface TestDatabase {
	handle: DatabaseHandle;
	/** Drops what `createTestDatabase` made. */
	dispose(): Promise<void>;
}

export function serverUrl(): string | undefined {
	return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
	const next = new URL(url);
	next.pathname = `/${database}`;
	return next.toString();
}

export interface ServerDatabase {
	name: string;
	/** DATABASE_URL for the new database. */
	url: string;
	drop(): Promise<void>;
}

/** Runs one statement on the server's maintenance connection (create and drop database). */
async function onServer(url: string, statement: string): Promise<void> {
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(statement);
	} finally {
		await admin.end();
	}
}

/** A new database with a random name on the PostgreSQL server at `url`, empty or copied from a template. */
export async function createServerDatabase(url: string, prefix: string, template?: string): Promise<ServerDatabase> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	await onServer(url, `create database "${name}"${template ? ` template "${template}"` : ''}`);
	return { name, url: withDatabase(url, name), drop: () => onServer(url, `drop database if exists "${name}" with (force)`) };
}

/** `empty`: migrated but without an organisation, as a new installation meets it. */
export async function createTestDatabase(source: { snapshotPath?: string; templateName?: string; empty?: boolean }): Promise<TestDatabase> {
	const url = serverUrl();
	if (url && (source.templateName || source.empty)) {
		const database = await createServerDatabase(url, 'kring_test', source.empty ? undefined : source.templateName);
		const handle = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
		if (source.empty) await migrateDatabase(handle);
		return {
			handle,
			async dispose() {
				await handle.close();
				await database.drop();
			}
		};
	}
	if (source.empty) {
		const handle = await openDatabase({ dataDir: 'memory://' });
		await migrateDatabase(handle);
		return { handle, dispose: () => handle.close() };
	}
	if (!source.snapshotPath) throw new Error('The global setup made no database snapshot.');
	const snapshot = new Blob([await readFile(source.snapshotPath)]);
	const handle = await openDatabase({ dataDir: 'memory://', loadDataDir: snapshot });
	return { handle, dispose: () => handle.close() };
}
