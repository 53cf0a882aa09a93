import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The production server (`node build`) in a child process, as it runs in production. */
export interface RunningServer {
	origin: string;
	/** The server's process (for the bench's CPU figures). */
	pid: number;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	const probe = createServer().listen(0, '127.0.0.1');
	await once(probe, 'listening');
	const address = probe.address();
	probe.close();
	if (!address || typeof address === 'string') throw new Error('No free port.');
	return address.port;
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = once(child, 'exit');
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/** Starts `node build` with `env` (the database) and Node's `nodeArgs`, and waits until /health answers. */
export async function startServer(env: Record<string, string>, nodeArgs: string[] = [], timeoutMs = 90_000): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// The bench decides the database: never the caller's DATABASE_URL or data directory.
	const inherited = { ...process.env };
	delete inherited.DATABASE_URL;
	delete inherited.KRING_DATA_DIR;
	const child = spawn('node', [...nodeArgs, 'build'], {
		env: { ...inherited, PORT: String(port), ORIGIN: origin, KRING_DEMO: '0', KRING_JOBS: '0', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const server: RunningServer = { origin, pid: child.pid!, stop: () => stopProcess(child) };
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The server exited during start-up (code ${child.exitCode}).`);
		const response = await fetch(`${origin}/health`).catch(() => null);
		if (response?.ok) return server;
		await sleep(250);
	}
	await server.stop();
	throw new Error(`The server did not answer /health within ${timeoutMs / 1000} s.`);
}

/** Signs in through the real login form action; returns the Cookie header the session lives in. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
	if (response.status !== 303 || !cookies.some((cookie) => cookie?.includes('_session='))) {
		throw new Error(`Signing in as ${email} failed: HTTP ${response.status}.`);
	}
	return cookies.join('; ');
}
