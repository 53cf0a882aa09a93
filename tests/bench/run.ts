// `npm run bench [-- --scale 1 --duration 10]`: seeds a large organisation (scale 1: 10k employees,
// 20k alumni) into a fresh database (a new database on DATABASE_URL's server, else an embedded
// PGlite directory), builds if needed, starts the production server and drives each route with
// autocannon as signed-in demo users. Prints req/s, p50, p99 and the ratio to the floor (/health,
// one `select 1`, measured in turns with each route), writes the same to tests/bench/results/, and
// removes server and database after.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildIfStale } from '../../src/cli/build.js';
import { migrateDatabase, openDatabase, rawRows, type DatabaseHandle, type DatabaseOptions } from '../../src/lib/server/db';
import { demoLogins, demoPassword, demoTimeZone, seedDemo, seedLargeOrganisation, type DemoRole } from '../../src/lib/server/demo';
import { seedLargeKnowledge } from '../../src/lib/server/knowledge/demo';
import { seedLargeFlex } from '../../src/lib/server/flex/demo';
import { todayIn } from '../../src/lib/server/flex';
import { addDays } from '../../src/lib/server/flex/engine';
import { seedLargeGrowth } from '../../src/lib/server/growth/demo';
import { seedLargeOpportunities } from '../../src/lib/server/opportunities/demo';
import { seedLargeAlumniNetwork } from '../../src/lib/server/alumni/demo';
import { seedLargePulse } from '../../src/lib/server/pulse/demo';
import { seedLargeVacancies } from '../../src/lib/server/vacancies/demo';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createServerDatabase, withDatabase } from '../support/database';
import { signIn, startServer } from './server';
import { cpuMeter, type CpuPerRequest, type CpuSnapshot } from './cpu';

const connections = 10;
/** Every route must reach this share of the floor's req/s, with p99 under `maxP99Ms`, at 10 connections. */
const minRatio = 0.6;
const maxP99Ms = 100;
/** Routes that time their own work (a `Server-Timing` header, e.g. search) must keep its p95 under this. */
const maxServerP95Ms = 30;
/**
 * A shared machine's speed changes from one second to the next (here by up to a third): each route
 * is measured in this many slices, each after a slice of the floor as long, and its ratio is to the
 * floor measured in between, so that both see the same machine.
 */
const slices = 5;

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '1' },
		duration: { type: 'string', default: '10' },
		only: { type: 'string' },
		keep: { type: 'boolean', default: false },
		reuse: { type: 'string' },
		profile: { type: 'boolean', default: false }
	}
});
const scale = Number(values.scale);
const duration = Number(values.duration);
/** Measure only the routes whose name contains this (and the floor, which the ratios need). */
const only = values.only;
/**
 * For working on one route: `--keep` leaves the seeded PostgreSQL database in place and `--reuse
 * <name>` measures on it again without seeding (what earlier runs' form posts added stays);
 * `--profile` writes the server's CPU profile (node --cpu-prof) to tests/bench/results/.
 */
const { keep, reuse, profile } = values;
if (!(scale > 0) || !(duration > 0)) {
	throw new Error('Usage: npm run bench -- [--scale 1] [--duration 10] [--only /search] [--keep | --reuse <database>] [--profile] (positive numbers)');
}
if ((keep || reuse) && !process.env.DATABASE_URL) throw new Error('--keep and --reuse need DATABASE_URL: an embedded database lives in a temporary directory.');
const resultsDirectory = join('tests', 'bench', 'results');

// Undone in reverse order, also on failure and Ctrl-C: the server stops before its database goes.
const undo: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
	for (const step of undo.splice(0).reverse()) await step().catch((error: unknown) => console.error('Clean-up:', error));
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

async function freshDatabase(): Promise<{ driver: 'postgres' | 'pglite'; options: DatabaseOptions; env: Record<string, string>; local: boolean }> {
	const url = process.env.DATABASE_URL;
	if (url) {
		// PostgreSQL's processes are counted only when they run here.
		const host = new URL(url).hostname;
		const local = ['', 'localhost', '127.0.0.1', '[::1]'].includes(host);
		const database = reuse ? { name: reuse, url: withDatabase(url, reuse), drop: async () => {} } : await createServerDatabase(url, 'kring_bench');
		if (keep) console.log(`Keeping database ${database.name}: measure on it again with --reuse ${database.name}.`);
		else if (!reuse) undo.push(database.drop);
		return { driver: 'postgres', options: { databaseUrl: database.url, dataDir: 'memory://' }, env: { DATABASE_URL: database.url }, local };
	}
	const directory = await mkdtemp(join(tmpdir(), 'kring-bench-'));
	undo.push(() => rm(directory, { recursive: true, force: true }));
	const dataDir = join(directory, 'data');
	return { driver: 'pglite', options: { dataDir }, env: { KRING_DATA_DIR: dataDir }, local: false };
}

async function seedAll(handle: DatabaseHandle): Promise<void> {
	await migrateDatabase(handle);
	const passwordHash = await hashPassword(demoPassword);
	await handle.db.transaction(async (tx) => {
		await seedDemo(tx, { passwordHash });
		await seedLargeOrganisation(tx, { passwordHash, employees: Math.round(10_000 * scale), alumni: Math.round(20_000 * scale) });
		await seedLargeKnowledge(tx, { count: Math.round(100_000 * scale) });
		await seedLargeFlex(tx, { timeZone: demoTimeZone });
		await seedLargeGrowth(tx);
		await seedLargeOpportunities(tx, { count: Math.round(5_000 * scale) });
		await seedLargeAlumniNetwork(tx);
		await seedLargePulse(tx);
		await seedLargeVacancies(tx, { count: Math.round(5_000 * scale) });
	});
	// Statistics and visibility map as autovacuum leaves them on a database that has been up a while.
	await handle.executeSql('vacuum analyze');
}

/** Seeds and settles the database (unless reused), and picks what the routes ask for. Closed again: one process per PGlite directory. */
async function seed(options: DatabaseOptions): Promise<{ personIds: string[]; commonName: string; postIds: string[]; xlaServicePath: string }> {
	const handle = await openDatabase(options);
	try {
		if (!reuse) await seedAll(handle);
		// Random-looking but the same people every run (the ids themselves are random).
		const people = await rawRows<{ id: string }>(
			handle.db,
			sql`select id from person where kind = 'employee' and status = 'active' order by md5(email) limit 200`
		);
		const [common] = await rawRows<{ name: string }>(
			handle.db,
			sql`select split_part(name, ' ', 1) as name from person group by 1 order by count(*) desc, 1 limit 1`
		);
		const posts = await rawRows<{ id: string }>(
			handle.db,
			sql`select p.id from knowledge_post p join knowledge_space s on s.id = p.space_id where s.audience = 'employees' order by md5(p.title || p.id::text) limit 200`
		);
		const [rated] = await rawRows<{ id: string }>(handle.db, sql`select service_id as id from xla_measure where source = 'rating' limit 1`);
		return { personIds: people.map((row) => row.id), commonName: common?.name ?? 'Jan', postIds: posts.map((row) => row.id), xlaServicePath: `/xla/${rated!.id}` };
	} finally {
		await handle.close();
	}
}

interface Route {
	name: string;
	as: DemoRole;
	paths: string[];
	/** A form post, as the enhanced form sends it (answered 200 with the action's result). */
	form?: Record<string, string | string[]>;
}

interface Figures {
	route: string;
	as: DemoRole;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** The p95 of the route's own `Server-Timing` durations, when it sends them. */
	serverP95Ms: number | null;
	non2xx: number;
	errors: number;
	/** Per request: the server's thread on a core and waiting for one, and PostgreSQL on this machine (see cpu.ts). */
	cpu: CpuPerRequest | null;
	/** The floor's req/s measured in the slices between this route's, which the ratio is to. */
	floorRequestsPerSecond: number;
	ratioToFloor: number;
	meetsTarget: boolean;
}

/** The body and headers of a form post sent by use:enhance: same origin, answered as JSON. */
function formPost(origin: string, form: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
	return { method: 'POST' as const, body: body.toString(), headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' } };
}

/** The sum of the durations in a `Server-Timing` header ("search;dur=12.3, …"), or null without one. */
function serverTiming(header: string | undefined): number | null {
	const durations = [...(header ?? '').matchAll(/dur=([\d.]+)/g)].map((match) => Number(match[1]));
	return durations.length ? durations.reduce((sum, duration) => sum + duration, 0) : null;
}

function percentile(values: number[], share: number): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** What one run of autocannon measured. */
interface Sample {
	requests: number;
	seconds: number;
	/** Each response's latency, ms. */
	latencies: number[];
	serverTimings: number[];
	non2xx: number;
	errors: number;
}

/**
 * autocannon at `connections` for `seconds`, cycling through the paths (or posting the route's
 * form to them); also the server's own timings of each response, where it sends them.
 */
async function load(origin: string, cookie: string, route: Route, seconds: number): Promise<Sample> {
	let next = 0;
	const latencies: number[] = [];
	const serverTimings: number[] = [];
	const post = route.form && formPost(origin, route.form);
	const options: autocannon.Options = {
		url: origin,
		connections,
		duration: seconds,
		method: post?.method ?? 'GET',
		body: post?.body,
		headers: { cookie, accept: 'text/html', ...post?.headers },
		requests: [
			{
				setupRequest: (request) => ({ ...request, path: route.paths[next++ % route.paths.length] }),
				onResponse: (_status, _body, _context, headers) => {
					const timing = serverTiming((headers as Record<string, string> | undefined)?.['server-timing']);
					if (timing !== null) serverTimings.push(timing);
				}
			}
		]
	};
	// Each response's own latency, so that slices add up to one distribution.
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const run = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
		run.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
	});
	return { requests: result.requests.total, seconds: result.duration, latencies, serverTimings, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/** Several samples as one. */
function combined(samples: readonly Sample[]): Sample {
	return {
		requests: samples.reduce((sum, sample) => sum + sample.requests, 0),
		seconds: samples.reduce((sum, sample) => sum + sample.seconds, 0),
		latencies: samples.flatMap((sample) => sample.latencies),
		serverTimings: samples.flatMap((sample) => sample.serverTimings),
		non2xx: samples.reduce((sum, sample) => sum + sample.non2xx, 0),
		errors: samples.reduce((sum, sample) => sum + sample.errors, 0)
	};
}

function gitCommit(): string | null {
	const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : null;
}

function printTable(figures: Figures[]): void {
	const ms = (value: number | null | undefined) => (value === null || value === undefined ? '' : value.toFixed(2));
	const rows = [
		['route', 'as', 'req/s', 'p50 ms', 'p99 ms', 'server p95 ms', 'non-2xx', 'errors', 'thread ms', 'waited ms', 'db ms', 'floor req/s', '× floor', 'target'],
		...figures.map((f) => [
			f.route,
			f.as,
			f.requestsPerSecond.toFixed(0),
			f.p50Ms.toFixed(0),
			f.p99Ms.toFixed(0),
			f.serverP95Ms === null ? '' : f.serverP95Ms.toFixed(1),
			String(f.non2xx),
			String(f.errors),
			ms(f.cpu?.threadMs),
			ms(f.cpu?.waitedMs),
			ms(f.cpu?.databaseMs),
			f.floorRequestsPerSecond.toFixed(0),
			f.ratioToFloor.toFixed(2),
			f.meetsTarget ? 'ok' : 'MISSED'
		])
	];
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	for (const row of rows) console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
	console.log('(per request: thread = the server\'s JavaScript thread on a core, waited = that thread ready but without one, db = PostgreSQL on this machine)');
}

async function main(): Promise<void> {
	const started = Date.now();
	const database = await freshDatabase();
	if (!reuse) console.log(`Seeding ${Math.round(10_000 * scale)} employees and ${Math.round(20_000 * scale)} alumni into a fresh ${database.driver} database…`);
	const { personIds, commonName, postIds, xlaServicePath } = await seed(database.options);
	buildIfStale();
	const server = await startServer(database.env, profile ? ['--cpu-prof', `--cpu-prof-dir=${resultsDirectory}`] : []);
	undo.push(server.stop);
	const meter = cpuMeter(server.pid, database.local);

	const email = (role: DemoRole) => demoLogins.find((login) => login.role === role)!.email;
	// Far enough ahead for the bounds' notice.
	const requestDay = addDays(todayIn(demoTimeZone), 30);
	const cookies = new Map<DemoRole, string>();
	for (const role of ['employee', 'manager', 'hr', 'alumni'] as const) cookies.set(role, await signIn(server.origin, email(role), demoPassword));

	const routes: Route[] = [
		// The floor: the smallest signed-in page, one `select 1` (see src/routes/health).
		{ name: '/health (floor)', as: 'employee', paths: ['/health'] },
		{ name: '/', as: 'employee', paths: ['/'] },
		{ name: '/', as: 'manager', paths: ['/'] },
		{ name: '/', as: 'hr', paths: ['/'] },
		{ name: `/admin/people?q=${commonName.toLowerCase()}`, as: 'hr', paths: [`/admin/people?q=${encodeURIComponent(commonName.toLowerCase())}`] },
		{ name: `/people/[id] (${personIds.length} people)`, as: 'employee', paths: personIds.map((id) => `/people/${id}`) },
		{ name: '/knowledge', as: 'employee', paths: ['/knowledge'] },
		// Alumni read a filtered share of the spaces: the feed walks further to fill a page.
		{ name: '/knowledge', as: 'alumni', paths: ['/knowledge'] },
		{ name: `/knowledge/posts/[id] (${postIds.length} posts)`, as: 'employee', paths: postIds.map((id) => `/knowledge/posts/${id}`) },
		// A common word, a rare one, several words, and a filter: each has its own plan.
		{ name: '/search?q=kubernetes', as: 'employee', paths: ['/search?q=kubernetes'] },
		{ name: '/search?q=quasar (no match)', as: 'employee', paths: ['/search?q=quasar'] },
		{ name: '/search?q=… (words, filters)', as: 'alumni', paths: ['/search?q=mentoring+career', '/search?q=begin+klein&answered=yes', '/search?tag=testing'] },
		{ name: '/flex', as: 'employee', paths: ['/flex'] },
		{ name: '/flex/team', as: 'manager', paths: ['/flex/team'] },
		{ name: '/insights/flex', as: 'hr', paths: ['/insights/flex'] },
		// Own plans, and a manager's list of the plans a large team shared with them.
		{ name: '/growth', as: 'employee', paths: ['/growth'] },
		{ name: '/growth', as: 'manager', paths: ['/growth'] },
		// 5k opportunities: "recommended for you" ranks every open one asking a skill of mine (kept 30 s
		// per person), beside a page of all open ones with their count; alumni see a filtered share.
		{ name: '/opportunities', as: 'employee', paths: ['/opportunities'] },
		{ name: '/opportunities', as: 'alumni', paths: ['/opportunities'] },
		// Twelve closed rounds of the demo's pulse, asked of all 10k employees; results come from per-unit tallies, so their cost follows units × rounds, not head count.
		{ name: '/pulse/results', as: 'hr', paths: ['/pulse/results'] },
		// Every unit's signals: the pulse's results, flex figures, a year of leavers and every growth plan's last check-in.
		{ name: '/insights', as: 'hr', paths: ['/insights'] },
		// Five services, their computed measures (flex decisions, ratings) included.
		{ name: '/xla', as: 'employee', paths: ['/xla'] },
		{ name: '/xla/[id] (rated service)', as: 'employee', paths: [xlaServicePath] },
		{ name: `/alumni/directory?q=${commonName.toLowerCase()}`, as: 'employee', paths: [`/alumni/directory?q=${encodeURIComponent(commonName.toLowerCase())}`] },
		{ name: '/alumni/directory', as: 'employee', paths: ['/alumni/directory'] },
		// Filters on shared fields: each a condition on the sharing choice beside the value, so none has an index of its own.
		{ name: '/alumni/directory?… (filters)', as: 'alumni', paths: ['/alumni/directory?openTo=mentoring&minYears=2', '/alumni/directory?role=engineer&location=a', `/alumni/directory?q=${encodeURIComponent(commonName.toLowerCase())}&employer=a`] },
		{ name: '/events', as: 'alumni', paths: ['/events'] },
		{ name: '/admin/offboarding/survey', as: 'hr', paths: ['/admin/offboarding/survey'] },
		// Years of vacancies, most closed: each reader's page walks the newest open ones it may see.
		{ name: '/jobs', as: 'employee', paths: ['/jobs', '/jobs?page=5'] },
		{ name: '/jobs', as: 'alumni', paths: ['/jobs'] },
		{ name: '/jobs/referrals', as: 'hr', paths: ['/jobs/referrals'] },
		// Writes come last, so that what they add changes no page measured before. Inside the bounds:
		// working hours, approved by policy at once. Beyond them: four remote days, checked against the
		// team rule under the unit's lock, and sent to the manager. Both write the audit log and a mail.
		{ name: 'POST /flex?/request (inside)', as: 'employee', paths: ['/flex?/request'], form: { type: 'hours', start: '08:00', end: '16:30', startsOn: requestDay, endsOn: '', reviewOn: '', note: '' } },
		{ name: 'POST /flex?/request (beyond)', as: 'employee', paths: ['/flex?/request'], form: { type: 'remote', days: ['1', '2', '3', '4'], startsOn: requestDay, endsOn: '', reviewOn: '', note: '' } }
	];

	const figures: Figures[] = [];
	for (const route of routes.filter((route, index) => index === 0 || !only || route.name.includes(only))) {
		const cookie = cookies.get(route.as)!;
		// A route that redirects to the login page or fails (a form refused) would measure the wrong thing.
		const post = route.form && formPost(server.origin, route.form);
		const probe = await fetch(server.origin + route.paths[0], { ...post, headers: { cookie, ...post?.headers }, redirect: 'manual' });
		if (probe.status !== 200) throw new Error(`${route.paths[0]} as ${route.as} answered ${probe.status}, not 200.`);
		if (post && ((await probe.json()) as { type: string }).type !== 'redirect') throw new Error(`${route.name} was refused.`);
		const floorRoute = routes[0]!;
		const isFloor = route === floorRoute;
		const slice = duration / slices;
		await load(server.origin, cookie, route, Math.min(2, duration)); // warm-up, not counted
		const floorSamples: Sample[] = [];
		const routeSamples: Sample[] = [];
		const intervals: [CpuSnapshot | null, CpuSnapshot | null][] = [];
		for (let index = 0; index < slices; index++) {
			if (!isFloor) floorSamples.push(await load(server.origin, cookies.get(floorRoute.as)!, floorRoute, slice));
			const before = meter.snapshot();
			routeSamples.push(await load(server.origin, cookie, route, slice));
			intervals.push([before, meter.snapshot()]);
		}
		const result = combined(routeSamples);
		const requestsPerSecond = result.requests / result.seconds;
		const floor = isFloor ? result : combined(floorSamples);
		const floorRequestsPerSecond = floor.requests / floor.seconds;
		const ratioToFloor = requestsPerSecond / floorRequestsPerSecond;
		const tenth = (value: number | null) => Math.round((value ?? 0) * 10) / 10;
		const p99Ms = tenth(percentile(result.latencies, 0.99));
		const serverP95Ms = percentile(result.serverTimings, 0.95);
		figures.push({
			route: route.name,
			as: route.as,
			requestsPerSecond,
			p50Ms: tenth(percentile(result.latencies, 0.5)),
			p99Ms,
			serverP95Ms,
			non2xx: result.non2xx,
			errors: result.errors,
			cpu: meter.perRequest(intervals, result.requests),
			floorRequestsPerSecond,
			ratioToFloor,
			meetsTarget: ratioToFloor >= minRatio && p99Ms < maxP99Ms && (serverP95Ms === null || serverP95Ms < maxServerP95Ms) && result.non2xx === 0 && result.errors === 0
		});
		console.log(`  ${route.name} as ${route.as}: ${requestsPerSecond.toFixed(0)} req/s (the floor meanwhile: ${floorRequestsPerSecond.toFixed(0)})`);
	}


	console.log(`\n${database.driver}, scale ${scale}, ${connections} connections, ${duration} s per route:`);
	printTable(figures);
	const report = {
		at: new Date().toISOString(),
		commit: gitCommit(),
		driver: database.driver,
		scale,
		durationSeconds: duration,
		connections,
		target: { minRatio, maxP99Ms, maxServerP95Ms },
		routes: figures
	};
	await mkdir(resultsDirectory, { recursive: true });
	const file = join(resultsDirectory, `${report.at.replace(/[:.]/g, '-')}-${database.driver}.json`);
	await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
	console.log(`\nWritten to ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
}

try {
	await main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await cleanUp();
}
