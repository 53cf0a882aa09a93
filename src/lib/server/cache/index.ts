import { assertOutsideTransaction, installedDatabase } from '../db';

/**
 * A value this process reads at most once per `ttlMs`. For what every page shows and rarely
 * changes: other instances see a change within the lifetime; `clear()` after a change made here.
 * Requests that arrive while it is being read wait for that one read rather than each starting
 * their own (under load, an expiry would otherwise send every waiting request to the database);
 * a read that fails is not kept. What `get` is given goes to the read it starts, when it starts one:
 * only for what the value does not depend on (which of several alike may ask).
 */
export function shortLived<T, A extends unknown[] = []>(ttlMs: number, load: (...args: A) => Promise<T>): { get(...args: A): Promise<T>; clear(): void } {
	let entry: { value: Promise<T>; at: number } | undefined;
	return {
		get(...args) {
			// Fresh now, expired some other time: the read would then wait on the pool (see the guard).
			assertOutsideTransaction('A cached read');
			if (entry && Date.now() - entry.at < ttlMs) return entry.value;
			const current = { value: load(...args), at: Date.now() };
			entry = current;
			current.value.then(
				// Its lifetime counts from when the value arrived, as before.
				() => void (entry === current && (current.at = Date.now())),
				() => void (entry === current && (entry = undefined))
			);
			return current.value;
		},
		clear() {
			entry = undefined;
		}
	};
}

/** The same per key (a unit, a lead): each key's value is read at most once per `ttlMs`; `clear()` forgets them all. */
export function shortLivedByKey<T>(ttlMs: number, load: (key: string) => Promise<T>): { get(key: string): Promise<T>; clear(): void } {
	const entries = new Map<string, ReturnType<typeof shortLived<T>>>();
	return {
		get(key) {
			let entry = entries.get(key);
			if (!entry) entries.set(key, (entry = shortLived(ttlMs, () => load(key))));
			return entry.get();
		},
		clear() {
			entries.clear();
		}
	};
}

const sharedSlot = Symbol.for('kring.shared-caches');
type SharedSlot = { [sharedSlot]?: WeakMap<object, Map<string, unknown>> };

/**
 * A cache made once per database in this process and shared by every copy of this code loaded in
 * it, as the database handle is (`installDatabase`): the built server and the tests that load it
 * beside their own imports see one another's changes at once.
 */
export function sharedCache<T>(name: string, make: () => T): () => T {
	return () => {
		const handle = installedDatabase();
		if (!handle) throw new Error('No database: the server has not finished starting.');
		const all = ((globalThis as SharedSlot)[sharedSlot] ??= new WeakMap());
		let caches = all.get(handle);
		if (!caches) all.set(handle, (caches = new Map()));
		if (!caches.has(name)) caches.set(name, make());
		return caches.get(name) as T;
	};
}
