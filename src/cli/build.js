// Builds the production server (adapter-node) when the build is missing or older than the
// sources: `npm start` and `npm run bench` both run the real build, and neither wants to wait
// for one it already has.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const generated = new Set(['src/lib/paraglide']);
const sourcePaths = ['src', 'static', 'drizzle', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

/** @param {string} path @returns {number} */
function newest(path) {
	if (!existsSync(path) || generated.has(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Runs `vite build` unless build/ is current (paths relative to the project root, the cwd). @returns {boolean} whether it built */
export function buildIfStale() {
	const sources = Math.max(...sourcePaths.map(newest));
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	if (sources <= built) return false;
	console.log('Building Kring (once, and again after the sources change)…');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? 'signal'})`);
	return true;
}
