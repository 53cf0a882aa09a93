import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Paraglide's generated registry builds a new Intl formatter (PluralRules, NumberFormat, …) on every
 * message that counts or formats something: half a millisecond of a search page's server time. This
 * rewrites it to take them from `intlFormatter` (src/lib/formats.ts), one per locale and options. It
 * fails the build if the registry changes shape, so that an upgrade cannot quietly bring the cost back.
 */
function memoisedIntlFormatters(): Plugin {
	const constructed = /new Intl\.(\w+)\((\w+), (\w+)\)/g;
	return {
		name: 'kring:memoised-intl-formatters',
		transform(code, id) {
			if (!id.endsWith('/src/lib/paraglide/registry.js')) return null;
			const rewritten = code.replace(constructed, 'intlFormatter(Intl.$1, $2, $3)');
			if (rewritten === code || /new Intl\./.test(rewritten)) throw new Error('The Paraglide registry changed shape: check memoisedIntlFormatters in vite.config.ts.');
			return `import { intlFormatter } from '../formats';\n${rewritten}`;
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './src/lib/i18n/project.inlang',
			outdir: './src/lib/paraglide',
			// The server decides (see hooks.server.ts) and keeps this cookie in step; the browser reads it.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		memoisedIntlFormatters(),
		sveltekit()
	],
	build: {
		// The first `npm start` builds on the user's machine. Where that is slow, Rolldown prints a page of
		// plugin timings (Kit's own compile steps) between the command and the address and demo logins.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// See assertOutsideTransaction: the database itself used inside a transaction fails at once.
		env: { KRING_TRANSACTION_GUARD: '1' },
		globalSetup: ['tests/support/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		server: {
			// Kit's built server is loaded as the plain Node modules it is, not compiled again.
			deps: { external: [/\.svelte-kit\/output\//] }
		}
	}
});
