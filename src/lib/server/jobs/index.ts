import PgBoss from 'pg-boss';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db';
import { deleteExpiredSessions } from '../auth/session';
import { deleteDeadTokens } from '../auth/tokens-store';
import { deleteStaleRateLimits } from '../auth/rate-limit';
import { deleteOldEmails, deliverPending, type MailTransport } from '../mail/outbox';
import { remindAndEscalate, remindReviews } from '../flex';
import { runPulseCycle } from '../pulse';
import { completeDueOffboardings, sendCheckIns } from '../alumni';
import { remindAttendees } from '../events';
import { queues, runningBoss, setBoss } from './queue';

const day = 24 * 60 * 60_000;

/** Removes what has expired: sessions, tokens, rate-limit windows, month-old mail. */
export async function housekeeping(now = new Date()): Promise<void> {
	await deleteExpiredSessions(now);
	await deleteDeadTokens(now);
	await deleteStaleRateLimits(now);
	await deleteOldEmails(new Date(now.getTime() - 30 * day));
}

async function smtpTransport(smtpUrl: string): Promise<MailTransport> {
	const { createTransport } = await import('nodemailer');
	const transporter = createTransport(smtpUrl);
	return { send: (message) => transporter.sendMail(message) };
}

/**
 * Starts pg-boss on Kring's own database: on real PostgreSQL with its own small pool, on the
 * embedded one through the shared connection. Every instance may run this: pg-boss hands each
 * job to one worker.
 */
export async function startJobs(handle: DatabaseHandle, config: Config): Promise<void> {
	const boss = new PgBoss(
		handle.url
			? { connectionString: handle.url, max: 3 }
			: { db: { executeSql: (text, values) => handle.executeSql(text, values) } }
	);
	boss.on('error', (error) => console.error('[kring] job error:', error));
	await boss.start();
	for (const queue of Object.values(queues)) await boss.createQueue(queue);

	await boss.work(queues.housekeeping, async () => housekeeping());
	await boss.schedule(queues.housekeeping, '17 3 * * *');
	// Pulse rounds open and close by the day; hourly catches a new day soon in any time zone.
	await boss.work(queues.pulseCycle, async () => {
		await runPulseCycle();
	});
	await boss.schedule(queues.pulseCycle, '7 * * * *');

	await boss.work(queues.flexDeadlines, async () => {
		await remindAndEscalate(config.origin);
	});
	await boss.schedule(queues.flexDeadlines, '*/15 * * * *');
	// Review dates are days: hourly reminds within an hour of the organisation's new day.
	await boss.work(queues.flexReviews, async () => {
		await remindReviews(config.origin);
	});
	await boss.schedule(queues.flexReviews, '41 * * * *');

	// Leavers become alumni within a quarter of an hour after their last day ends.
	await boss.work(queues.completeOffboardings, async () => {
		await completeDueOffboardings(new Date(), config.origin);
	});
	await boss.schedule(queues.completeOffboardings, '*/15 * * * *');
	// Check-ins are due by the day: once a day is soon enough.
	await boss.work(queues.alumniCheckIns, async () => {
		await sendCheckIns(new Date(), config.origin);
	});
	await boss.schedule(queues.alumniCheckIns, '23 8 * * *');
	// Reminders go a day ahead; every quarter of an hour keeps "a day" close to 24 hours.
	await boss.work(queues.eventReminders, async () => {
		await remindAttendees(new Date(), config.origin);
	});
	await boss.schedule(queues.eventReminders, '*/15 * * * *');

	if (config.smtpUrl) {
		const transport = await smtpTransport(config.smtpUrl);
		await boss.work(queues.deliverMail, async () => {
			await deliverPending(transport, config.mailFrom);
		});
		await boss.schedule(queues.deliverMail, '* * * * *');
		// Mail queued while no instance was running goes out now, not at the next minute.
		await boss.sendDebounced(queues.deliverMail, {}, {}, 2);
	} else {
		await boss.unschedule(queues.deliverMail);
	}
	setBoss(boss);
}

export async function stopJobs(): Promise<void> {
	const boss = runningBoss();
	setBoss(undefined);
	await boss?.stop({ graceful: true, timeout: 5_000, wait: true });
}
