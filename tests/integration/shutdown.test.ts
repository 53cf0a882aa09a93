import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createServerDatabase, serverUrl } from '../support/database';

async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as { port: number };
	server.close();
	return port;
}

describe('the production server (node build)', () => {
	it('finishes its jobs and closes its database pools on SIGTERM, so the process exits', async () => {
		expect(existsSync('build/index.js'), 'run `npm run build` first').toBe(true);
		// On PostgreSQL the server gets an empty database of its own to migrate; embedded, an in-memory one.
		const url = serverUrl();
		const database = url ? await createServerDatabase(url, 'kring_test') : null;
		const port = await freePort();
		const server = spawn(process.execPath, ['build'], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: `http://localhost:${port}`,
				KRING_JOBS: '1',
				KRING_DEMO: '0',
				...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: '', KRING_DATA_DIR: 'memory://' })
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		server.stdout.on('data', (chunk) => (output += chunk));
		server.stderr.on('data', (chunk) => (output += chunk));
		const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
		try {
			const deadline = Date.now() + 60_000;
			let healthy = false;
			while (!healthy && Date.now() < deadline && server.exitCode === null) {
				healthy = await fetch(`http://localhost:${port}/health`).then((response) => response.ok, () => false);
				if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
			}
			expect(healthy, output).toBe(true);
			server.kill('SIGTERM');
			const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000));
			const result = await Promise.race([exited, timeout]);
			expect(result, output).toEqual([0, null]);
		} finally {
			if (server.exitCode === null) server.kill('SIGKILL');
			await database?.drop();
		}
	}, 120_000);
});
