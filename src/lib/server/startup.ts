import { readConfig, type Config } from './config';
import { db, installDatabase, installedDatabase, migrateDatabase, openDatabase, uninstallDatabase } from './db';
import { isSetUp } from './organisation';
import { seedDemo } from './demo';
import { startJobs, stopJobs } from './jobs';

/**
 * Brings Kring up: database (unless one was installed already, as tests do), migrations, the demo
 * organisation on an empty database, background jobs.
 */
export async function startKring(config: Config = readConfig()): Promise<{ seeded: boolean; opened: boolean }> {
	let handle = installedDatabase();
	const opened = !handle;
	if (!handle) {
		handle = await openDatabase(config);
		await migrateDatabase(handle);
		installDatabase(handle);
	}
	let seeded = false;
	if (config.demo) {
		seeded = await handle.withLock('kring:seed', async () => {
			if (await isSetUp()) return false;
			await db.transaction((tx) => seedDemo(tx));
			return true;
		});
	}
	if (config.jobs) await startJobs(handle, config);
	return { seeded, opened };
}

export async function stopKring(): Promise<void> {
	await stopJobs();
	const handle = installedDatabase();
	uninstallDatabase();
	await handle?.close();
}
