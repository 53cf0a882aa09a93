import { and, desc, eq, gte, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { literalCount, preparedShapes, type Executor } from '../db';
import { auditEvent, person } from '../db/schema';
import type { AuditAction } from '$lib/audit-actions';

export { auditActions, type AuditAction } from '$lib/audit-actions';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	target?: { type: 'person' | 'org_unit' | 'partner_org' | 'import' | 'organisation' | 'knowledge_space' | 'knowledge_post' | 'flex_arrangement' | 'flex_bounds' | 'calendar_feed' | 'opportunity' | 'vacancy' | 'referral' | 'pulse_survey' | 'pulse_action' | 'xla_service'; id: string; label?: string };
	ip?: string | null;
	details?: Record<string, unknown>;
}

/** Write in the same transaction as the change it records, so neither exists without the other. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
	await executor.insert(auditEvent).values({
		actorId: entry.actorId,
		action: entry.action,
		targetType: entry.target?.type ?? null,
		targetId: entry.target?.id ?? null,
		targetLabel: entry.target?.label ?? null,
		ip: entry.ip ?? null,
		details: entry.details ?? null
	});
}

export interface AuditFilter {
	action?: AuditAction;
	actorId?: string;
	targetId?: string;
	from?: Date;
	/** Exclusive. */
	to?: Date;
	/** Keyset pagination: show events older than this id. */
	before?: number;
	limit: number;
}

const actor = alias(person, 'actor');

type AuditCondition = Exclude<keyof AuditFilter, 'limit'>;
/** Each filter, as the condition a query built once takes its value for. */
const auditConditions: Record<AuditCondition, (value: Placeholder) => SQL> = {
	action: (value) => eq(auditEvent.action, value),
	actorId: (value) => eq(auditEvent.actorId, value),
	targetId: (value) => eq(auditEvent.targetId, value),
	from: (value) => gte(auditEvent.at, value),
	to: (value) => lt(auditEvent.at, value),
	before: (value) => lt(auditEvent.id, value)
};
const auditConditionNames = Object.keys(auditConditions) as AuditCondition[];

// HR's home shows the latest on every visit: one query per set of filters and page size, built
// once, the size written in (`literalCount`).
const auditEventsQuery = preparedShapes(
	({ present, limit }: { present: readonly AuditCondition[]; limit: number }) => `${present.join(',')}:${limit}`,
	(database, { present, limit }) =>
		database
			.select({
				id: auditEvent.id,
				at: auditEvent.at,
				action: auditEvent.action,
				actorId: auditEvent.actorId,
				actorName: actor.name,
				targetType: auditEvent.targetType,
				targetId: auditEvent.targetId,
				targetLabel: auditEvent.targetLabel,
				ip: auditEvent.ip,
				details: auditEvent.details
			})
			.from(auditEvent)
			.leftJoin(actor, eq(actor.id, auditEvent.actorId))
			.where(and(...present.map((name) => auditConditions[name](sql.placeholder(name)))))
			.orderBy(desc(auditEvent.id))
			.limit(literalCount(limit))
			.prepare(`audit_events_${present.join('_') || 'all'}_${limit}`)
);

export async function listAuditEvents(filter: AuditFilter) {
	// An empty field (the filter form sends every one) filters nothing.
	const present = auditConditionNames.filter((name) => !!filter[name]);
	// A placeholder's value reaches the driver as it is, without the column's mapping: dates as text.
	const rows = await auditEventsQuery({ present, limit: filter.limit + 1 }).execute({ ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() });
	return { events: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}
