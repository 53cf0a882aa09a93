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

/** `empty`: migrated but without an organisation, as a new installation meets it. */
export async function createTestDatabase(source: { snapshotPath?: string; templateName?: string; empty?: boolean }): Promise<TestDatabase> {
	const url = serverUrl();
	if (url && (source.templateName || source.empty)) {
		const name = `kring_test_${randomBytes(6).toString('hex')}`;
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(source.empty ? `create database "${name}"` : `create database "${name}" template "${source.templateName}"`);
		await admin.end();
		const handle = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: 'memory://' });
		if (source.empty) await migrateDatabase(handle);
		return {
			handle,
			async dispose() {
				await handle.close();
				const cleanup = postgres(url, { max: 1, onnotice: () => {} });
				await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
				await cleanup.end();
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
