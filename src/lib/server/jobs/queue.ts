import type PgBoss from 'pg-boss';

export const queues = {
	deliverMail: 'outbox-deliver',
	housekeeping: 'housekeeping',
	flexDeadlines: 'flex-deadlines',
	flexReviews: 'flex-reviews',
	pulseCycle: 'pulse-cycle',
	completeOffboardings: 'alumni-complete-offboardings',
	alumniCheckIns: 'alumni-check-ins',
	eventReminders: 'event-reminders'
} as const;
export type Queue = (typeof queues)[keyof typeof queues];

/** The running pg-boss, when this process runs jobs; domain code enqueues through here. */
let boss: PgBoss | undefined;

export function setBoss(instance: PgBoss | undefined): void {
	boss = instance;
}

export function runningBoss(): PgBoss | undefined {
	return boss;
}

/**
 * Ask for a job soon. Without a running pg-boss (KRING_JOBS=0, tests) it is a no-op: every job
 * here is also on a schedule, so the work happens anyway, only later.
 */
export async function requestSoon(queue: Queue, seconds = 2): Promise<void> {
	await boss?.sendDebounced(queue, {}, {}, seconds).catch(() => {});
}
