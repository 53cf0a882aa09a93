import { describe, expect, it } from 'vitest';
import { shortLived, shortLivedByKey } from '../../src/lib/server/cache';

/** A load that counts its calls and answers when told. */
function gatedLoad() {
	const calls: ((value: number) => void)[] = [];
	const failures: ((error: Error) => void)[] = [];
	const load = () =>
		new Promise<number>((resolve, reject) => {
			calls.push(resolve);
			failures.push(reject);
		});
	return { load, calls, failures };
}

describe('shortLived', () => {
	it('reads once for requests that arrive together, and keeps the value for its lifetime', async () => {
		const { load, calls } = gatedLoad();
		const value = shortLived(60_000, load);
		const waiting = [value.get(), value.get(), value.get()];
		expect(calls).toHaveLength(1);
		calls[0]!(7);
		expect(await Promise.all(waiting)).toEqual([7, 7, 7]);
		expect(await value.get()).toBe(7);
		expect(calls).toHaveLength(1);
	});

	it('reads again once the lifetime is over', async () => {
		let reads = 0;
		const value = shortLived(0, async () => ++reads);
		expect(await value.get()).toBe(1);
		expect(await value.get()).toBe(2);
	});

	it('does not keep a read that failed', async () => {
		const { load, calls, failures } = gatedLoad();
		const value = shortLived(60_000, load);
		const failed = value.get();
		failures[0]!(new Error('database away'));
		await expect(failed).rejects.toThrow('database away');
		const retried = value.get();
		expect(calls).toHaveLength(2);
		calls[1]!(3);
		expect(await retried).toBe(3);
	});

	it('after clear(), a read already under way is not kept: it may predate the change', async () => {
		const { load, calls } = gatedLoad();
		const value = shortLived(60_000, load);
		const before = value.get();
		value.clear();
		const after = value.get();
		expect(calls).toHaveLength(2);
		calls[0]!(1);
		calls[1]!(2);
		expect([await before, await after]).toEqual([1, 2]);
		expect(await value.get()).toBe(2);
	});

	it('hands what get() is given to the read it starts, and to no other', async () => {
		const asked: string[] = [];
		const value = shortLived(60_000, async (who: string) => (asked.push(who), asked.length));
		expect(await value.get('first')).toBe(1);
		expect(await value.get('second')).toBe(1);
		value.clear();
		expect(await value.get('third')).toBe(2);
		expect(asked).toEqual(['first', 'third']);
	});
});

describe('shortLivedByKey', () => {
	it('keeps one value per key', async () => {
		const reads: string[] = [];
		const value = shortLivedByKey(60_000, async (key) => (reads.push(key), key.length));
		expect(await Promise.all([value.get('a'), value.get('bb'), value.get('a')])).toEqual([1, 2, 1]);
		expect(reads).toEqual(['a', 'bb']);
	});
});
