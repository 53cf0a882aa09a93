// Figures worked out from many arrangements (a lead's whole team on site) are kept briefly; a
// change of an arrangement in this instance clears them at once, other instances within their lifetime.
import { shortLivedByKey } from '../cache';

const caches: { clear(): void }[] = [];

export function derivedFromArrangements<T>(ttlMs: number, load: (key: string) => Promise<T>): { get(key: string): Promise<T> } {
	const cache = shortLivedByKey(ttlMs, load);
	caches.push(cache);
	return cache;
}

export function arrangementsChanged(): void {
	for (const cache of caches) cache.clear();
}
