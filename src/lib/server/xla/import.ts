// Entered KPI values from a CSV file (measure, period, value), all or nothing: one problem anywhere
// and nothing is written. The file is read and shown like a people import (../csv).
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import type { RequestMeta } from '../request-meta';
import { readCsv, reasonForIssue, type Preview, type RowIssue } from '../csv';
import { xlaMeasure, xlaService, xlaValue } from './schema';
import { servicesChanged } from './index';

export const valueColumns = ['measure', 'period', 'value'] as const;
type Column = (typeof valueColumns)[number];
export const valueImportLimits = { maxBytes: 200_000, maxRows: 2_000 } as const;

export interface ValueRow {
	line: number;
	measure: string;
	period: string;
	value: string;
	issues: RowIssue<Column>[];
}

const rowSchema = z.object({
	measure: z.string().trim().min(1).max(120),
	// A month as 2026-10, or any day in it (2026-10-01).
	period: z
		.string()
		.trim()
		.regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/)
		.transform((value) => `${value.slice(0, 7)}-01`),
	value: z
		.string()
		.trim()
		.min(1)
		// A decimal comma is as common in the files as a point.
		.transform((value) => Number(value.replace(',', '.')))
		.pipe(z.number().finite())
});

/** Checks every row against the service's entered measures; writes nothing. */
export async function previewValues(serviceId: string, csv: string, executor: Executor = db) {
	const file = readCsv(csv, valueColumns, valueImportLimits);
	const parsed: { measureId: string; period: string; value: number }[] = [];
	if (file.fileIssues.length) return { preview: { rows: [], fileIssues: file.fileIssues, valid: false } as Preview<ValueRow>, parsed };
	const measures = await executor.select({ id: xlaMeasure.id, name: xlaMeasure.name, source: xlaMeasure.source }).from(xlaMeasure).where(eq(xlaMeasure.serviceId, serviceId));
	const byName = new Map(measures.map((measure) => [measure.name.toLowerCase(), measure]));
	const seen = new Set<string>();
	const rows: ValueRow[] = file.rows.map(({ line, raw, malformed }) => {
		const row: ValueRow = { line, measure: raw.measure ?? '', period: raw.period ?? '', value: raw.value ?? '', issues: [] };
		if (malformed) row.issues.push({ column: 'row', reason: 'malformed_row' });
		const checked = rowSchema.safeParse({ measure: row.measure, period: row.period, value: row.value });
		if (!checked.success) {
			for (const issue of checked.error.issues) row.issues.push({ column: issue.path[0] as Column, reason: reasonForIssue(issue) });
			return row;
		}
		const measure = byName.get(checked.data.measure.toLowerCase());
		if (!measure) row.issues.push({ column: 'measure', reason: 'xla_measure_not_found' });
		else if (measure.source !== 'entered') row.issues.push({ column: 'measure', reason: 'xla_measure_computed' });
		else {
			const key = `${measure.id}:${checked.data.period}`;
			if (seen.has(key)) row.issues.push({ column: 'period', reason: 'duplicate_in_file' });
			seen.add(key);
			parsed.push({ measureId: measure.id, period: checked.data.period, value: checked.data.value });
		}
		return row;
	});
	return { preview: { rows, fileIssues: [], valid: rows.every((row) => row.issues.length === 0) } as Preview<ValueRow>, parsed };
}

/** Imports the file in one transaction, checked again inside; a value for a month already held replaces it. */
export async function importValues(
	actor: Actor,
	serviceId: string,
	csv: string,
	fileName: string,
	meta: RequestMeta
): Promise<{ ok: true; count: number } | { ok: false; preview: Preview<ValueRow> }> {
	const result = await db.transaction(async (tx) => {
		// No measure of this service changes (renamed, removed) while its values go in.
		const [service] = await tx.select({ name: xlaService.name }).from(xlaService).where(eq(xlaService.id, serviceId)).for('share');
		const { preview, parsed } = await previewValues(serviceId, csv, tx);
		if (!service || !preview.valid) return { ok: false, preview } as const;
		// The file holds each measure and month once, so one statement upserts them all.
		await tx
			.insert(xlaValue)
			.values(parsed)
			.onConflictDoUpdate({ target: [xlaValue.measureId, xlaValue.period], set: { value: sql`excluded.value` } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'xla.values_imported',
			target: { type: 'xla_service', id: serviceId, label: service.name },
			ip: meta.ip,
			details: { fileName, count: parsed.length }
		});
		return { ok: true, count: parsed.length } as const;
	});
	// Once committed, so that no read in between keeps the old values.
	if (result.ok) servicesChanged();
	return result;
}
