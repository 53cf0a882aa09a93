import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { getTableName, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgSelect, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { PGlite as EmbeddedClient } from '@electric-sql/pglite';
import * as schema from './schema';

/** One database type for both drivers: the rest of the code never knows which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** What a domain function runs its queries on: the database, or the transaction it is part of. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
	db: Database;
	/** Where migrations run, when that is not `db` (see `preparing`). */
	migrationDb?: Database;
	driver: 'postgres' | 'pglite';
	/** The connection string, for real PostgreSQL (pg-boss opens its own small pool with it). */
	url?: string;
	/** For pg-boss: run raw SQL on this database. */
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
	/** Embedded only: the whole data directory, to start other databases from (test snapshots). */
	dump?: () => Promise<Blob>;
	/** Serialises start-up work (migrations) across instances. */
	withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/**
 * The handle lives on globalThis, not in a module variable, so that the built server and a test
 * runner that loads it in the same process share one database (the embedded one has no port).
 */
const slot = Symbol.for('kring.database');
type Slot = { [slot]?: DatabaseHandle };

export function installDatabase(handle: DatabaseHandle): void {
	(globalThis as Slot)[slot] = handle;
}

export function installedDatabase(): DatabaseHandle | undefined {
	return (globalThis as Slot)[slot];
}

export function uninstallDatabase(): void {
	delete (globalThis as Slot)[slot];
}

/**
 * Catches the database itself (not the `tx`) used from inside a transaction. Such a query waits
 * for a second connection while its transaction holds one: once as many requests are inside
 * transactions as the pool has connections, each waits for ever (the embedded database, with one
 * connection, waits at once). A cached read counts too: it reaches the database whenever it has
 * expired. The vitest suites turn this on (KRING_TRANSACTION_GUARD=1); production leaves it off, as it
 * would cost an async hook on every promise. On globalThis, like the handle: the built server and
 * the tests that open the database are separate copies of this module.
 */
const guardSlot = Symbol.for('kring.transaction-guard');
type GuardSlot = { [guardSlot]?: AsyncLocalStorage<true> };
const transactionScope = process.env.KRING_TRANSACTION_GUARD === '1' ? ((globalThis as GuardSlot)[guardSlot] ??= new AsyncLocalStorage<true>()) : undefined;

export function assertOutsideTransaction(what: string): void {
	if (transactionScope?.getStore()) throw new Error(`${what} inside a transaction: hand it the transaction (tx), or read it before the transaction begins.`);
}

/** Runs a transaction's body where `assertOutsideTransaction` sees it (when the guard is on). */
function inTransaction<T>(body: () => T): T {
	return transactionScope ? transactionScope.run(true, body) : body();
}

function current(): Database {
	const handle = installedDatabase();
	if (!handle) throw new Error('No database: the server has not finished starting.');
	return handle.db;
}

/** The installed database. Domain modules import this; inside a transaction use the `tx` instead. */
export const db: Database = new Proxy({} as Database, {
	get(_target, property) {
		const target = current();
		const value = Reflect.get(target, property, target);
		return typeof value === 'function' ? value.bind(target) : value;
	}
});

/**
 * A query drizzle builds once per database and then runs with placeholders (`sql.placeholder`):
 * building a select costs more CPU than the database spends answering a small one, and the
 * queries every request runs add that up.
 */
export function prepared<T>(build: (database: Database) => T): () => T {
	const query = preparedShapes(() => '', build);
	return () => query(undefined);
}

/**
 * `prepared` for a query with a few shapes (say, what the viewer may see and which parts are
 * asked for): one built query per database and shape. `keyOf` must name everything `build` reads
 * from the shape, or one shape's query would answer for another.
 */
export function preparedShapes<S, T>(keyOf: (shape: S) => string, build: (database: Database, shape: S) => T): (shape: S) => T {
	const built = new WeakMap<Database, Map<string, T>>();
	return (shape) => {
		const database = current();
		let shapes = built.get(database);
		if (!shapes) built.set(database, (shapes = new Map()));
		const key = keyOf(shape);
		let query = shapes.get(key);
		if (!query) shapes.set(key, (query = build(database, shape)));
		return query;
	};
}

/**
 * An outer column in a correlated subquery, always with its table's name. drizzle writes the fields
 * of a select from one table without table names, subqueries among them, and so in
 * `(select count(*) from knowledge_post where space_id = id)` the `id` meant for the space would be
 * the post's own: every count would be of nothing.
 */
export function outer(column: PgColumn): SQL {
	return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/**
 * A bound id the planner cannot look into: `(select $1::uuid)`. PostgreSQL keeps a prepared
 * statement's one plan only while no plan made for the values at hand looks cheaper; where the
 * value moves nothing but estimates (a team of 8 or of 1,800, walked through the same index), it
 * would plan every execution anew. Hidden, every execution costs the same and the one plan stays.
 */
export function unplannedId(value: Placeholder): SQL {
	return sql`(select ${value}::uuid)`;
}

/**
 * A count written into the statement rather than bound, for the limits of queries built once.
 * With `limit $1` PostgreSQL assumes a tenth of the rows, finds any plan it could keep too costly
 * and plans every execution anew (0.1–0.4 ms a query here); written in, one plan serves them all.
 * Offsets stay bound past the first page: written in, each page would be a statement of its own.
 */
export function literalCount(count: number): number {
	if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
	// drizzle's builders take an object (a placeholder) where they take a number, and write SQL in as it is.
	return sql.raw(String(count)) as unknown as number;
}

/**
 * One of a fixed set of words written into the statement as a literal, for the same reason: bound,
 * a generic plan cannot see how many rows it picks (an alumni filter on a shared field was planned
 * for one row and read thousands by index lookups, twice as slow). Only words from `allowed`.
 */
export function literalWord<T extends string>(word: T, allowed: readonly T[]): SQL {
	if (!allowed.includes(word) || !/^[A-Za-z_]+$/.test(word)) throw new RangeError(`Not an allowed word: ${word}`);
	return sql.raw(`'${word}'`);
}

/**
 * A page of a built query (`.$dynamic()`): the size written in, and no offset on the first page
 * (`literalCount`). A query built once passes 0 for its first page and a placeholder for the rest.
 */
export function paged<T extends PgSelect>(query: T, pageSize: number, offset: number | Placeholder): T {
	const limited = query.limit(literalCount(pageSize));
	return offset === 0 ? limited : limited.offset(offset);
}

/**
 * A list's page and its total in a query built once (`preparedShapes`): the page of `ordered`
 * (`paged`; past the first page the offset is the placeholder `offset`) and `count`, prepared as
 * `<name>_page` and `<name>_total`.
 */
export function preparedPage<P extends PgSelect, C extends PgSelect>(name: string, ordered: P, count: C, pageSize: number, firstPage: boolean) {
	return {
		rows: paged(ordered, pageSize, firstPage ? 0 : sql.placeholder('offset')).prepare(`${name}_page`) as ReturnType<P['prepare']>,
		total: count.prepare(`${name}_total`) as ReturnType<C['prepare']>
	};
}

/** The same for a page in raw SQL: the size written in, and no offset on the first page (`literalCount`). */
export function pageClause(page: number, pageSize: number): SQL {
	const offset = (page - 1) * pageSize;
	return offset > 0 ? sql`limit ${literalCount(pageSize)} offset ${offset}` : sql`limit ${literalCount(pageSize)}`;
}

export interface DatabaseOptions {
	databaseUrl?: string;
	dataDir: string;
	/** Embedded only: start from a saved data directory (tests start from a seeded snapshot). */
	loadDataDir?: Blob;
}

/**
 * drizzle sends a statement it was not asked to name unprepared, so PostgreSQL parses and plans it
 * anew on every request: for our small queries that is most of their cost (planning a search over
 * the people table took 1.6 ms, running it 3 ms). Through this client every statement is prepared
 * once per connection (postgres.js keys them by text), and PostgreSQL keeps a generic plan where
 * one serves every value, or plans for the values where they matter.
 */
function preparing(client: Sql, pool = true): Sql {
	return new Proxy(client, {
		get(target, property) {
			if (property === 'unsafe') {
				// `simple` (untyped, but read by postgres.js) keeps statements without parameters on the
				// extended protocol too, the only one that prepares.
				return (query: string, parameters?: never[], queryOptions?: Record<string, unknown>) => {
					if (pool) assertOutsideTransaction('A query on the pool');
					return target.unsafe(query, parameters, { ...queryOptions, prepare: true, simple: false } as { prepare: boolean });
				};
			}
			// A transaction runs on its own connection's client: prepare there too.
			if (property === 'begin') {
				return (...args: unknown[]) => {
					if (pool) assertOutsideTransaction('A transaction on the pool');
					const callback = args.pop() as (transaction: Sql) => unknown;
					return (target.begin as (...rest: unknown[]) => unknown)(...args, (transaction: Sql) => inTransaction(() => callback(preparing(transaction, false))));
				};
			}
			if (property === 'savepoint') {
				return (...args: unknown[]) => {
					const callback = args.pop() as (transaction: Sql) => unknown;
					return ((target as unknown as { savepoint: (...rest: unknown[]) => unknown }).savepoint)(...args, (transaction: Sql) => callback(preparing(transaction, false)));
				};
			}
			const value = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	if (options.databaseUrl) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const client = postgres(options.databaseUrl, {
			max: Number(process.env.DATABASE_POOL_SIZE) || 10,
			onnotice: () => {}
		});
		return {
			db: drizzle(preparing(client), { schema }) as unknown as Database,
			// Migration files hold several statements in one text, which only the simple protocol takes.
			migrationDb: drizzle(client, { schema }) as unknown as Database,
			driver: 'postgres',
			url: options.databaseUrl,
			async executeSql(text, values) {
				const rows = await client.unsafe(text, (values ?? []) as never[]);
				return { rows: [...rows] };
			},
			async withLock(name, fn) {
				const reserved = await client.reserve();
				try {
					await reserved`select pg_advisory_lock(hashtext(${name}))`;
					return await fn();
				} finally {
					await reserved`select pg_advisory_unlock(hashtext(${name}))`.catch(() => {});
					reserved.release();
				}
			},
			close: () => client.end({ timeout: 5 })
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const inMemory = options.dataDir.startsWith('memory://');
	// PGlite does not create parent directories itself.
	if (!inMemory) await mkdir(resolve(options.dataDir), { recursive: true });
	const client = new PGlite(inMemory ? options.dataDir : resolve(options.dataDir), { loadDataDir: options.loadDataDir });
	await client.waitReady;
	return {
		db: drizzle({ client: transactionScope ? guarded(client) : client, schema }) as unknown as Database,
		driver: 'pglite',
		async executeSql(text, values) {
			if (values && values.length > 0) return client.query(text, values);
			// pg-boss sends multi-statement scripts without parameters; only exec() accepts those.
			const results = await client.exec(text);
			return { rows: results.at(-1)?.rows ?? [] };
		},
		dump: async () => (await client.dumpDataDir('gzip')) as Blob,
		// One process owns an embedded database: there is nobody to race.
		withLock: (_name, fn) => fn(),
		close: () => client.close()
	};
}

/** The embedded client as drizzle sees it (it calls only `query` and `transaction`), for `assertOutsideTransaction`: its own queries checked, its transactions' marked. */
function guarded(client: EmbeddedClient): EmbeddedClient {
	return new Proxy(client, {
		get(target, property) {
			const value = Reflect.get(target, property, target);
			if (property === 'query') {
				return (...args: unknown[]) => {
					assertOutsideTransaction('A query on the database');
					return (value as (...rest: unknown[]) => unknown).apply(target, args);
				};
			}
			if (property === 'transaction') {
				return (callback: (transaction: unknown) => unknown) => {
					assertOutsideTransaction('A transaction on the database');
					return target.transaction((transaction) => inTransaction(() => callback(transaction)) as never);
				};
			}
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

export function migrationsFolder(): string {
	return resolve(process.env.KRING_MIGRATIONS_DIR || 'drizzle');
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	const migrationsFolderPath = migrationsFolder();
	await handle.withLock('kring:migrate', async () => {
		if (handle.driver === 'postgres') {
			const { migrate } = await import('drizzle-orm/postgres-js/migrator');
			await migrate((handle.migrationDb ?? handle.db) as never, { migrationsFolder: migrationsFolderPath });
		} else {
			const { migrate } = await import('drizzle-orm/pglite/migrator');
			await migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
		}
	});
}

/**
 * Raw SQL for what the query builder cannot say (recursive CTEs). The drivers return rows in
 * different shapes; this is the one place that knows. Cast counts to int and dates to text in SQL.
 */
export async function rawRows<T>(executor: Executor, query: SQL): Promise<T[]> {
	const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
	return Array.isArray(result) ? result : result.rows;
}

/**
 * Some of a subquery's columns, by the names it selected them under: for an outer query that
 * selects them again beside what it joins (a page chosen first, then joined to its people).
 */
export function fieldsOf<T extends object, const K extends keyof T>(subquery: T, keys: readonly K[]): Pick<T, K> {
	return Object.fromEntries(keys.map((key) => [key, subquery[key]])) as Pick<T, K>;
}

/** Whether a route parameter can be one of our ids; anything else is a plain 404, not a query error. */
export function isId(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A cheap round trip: the health check, and the benchmark's floor. */
export async function ping(): Promise<boolean> {
	const rows = await rawRows<{ ok: number }>(db, sql`select 1 as ok`);
	return rows[0]?.ok === 1;
}
