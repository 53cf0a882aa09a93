import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes migrations from the schema; they are committed in drizzle/.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dbCredentials: { url: process.env.DATABASE_URL ?? '' }
});
