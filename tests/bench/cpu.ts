// Where a route's time goes, per request, on Linux: the server's JavaScript thread running, that
// thread ready but waiting for a core (on a small machine, mostly behind PostgreSQL), and
// PostgreSQL's own processes. Read from /proc; elsewhere, or for the embedded database (which runs
// inside the server), the figures it cannot know are null.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSnapshot {
	runNs: number;
	waitNs: number;
	databaseTicks: number | null;
}

export interface CpuPerRequest {
	/** The server's main thread on a core. */
	threadMs: number;
	/** The server's main thread ready to run, waiting for a core. */
	waitedMs: number;
	/** PostgreSQL's processes on this machine, all of them. */
	databaseMs: number | null;
}

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

function readOrNull(path: string): string | null {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
}

/** User and system ticks of every process named postgres. */
function databaseTicks(): number {
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readOrNull(`/proc/${entry}/stat`);
		// "pid (comm) state …": utime and stime are the 14th and 15th fields.
		const match = stat?.trim().match(/^\d+ \(postgres\) (.*)$/);
		if (!match) continue;
		const fields = match[1]!.split(' ');
		ticks += Number(fields[11]) + Number(fields[12]);
	}
	return ticks;
}

/** A meter for the server process `pid`; `local` when PostgreSQL runs on this machine. */
export function cpuMeter(pid: number, local: boolean) {
	const schedstat = `/proc/${pid}/task/${pid}/schedstat`;
	return {
		snapshot(): CpuSnapshot | null {
			const text = readOrNull(schedstat);
			if (text === null) return null;
			const [runNs, waitNs] = text.trim().split(' ').map(Number) as [number, number];
			return { runNs, waitNs, databaseTicks: local ? databaseTicks() : null };
		},
		/** Summed over the intervals (each a snapshot before and after), per request. */
		perRequest(intervals: readonly (readonly [CpuSnapshot | null, CpuSnapshot | null])[], requests: number): CpuPerRequest | null {
			if (requests <= 0) return null;
			let runNs = 0;
			let waitNs = 0;
			let ticks: number | null = 0;
			for (const [before, after] of intervals) {
				if (!before || !after) return null;
				runNs += after.runNs - before.runNs;
				waitNs += after.waitNs - before.waitNs;
				ticks = ticks === null || before.databaseTicks === null || after.databaseTicks === null ? null : ticks + after.databaseTicks - before.databaseTicks;
			}
			return { threadMs: runNs / 1e6 / requests, waitedMs: waitNs / 1e6 / requests, databaseMs: ticks === null ? null : (ticks * 1000) / ticksPerSecond / requests };
		}
	};
}
