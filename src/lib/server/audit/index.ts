import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Executor } from '../db';
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

export async function listAuditEvents(filter: AuditFilter) {
	const conditions: SQL[] = [];
	if (filter.action) conditions.push(eq(auditEvent.action, filter.action));
	if (filter.actorId) conditions.push(eq(auditEvent.actorId, filter.actorId));
	if (filter.targetId) conditions.push(eq(auditEvent.targetId, filter.targetId));
	if (filter.from) conditions.push(gte(auditEvent.at, filter.from));
	if (filter.to) conditions.push(lt(auditEvent.at, filter.to));
	if (filter.before) conditions.push(lt(auditEvent.id, filter.before));
	const rows = await db
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
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditEvent.id))
		.limit(filter.limit + 1);
	return { events: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}
