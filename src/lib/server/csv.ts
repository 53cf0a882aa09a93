// Reading an uploaded CSV file, for every import (people, XLA values): the same limits, header
// spelling and file-level refusals, and the same preview with each row's problems next to its
// column. Imports are all-or-nothing: a file with any problem writes nothing.
import Papa from 'papaparse';
import type { z } from 'zod';
import { reasonMessage, type Reason } from '$lib/reasons';

export interface CsvLimits {
	maxBytes: number;
	maxRows: number;
}

export interface CsvFile {
	/** The rows by (normalised) header, and each row's line in the file (the header is line 1). */
	rows: { line: number; raw: Record<string, string>; malformed: boolean }[];
	fileIssues: Reason[];
}

/** Headers are matched loosely: "Manager email", "manager-email" and "manager_email" are one column. */
export function readCsv(csv: string, required: readonly string[], limits: CsvLimits): CsvFile {
	const fileIssues: Reason[] = [];
	const text = csv.replace(/^\uFEFF/, '');
	if (new TextEncoder().encode(text).length > limits.maxBytes) fileIssues.push('file_too_large');
	const result = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (header) => header.trim().toLowerCase().replace(/[\s-]+/g, '_')
	});
	const headers = result.meta.fields ?? [];
	if (required.some((column) => !headers.includes(column))) fileIssues.push('missing_columns');
	if (result.data.length === 0) fileIssues.push('no_rows');
	if (result.data.length > limits.maxRows) fileIssues.push('too_many_rows');
	if (fileIssues.length) return { rows: [], fileIssues };
	const malformed = new Set(result.errors.map((problem) => problem.row));
	return { rows: result.data.map((raw, index) => ({ line: index + 2, raw, malformed: malformed.has(index) })), fileIssues };
}

/** A row's field refused by its schema, as the reason shown next to that column. */
export function reasonForIssue(issue: z.core.$ZodIssue): Reason {
	if (issue.code === 'too_small') return 'required';
	if (issue.code === 'invalid_format' && issue.format === 'email') return 'invalid_email';
	if (issue.code === 'invalid_format') return 'invalid_date';
	if (issue.code === 'invalid_value') return 'invalid_choice';
	if (issue.code === 'too_big') return 'too_long';
	return 'invalid';
}

export interface RowIssue<C extends string = string> {
	column: C | 'row';
	reason: Reason;
}

export interface Preview<R extends { line: number; issues: RowIssue[] }> {
	rows: R[];
	fileIssues: Reason[];
	valid: boolean;
}

/** A preview as a page shows it: messages in the reader's language, rows with problems first and the valid ones only sampled. */
export function presentPreview<R extends { line: number; issues: RowIssue[] }>(preview: Preview<R>, shownAtMost = 50) {
	const shown = preview.rows.filter((row) => row.issues.length > 0);
	const sample = preview.rows.filter((row) => row.issues.length === 0).slice(0, Math.max(0, shownAtMost - shown.length));
	return {
		valid: preview.valid,
		total: preview.rows.length,
		withIssues: shown.length,
		fileIssues: preview.fileIssues.map(reasonMessage),
		rows: [...shown, ...sample]
			.sort((a, b) => a.line - b.line)
			.map((row) => ({ ...row, issues: row.issues.map((issue) => ({ column: issue.column, message: reasonMessage(issue.reason) })) }))
	};
}
export type PresentedPreview = ReturnType<typeof presentPreview>;
