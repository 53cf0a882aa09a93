// `npm start`: builds when the build is missing or older than the sources, then runs the
// production server (adapter-node) in this process, so signals reach it directly.
import { buildIfStale } from './build.js';

try {
	buildIfStale();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
process.env.PORT ??= '3000';
// adapter-node assumes https behind a proxy unless told; locally the address is plain http.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
await import(new URL('../../build/index.js', import.meta.url).href);
