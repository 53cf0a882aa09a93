// Run after `npm install` changes package-lock.json. The registry this project is built against
// serves only the packages for this platform, so npm leaves other platforms' optional binaries
// (rollup, lightningcss, …) out of the lock file, and `npm ci` then refuses the lock as out of
// sync. This adds each missing optional package as a version-only entry; `npm ci` skips an
// optional package it cannot fetch, exactly as it skips one for another platform.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
		if (packages[nested] || packages[`node_modules/${name}`]) continue;
		packages[`node_modules/${name}`] = { version, optional: true, ...(entry.dev ? { dev: true } : {}) };
		added++;
	}
}
const [root, ...rest] = Object.entries(packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b, 'en'))]);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock file: ${added} optional package${added === 1 ? '' : 's'} added as stubs`);
