/**
 * A value this process reads at most once per `ttlMs`. For what every page shows and rarely
 * changes: other instances see a change within the lifetime; `clear()` after a change made here.
 */
export function shortLived<T>(ttlMs: number, load: () => Promise<T>): { get(): Promise<T>; clear(): void } {
	let entry: { value: T; at: number } | undefined;
	return {
		async get() {
			if (entry && Date.now() - entry.at < ttlMs) return entry.value;
			const value = await load();
			entry = { value, at: Date.now() };
			return value;
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
