// `npm start`: builds when the build is missing or older than the sources, then runs the
// production server (adapter-node) in this process, so signals reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const generated = new Set(['src/lib/paraglide']);

/** @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path) || generated.has(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const sources = Math.max(
	...['src', 'static', 'drizzle', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'].map(newest)
);
const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (sources > built) {
	console.log('Building Kring (once, and again after the sources change)…');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
process.env.PORT ??= '3000';
// adapter-node assumes https behind a proxy unless told; locally the address is plain http.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import(new URL('../../build/index.js', import.meta.url).href);
