import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase, installDatabase, uninstallDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/demo';
import { createServerDatabase, serverUrl } from './database';

declare module 'vitest' {
	export interface ProvidedContext {
		snapshotPath?: string;
		templateName?: string;
	}
}

/**
 * Once per run: migrate and seed the demo organisation, then keep it as the starting point every
 * test file copies (a PGlite snapshot, or a PostgreSQL template database).
 */
export default async function setup(project: TestProject) {
	if (!existsSync('.svelte-kit/output/server/index.js')) throw new Error('No build: run `npm run build` first (npm test does).');
	const url = serverUrl();
	if (url) {
		const template = await createServerDatabase(url, 'kring_template');
		const handle = await openDatabase({ databaseUrl: template.url, dataDir: 'memory://' });
		await seed(handle);
		await handle.close();
		project.provide('templateName', template.name);
		return () => template.drop();
	}
	const directory = await mkdtemp(join(tmpdir(), 'kring-test-'));
	const snapshotPath = join(directory, 'snapshot.tar.gz');
	const handle = await openDatabase({ dataDir: 'memory://' });
	await seed(handle);
	const dump = await handle.dump!();
	await writeFile(snapshotPath, Buffer.from(await dump.arrayBuffer()));
	await handle.close();
	project.provide('snapshotPath', snapshotPath);
	return () => rm(directory, { recursive: true, force: true });
}

async function seed(handle: Awaited<ReturnType<typeof openDatabase>>) {
	await migrateDatabase(handle);
	installDatabase(handle);
	try {
		await handle.db.transaction((tx) => seedDemo(tx));
	} finally {
		uninstallDatabase();
	}
}
