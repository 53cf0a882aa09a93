import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createTestDatabase, serverUrl } from '../support/database';

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
		// On PostgreSQL the server gets a database of its own; embedded, an in-memory one.
		const database = serverUrl() ? await createTestDatabase({ templateName: inject('templateName') }) : null;
		const port = await freePort();
		const server = spawn(process.execPath, ['build'], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: `http://localhost:${port}`,
				KRING_JOBS: '1',
				KRING_DEMO: '0',
				...(database ? { DATABASE_URL: database.handle.url } : { DATABASE_URL: '', KRING_DATA_DIR: 'memory://' })
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
			await database?.dispose();
		}
	}, 120_000);
});
