// `npm run db:migrate`: applies the committed migrations in drizzle/ to DATABASE_URL (or to the
// embedded database in KRING_DATA_DIR when it is unset; stop Kring first, one process per directory).
import { readConfig } from '../lib/server/config';
import { migrateDatabase, openDatabase } from '../lib/server/db';

const config = readConfig();
const handle = await openDatabase(config);
try {
	await migrateDatabase(handle);
	console.log(`Migrations applied to ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir}.`);
} finally {
	await handle.close();
}
