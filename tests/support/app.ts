import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import * as devalue from 'devalue';
import { installDatabase, uninstallDatabase, type Database } from '../../src/lib/server/db';
import { createTestDatabase } from './database';

/**
 * Kring as a browser meets it, in this process: the built server (hooks, CSRF check, form
 * actions, rendering) answering real Requests, on this test file's own database.
 */
export interface TestApp {
	db: Database;
	origin: string;
	/** A browser without JavaScript: its own cookie jar, plain form posts. */
	client(options?: { ip?: string }): TestClient;
	respond(request: Request, ip?: string): Promise<Response>;
	close(): Promise<void>;
}

export const origin = 'http://localhost:5173';
export const demoPassword = 'kring-demo';

interface BuiltServer {
	init(options: { env: Record<string, string>; read?: (file: string) => ReadableStream }): Promise<void>;
	respond(request: Request, options: { getClientAddress(): string }): Promise<Response>;
}

/** `empty`: a new installation, before /setup. */
export async function startApp(options: { empty?: boolean } = {}): Promise<TestApp> {
	const database = await createTestDatabase({ snapshotPath: inject('snapshotPath'), templateName: inject('templateName'), empty: options.empty });
	installDatabase(database.handle);
	// Background jobs are driven by the tests that need them, not by timers; the demo comes from the snapshot.
	process.env.KRING_JOBS = '0';
	process.env.KRING_DEMO = '0';
	process.env.ORIGIN = origin;
	// Kit's server output, the same code adapter-node bundles into build/.
	const built = (file: string) => pathToFileURL(resolve('.svelte-kit/output/server', file)).href;
	const { Server } = (await import(/* @vite-ignore */ built('index.js'))) as { Server: new (manifest: unknown) => BuiltServer };
	const { manifest } = (await import(/* @vite-ignore */ built('manifest.js'))) as { manifest: unknown };
	const server = new Server(manifest);
	await server.init({ env: process.env as Record<string, string> });
	const app: TestApp = {
		db: database.handle.db,
		origin,
		respond: (request, ip = '192.0.2.1') => server.respond(request, { getClientAddress: () => ip }),
		client: (options) => new TestClient(app, options?.ip),
		async close() {
			uninstallDatabase();
			await database.dispose();
		}
	};
	return app;
}

export interface ActionResult {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status: number;
	location?: string;
	data?: Record<string, unknown>;
	error?: unknown;
}

export class TestClient {
	readonly cookies = new Map<string, string>();

	constructor(
		private readonly app: TestApp,
		private readonly ip = '192.0.2.1'
	) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		const response = await this.app.respond(new Request(new URL(path, this.app.origin), { ...init, headers, redirect: 'manual' }), this.ip);
		for (const cookie of response.headers.getSetCookie()) {
			const [pair, ...attributes] = cookie.split(';');
			const [name, ...value] = pair!.split('=');
			const expired = attributes.some((attribute) => /max-age=0|expires=thu, 01 jan 1970/i.test(attribute.trim()));
			if (expired) this.cookies.delete(name!.trim());
			else this.cookies.set(name!.trim(), value.join('='));
		}
		return response;
	}

	get(path: string): Promise<Response> {
		return this.request(path);
	}

	/** A plain HTML form post, as a browser without JavaScript sends it (same-origin). */
	post(path: string, fields: Record<string, string | string[]> | FormData, headers: Record<string, string> = {}): Promise<Response> {
		let body: URLSearchParams | FormData;
		if (fields instanceof FormData) body = fields;
		else {
			body = new URLSearchParams();
			for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
		}
		return this.request(path, { method: 'POST', body, headers: { origin: this.app.origin, ...headers } });
	}

	/** The same post as the enhanced form sends it, answered as data instead of a page. */
	async action(path: string, fields: Record<string, string | string[]> | FormData): Promise<ActionResult> {
		const response = await this.post(path, fields, { accept: 'application/json', 'x-sveltekit-action': 'true' });
		const result = (await response.json()) as { type: ActionResult['type']; status?: number; location?: string; data?: string; error?: unknown };
		// Errors carry their status on the response only.
		return { ...result, status: result.status ?? response.status, data: result.data ? (devalue.parse(result.data) as Record<string, unknown>) : undefined };
	}

	async signIn(email: string, password = demoPassword): Promise<this> {
		const result = await this.action('/login', { email, password });
		if (result.type !== 'redirect') throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(result)}`);
		return this;
	}
}
