import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Executor } from '../db';
import { partnerOrg, person, type PersonKind } from '../db/schema';
import { recordAudit } from '../audit';
import { sendInvitation } from '../auth/invitation';
import type { Actor } from '../authz';
import { listUnits, type OrgUnitNode } from '../org';
import { getOrganisation } from '../organisation';
import { lockReportingLines } from './index';
import type { RequestMeta } from '../request-meta';
import { readCsv, reasonForIssue, type Preview, type RowIssue as CsvRowIssue } from '../csv';

/** The columns Kring reads; anything else in the file is ignored. */
export const importColumns = ['email', 'name', 'kind', 'unit', 'manager_email', 'job_title', 'partner', 'language', 'started_on'] as const;
type Column = (typeof importColumns)[number];

export const importLimits = { maxBytes: 500_000, maxRows: 5_000 } as const;

export type RowIssue = CsvRowIssue<Column>;

export interface PreviewRow {
	/** Line in the file, counting the header as line 1. */
	line: number;
	email: string;
	name: string;
	kind: string;
	unit: string;
	managerEmail: string;
	issues: RowIssue[];
}

export type ImportPreview = Preview<PreviewRow>;

const optional = z
	.string()
	.trim()
	.transform((value) => value || null);

const rowSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email()),
	name: z.string().trim().min(1).max(200),
	kind: z
		.string()
		.trim()
		.toLowerCase()
		.transform((value) => value || 'employee')
		.pipe(z.enum(['employee', 'alumni', 'partner'])),
	unit: optional,
	manager_email: z
		.string()
		.trim()
		.toLowerCase()
		.transform((value) => value || null)
		.pipe(z.email().nullable()),
	job_title: optional.pipe(z.string().max(200).nullable()),
	partner: optional,
	language: z
		.string()
		.trim()
		.toLowerCase()
		.transform((value) => value || null)
		.pipe(z.enum(['en', 'nl']).nullable()),
	started_on: optional.pipe(z.iso.date().nullable())
});
type ParsedRow = z.output<typeof rowSchema>;

/**
 * A unit named in a file: its full path, the end of its path ("Engineering / Platform Team") or
 * its name alone, as long as exactly one unit fits.
 */
function unitMatcher(units: readonly OrgUnitNode[]) {
	return (value: string | null): { id: string | null } | 'unit_not_found' | 'ambiguous_unit' => {
		if (!value) return { id: null };
		const wanted = value.toLowerCase().split('/').map((part) => part.trim()).join(' / ');
		const exact = units.find((unit) => unit.path.toLowerCase() === wanted);
		if (exact) return { id: exact.id };
		const fits = units.filter((unit) => unit.path.toLowerCase().endsWith(` / ${wanted}`));
		if (fits.length === 1) return { id: fits[0]!.id };
		return fits.length > 1 ? 'ambiguous_unit' : 'unit_not_found';
	};
}

/** Reads the file and checks every row against the file itself and the database; writes nothing. */
export async function previewImport(csv: string, executor: Executor = db): Promise<{ preview: ImportPreview; parsed: ParsedRow[] }> {
	const file = readCsv(csv, ['email', 'name'], importLimits);
	if (file.fileIssues.length) return { preview: { rows: [], fileIssues: file.fileIssues, valid: false }, parsed: [] };

	const unitOf = unitMatcher(await listUnits(executor));
	const partners = await executor.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg);
	const partnerByName = new Map(partners.map((partner) => [partner.name.toLowerCase(), partner.id]));

	const rows: PreviewRow[] = [];
	const parsed: ParsedRow[] = [];
	const reportOf = new Map<ParsedRow, PreviewRow>();
	const seenEmails = new Set<string>();
	for (const { line, raw, malformed } of file.rows) {
		const issues: RowIssue[] = [];
		if (malformed) issues.push({ column: 'row', reason: 'malformed_row' });
		const report: PreviewRow = {
			line,
			email: raw.email ?? '',
			name: raw.name ?? '',
			kind: raw.kind || 'employee',
			unit: raw.unit ?? '',
			managerEmail: raw.manager_email ?? '',
			issues
		};
		rows.push(report);
		// Optional columns may be absent from the file altogether.
		const checked = rowSchema.safeParse(Object.fromEntries(importColumns.map((column) => [column, raw[column] ?? ''])));
		if (!checked.success) {
			for (const issue of checked.error.issues) issues.push({ column: issue.path[0] as Column, reason: reasonForIssue(issue) });
		} else {
			const row = checked.data;
			parsed.push(row);
			reportOf.set(row, report);
			if (seenEmails.has(row.email)) issues.push({ column: 'email', reason: 'duplicate_in_file' });
			seenEmails.add(row.email);
			const unit = unitOf(row.unit);
			if (typeof unit === 'string') issues.push({ column: 'unit', reason: unit });
			if (row.kind === 'partner' && !row.partner) issues.push({ column: 'partner', reason: 'partner_required' });
			if (row.partner && !partnerByName.has(row.partner.toLowerCase())) issues.push({ column: 'partner', reason: 'partner_not_found' });
		}
	}

	// Checks against the database and across rows, in two queries for the whole file.
	const emails = parsed.map((row) => row.email);
	const managerEmails = parsed.flatMap((row) => (row.manager_email ? [row.manager_email] : []));
	const known = emails.length || managerEmails.length
		? await executor
				.select({ email: person.email, kind: person.kind, status: person.status })
				.from(person)
				.where(inArray(person.email, [...new Set([...emails, ...managerEmails])]))
		: [];
	const existing = new Map(known.map((row) => [row.email, row]));
	const kindInFile = new Map(parsed.map((row) => [row.email, row.kind]));
	for (const row of parsed) {
		const report = reportOf.get(row)!;
		if (existing.has(row.email)) report.issues.push({ column: 'email', reason: 'email_taken' });
		if (row.manager_email && row.manager_email !== row.email) {
			const inDb = existing.get(row.manager_email);
			const fileKind = kindInFile.get(row.manager_email);
			if (!inDb && !fileKind) report.issues.push({ column: 'manager_email', reason: 'manager_not_found' });
			else if ((inDb && (inDb.kind !== 'employee' || inDb.status === 'deactivated')) || (!inDb && fileKind !== 'employee'))
				report.issues.push({ column: 'manager_email', reason: 'not_employee' });
		}
	}
	markManagerCycles(parsed, reportOf);
	return { preview: { rows, fileIssues: [], valid: rows.every((row) => row.issues.length === 0) }, parsed };
}

/** New people can only form cycles among themselves: follow each chain within the file. */
function markManagerCycles(parsed: ParsedRow[], reportOf: Map<ParsedRow, PreviewRow>) {
	const managerOf = new Map(parsed.map((row) => [row.email, row.manager_email]));
	for (const row of parsed) {
		const seen = new Set<string>();
		let next = managerOf.get(row.email);
		while (next && managerOf.has(next) && !seen.has(next)) {
			if (next === row.email) {
				reportOf.get(row)!.issues.push({ column: 'manager_email', reason: 'manager_cycle' });
				break;
			}
			seen.add(next);
			next = managerOf.get(next);
		}
	}
}

/**
 * Imports the whole file in one transaction, or nothing: it is checked again inside, since the
 * database may have changed since the preview.
 */
export async function runImport(
	actor: Actor,
	csv: string,
	options: { fileName: string; sendInvitations: boolean },
	meta: RequestMeta
): Promise<{ ok: true; count: number } | { ok: false; preview: ImportPreview }> {
	const organisation = await getOrganisation();
	return db.transaction(async (tx) => {
		// The same lock as single edits: no reporting line changes while the file goes in.
		await lockReportingLines(tx);
		const { preview, parsed } = await previewImport(csv, tx);
		if (!preview.valid) return { ok: false, preview } as const;
		const unitOf = unitMatcher(await listUnits(tx));
		const unitId = (value: string | null) => {
			const unit = unitOf(value);
			return typeof unit === 'string' ? null : unit.id;
		};
		const partners = await tx.select({ id: partnerOrg.id, name: partnerOrg.name }).from(partnerOrg);
		const partnerId = (value: string | null) => partners.find((partner) => partner.name.toLowerCase() === value?.toLowerCase())?.id ?? null;
		const inserted = await tx
			.insert(person)
			.values(
				parsed.map((row) => ({
					email: row.email,
					name: row.name,
					kind: row.kind as PersonKind,
					status: 'invited' as const,
					unitId: row.kind === 'partner' ? null : unitId(row.unit),
					partnerOrgId: row.kind === 'partner' ? partnerId(row.partner) : null,
					jobTitle: row.job_title,
					locale: row.language,
					startedOn: row.started_on
				}))
			)
			.returning({ id: person.id, email: person.email, name: person.name, locale: person.locale });
		const idByEmail = new Map(inserted.map((row) => [row.email, row.id]));
		const managers = await tx
			.select({ id: person.id, email: person.email })
			.from(person)
			.where(inArray(person.email, parsed.flatMap((row) => (row.manager_email ? [row.manager_email] : ['']))));
		const managerId = new Map(managers.map((row) => [row.email, row.id]));
		for (const row of parsed) {
			if (!row.manager_email || row.kind === 'partner') continue;
			await tx
				.update(person)
				.set({ managerId: managerId.get(row.manager_email)! })
				.where(sql`${person.id} = ${idByEmail.get(row.email)!}`);
		}
		if (options.sendInvitations) for (const invitee of inserted) await sendInvitation(tx, invitee, actor, organisation, meta.origin);
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'people.imported',
			target: { type: 'import', id: options.fileName, label: options.fileName },
			ip: meta.ip,
			details: { count: inserted.length, invitationsSent: options.sendInvitations }
		});
		return { ok: true, count: inserted.length } as const;
	});
}
