import { and, asc, eq, gt, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { db, isId, literalWord, pageClause, rawRows, type Executor } from '../db';
import { alumniProfile, offboarding, orgUnit, person, personSkill, skill, type LeavingReason, type OpenToFlag, type SharedField } from '../db/schema';
import { recordAudit } from '../audit';
import { normalizeEmail } from '../auth';
import { hashPassword } from '../auth/password';
import { createSession, invalidatePersonSessions } from '../auth/session';
import { revokeUnusedTokens } from '../auth/tokens-store';
import { issueToken, parseToken, secretMatches } from '../auth/tokens';
import { can, listedAlumniFilter, type Actor } from '../authz';
import { queueEmail } from '../mail/outbox';
import { alumniInvitationEmail, recipientLocale } from '../mail/templates';
import { getOrganisation, type Organisation } from '../organisation';
import { activeAdminCount, personMatches, toPrefixQuery } from '../people';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';
import { consentVersion, openToFlags, sharedFields } from '$lib/alumni';
import { attachExitSurvey } from './survey';
import { shortLived } from '../cache';
import { calendarDate } from '$lib/formats';

export { sendCheckIns } from './checkins';
export { contactTarget, sendMessage } from './contact';
export { answerExitSurvey, exitSurveyOpen, exitSurveyParticipation, exitSurveyResults, quarterOf, type ExitSurveyInput } from './survey';

const invitationLifetimeMs = 30 * 24 * 60 * 60_000;

export interface OffboardingInput {
	personId: string;
	lastDay: string;
	reason: LeavingReason;
	rehireEligible: boolean;
	personalEmail: string;
	/** Send the anonymous exit survey to the personal address now. */
	exitSurvey: boolean;
}

export type OffboardingErrors = Partial<Record<keyof OffboardingInput, Reason>>;
export type OffboardingResult = { ok: true; id: string } | { ok: false; errors: OffboardingErrors };

/**
 * HR starts an offboarding; the account stays an employee's until the completion job runs after
 * the last day. One recorded after the fact (the last day is over) completes at once.
 */
export async function startOffboarding(actor: Actor, input: OffboardingInput, meta: RequestMeta, now = new Date()): Promise<OffboardingResult> {
	if (!isId(input.personId)) return { ok: false, errors: { personId: 'not_found' } };
	const personalEmail = normalizeEmail(input.personalEmail);
	const organisation = await getOrganisation();
	const result = await db.transaction(async (tx): Promise<OffboardingResult> => {
		const [leaver] = await tx.select().from(person).where(eq(person.id, input.personId)).for('update');
		if (!leaver) return { ok: false, errors: { personId: 'not_found' } } as const;
		if (!can(actor, 'person.manage', leaver)) return { ok: false, errors: { personId: 'staff_admin_only' } } as const;
		const errors: OffboardingErrors = {};
		if (leaver.id === actor.id) errors.personId = 'alumni_self_offboard';
		else if (leaver.kind !== 'employee' || leaver.status === 'deactivated') errors.personId = 'not_employee';
		else if (await openOffboarding(tx, leaver.id)) errors.personId = 'alumni_already_offboarding';
		else if (leaver.roles.includes('admin') && (await activeAdminCount(tx)) <= 1) errors.personId = 'last_admin';
		// The personal address becomes the login when the alumnus confirms: it must be free.
		const [clash] = await tx.select({ id: person.id }).from(person).where(eq(person.email, personalEmail));
		if (clash && clash.id !== leaver.id) errors.personalEmail = 'email_taken';
		if (Object.keys(errors).length) return { ok: false, errors } as const;
		const [created] = await tx
			.insert(offboarding)
			.values({ personId: leaver.id, lastDay: input.lastDay, reason: input.reason, rehireEligible: input.rehireEligible, personalEmail, startedBy: actor.id })
			.returning({ id: offboarding.id });
		if (input.exitSurvey) await attachExitSurvey(tx, created!.id, leaver, personalEmail, organisation, meta.origin, now);
		// The reason and rehire eligibility stay out of the log: it is read more widely than this page.
		await recordAudit(tx, { actorId: actor.id, action: 'alumni.offboarding_started', target: { type: 'person', id: leaver.id, label: leaver.name }, ip: meta.ip, details: { lastDay: input.lastDay, exitSurvey: input.exitSurvey } });
		return { ok: true, id: created!.id } as const;
	});
	if (result.ok && input.lastDay < dateIn(organisation.timeZone, now)) await completeOffboarding(result.id, now, meta.origin, organisation);
	return result;
}

async function openOffboarding(tx: Executor, personId: string) {
	const [open] = await tx.select({ id: offboarding.id }).from(offboarding).where(and(eq(offboarding.personId, personId), eq(offboarding.status, 'scheduled')));
	return open ?? null;
}

/** HR calls off a scheduled offboarding (the person stays); a completed one is history. */
export async function cancelOffboarding(actor: Actor, id: string, meta: RequestMeta): Promise<boolean> {
	if (!isId(id)) return false;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ id: offboarding.id, personId: person.id, name: person.name, roles: person.roles })
			.from(offboarding)
			.innerJoin(person, eq(person.id, offboarding.personId))
			.where(and(eq(offboarding.id, id), eq(offboarding.status, 'scheduled')))
			.for('update', { of: offboarding });
		if (!row || !can(actor, 'person.manage', row)) return false;
		await tx.update(offboarding).set({ status: 'cancelled' }).where(eq(offboarding.id, id));
		await recordAudit(tx, { actorId: actor.id, action: 'alumni.offboarding_cancelled', target: { type: 'person', id: row.personId, label: row.name }, ip: meta.ip });
		return true;
	});
}

/** HR's list: scheduled first by last day, then the latest completed. HR-only fields included. */
export async function listOffboardings() {
	return db
		.select({
			id: offboarding.id,
			personId: person.id,
			name: person.name,
			lastDay: offboarding.lastDay,
			reason: offboarding.reason,
			rehireEligible: offboarding.rehireEligible,
			personalEmail: offboarding.personalEmail,
			status: offboarding.status,
			confirmed: sql<boolean>`${offboarding.invitationUsedAt} is not null`,
			// Whether, never what: the answer is stored apart.
			survey: sql<'none' | 'sent' | 'answered'>`case when ${offboarding.surveyAnswered} then 'answered' when ${offboarding.surveyTokenId} is not null then 'sent' else 'none' end`
		})
		.from(offboarding)
		.innerJoin(person, eq(person.id, offboarding.personId))
		.orderBy(sql`${offboarding.status} = 'scheduled' desc`, sql`case when ${offboarding.status} = 'scheduled' then ${offboarding.lastDay} end asc`, sql`${offboarding.lastDay} desc`)
		.limit(200);
}

/**
 * Employees HR may offboard, for the picker: active and not already leaving, matching what HR
 * typed (name, email, job title). The first `limit` by name, and whether there are more: at
 * 10,000 employees a picker of them all was a 2.3 MB page, and counting them all 18 ms.
 */
export async function offboardingCandidates(query: { q?: string; limit: number }) {
	// An anti-join the planner can count: after a left join with "is null" it expected one row,
	// sorted all 10,000 and took 17 ms, where walking the name index for the first 51 takes 1.
	const conditions = [
		sql`${person.kind} = 'employee' and ${person.status} = 'active'`,
		sql`not exists (select 1 from ${offboarding} where ${offboarding.personId} = ${person.id} and ${offboarding.status} = 'scheduled')`,
		personMatches(query.q)
	];
	const rows = await db
		.select({ id: person.id, name: person.name, email: person.email })
		.from(person)
		.where(and(...conditions))
		.orderBy(asc(person.name), asc(person.id))
		.limit(query.limit + 1);
	return { people: rows.slice(0, query.limit), more: rows.length > query.limit };
}

/** The calendar date at `now` in a time zone, as YYYY-MM-DD. */
export const dateIn = calendarDate;

/**
 * The job's work: every scheduled offboarding whose last day has ended (in the organisation's
 * time zone) turns its person into an alumnus. Internal access ends at once (roles dropped,
 * sessions ended, unused links revoked), the profile and own data stay, and the alumni
 * invitation goes to the personal address in the same transaction. Returns how many completed.
 */
export async function completeDueOffboardings(now: Date, origin: string): Promise<number> {
	const organisation = await getOrganisation();
	const today = dateIn(organisation.timeZone, now);
	const due = await db
		.select({ id: offboarding.id })
		.from(offboarding)
		.where(and(eq(offboarding.status, 'scheduled'), sql`${offboarding.lastDay} < ${today}::date`))
		.orderBy(asc(offboarding.lastDay));
	let completed = 0;
	for (const { id } of due) if (await completeOffboarding(id, now, origin, organisation)) completed++;
	return completed;
}

async function completeOffboarding(id: string, now: Date, origin: string, organisation: Organisation): Promise<boolean> {
	return db.transaction(async (tx) => {
		// Another instance's job may hold it: that one completes it.
		const [due] = await tx
			.select()
			.from(offboarding)
			.where(and(eq(offboarding.id, id), eq(offboarding.status, 'scheduled')))
			.for('update', { skipLocked: true });
		if (!due) return false;
		const [leaver] = await tx.select().from(person).where(eq(person.id, due.personId)).for('update');
		// The last admin stays until another is named; the job tries again on its next run.
		if (!leaver || (leaver.roles.includes('admin') && (await activeAdminCount(tx)) <= 1)) return false;
		await tx.update(person).set({ kind: 'alumni', roles: [], leftOn: due.lastDay, updatedAt: now }).where(eq(person.id, leaver.id));
		await invalidatePersonSessions(tx, leaver.id);
		await revokeUnusedTokens(tx, leaver.id);
		await tx.insert(alumniProfile).values({ personId: leaver.id, location: leaver.location }).onConflictDoNothing();
		const issued = issueToken();
		await tx
			.update(offboarding)
			.set({
				status: 'completed',
				completedAt: now,
				invitationId: issued.id,
				invitationSecretHash: issued.secretHash,
				invitationExpiresAt: new Date(now.getTime() + invitationLifetimeMs)
			})
			.where(eq(offboarding.id, due.id));
		await queueEmail(tx, {
			to: due.personalEmail,
			personId: leaver.id,
			purpose: 'alumni_invitation',
			...alumniInvitationEmail(recipientLocale(leaver.locale, organisation.defaultLocale), {
				organisation: organisation.name,
				name: leaver.name,
				link: `${origin}/alumni/welcome/${issued.token}`,
				days: invitationLifetimeMs / (24 * 60 * 60_000)
			})
		});
		const target = { type: 'person' as const, id: leaver.id, label: leaver.name };
		await recordAudit(tx, { actorId: null, action: 'person.kind_changed', target, details: { from: leaver.kind, to: 'alumni' } });
		if (leaver.roles.length) await recordAudit(tx, { actorId: null, action: 'person.roles_changed', target, details: { from: leaver.roles, to: [] } });
		await recordAudit(tx, { actorId: null, action: 'alumni.offboarding_completed', target, details: { lastDay: due.lastDay } });
		return true;
	});
}

export interface AlumniInvitation {
	offboardingId: string;
	personId: string;
	name: string;
	personalEmail: string;
}

/** The alumnus behind an invitation link, if it can still be used. */
async function findAlumniInvitation(executor: Executor, token: string, options: { lock?: boolean; now?: Date } = {}): Promise<AlumniInvitation | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	const query = executor
		.select({
			offboardingId: offboarding.id,
			secretHash: offboarding.invitationSecretHash,
			personId: person.id,
			name: person.name,
			personalEmail: offboarding.personalEmail
		})
		.from(offboarding)
		.innerJoin(person, eq(person.id, offboarding.personId))
		.where(
			and(
				eq(offboarding.invitationId, parsed.id),
				isNull(offboarding.invitationUsedAt),
				gt(offboarding.invitationExpiresAt, options.now ?? new Date()),
				eq(person.kind, 'alumni'),
				eq(person.status, 'active')
			)
		);
	const [row] = options.lock ? await query.for('update', { of: offboarding }) : await query;
	if (!row?.secretHash || !secretMatches(parsed.secret, row.secretHash)) return null;
	const { secretHash: _hash, ...invitation } = row;
	return invitation;
}

export const findInvitation = (token: string) => findAlumniInvitation(db, token);

export interface SharingInput {
	currentEmployer: string | null;
	currentRole: string | null;
	location: string | null;
	openTo: OpenToFlag[];
	shared: SharedField[];
	consent: boolean;
	checkIns: boolean;
}

/** Profile values and consent as stored: consent keeps its first date and version while it lasts. */
async function saveSharing(tx: Executor, personId: string, input: SharingInput, now: Date, meta: RequestMeta | null) {
	listedCount.clear();
	const [before] = await tx.select({ consentedAt: alumniProfile.consentedAt }).from(alumniProfile).where(eq(alumniProfile.personId, personId)).for('update');
	const hadConsent = !!before?.consentedAt;
	const consent = input.consent
		? hadConsent
			? {}
			: { consentedAt: now, consentVersion }
		: { consentedAt: null, consentVersion: null };
	const values = {
		currentEmployer: input.currentEmployer,
		currentRole: input.currentRole,
		location: input.location,
		openTo: input.openTo,
		shared: input.shared,
		checkIns: input.checkIns,
		updatedAt: now
	};
	await tx
		.insert(alumniProfile)
		.values({ personId, ...values, ...consent })
		.onConflictDoUpdate({ target: alumniProfile.personId, set: { ...values, ...consent } });
	if (input.consent !== hadConsent)
		await recordAudit(tx, {
			actorId: personId,
			action: input.consent ? 'alumni.consent_given' : 'alumni.consent_withdrawn',
			target: { type: 'person', id: personId },
			ip: meta?.ip ?? null,
			details: input.consent ? { version: consentVersion } : undefined
		});
}

export type ConfirmResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'dead' | 'email_taken' };

/**
 * The alumnus confirms from the emailed link: the personal address becomes the login (the work
 * address is gone), they choose a password and what they share, and give or withhold consent.
 */
export async function confirmAlumni(token: string, input: SharingInput & { password: string }, meta: RequestMeta): Promise<ConfirmResult> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const invitation = await findAlumniInvitation(tx, token, { lock: true });
		if (!invitation) return { ok: false, reason: 'dead' } as const;
		const [clash] = await tx.select({ id: person.id }).from(person).where(eq(person.email, invitation.personalEmail));
		if (clash && clash.id !== invitation.personId) return { ok: false, reason: 'email_taken' } as const;
		const now = new Date();
		await tx.update(offboarding).set({ invitationUsedAt: now }).where(eq(offboarding.id, invitation.offboardingId));
		await tx.update(person).set({ email: invitation.personalEmail, passwordHash, updatedAt: now }).where(eq(person.id, invitation.personId));
		await tx.update(alumniProfile).set({ confirmedAt: now }).where(eq(alumniProfile.personId, invitation.personId));
		await saveSharing(tx, invitation.personId, input, now, meta);
		await recordAudit(tx, { actorId: invitation.personId, action: 'alumni.joined', target: { type: 'person', id: invitation.personId, label: invitation.name }, ip: meta.ip });
		const session = await createSession(tx, invitation.personId, meta);
		return { ok: true, token: session.token, expiresAt: session.session.expiresAt } as const;
	});
}

/** An alumnus's own profile as their settings page shows it. */
export async function ownAlumniProfile(personId: string) {
	const [row] = await db.select().from(alumniProfile).where(eq(alumniProfile.personId, personId));
	return row ?? { personId, currentEmployer: null, currentRole: null, location: null, openTo: [], shared: [], confirmedAt: null, consentedAt: null, consentVersion: null, checkIns: true };
}

export async function updateSharing(actor: Actor, input: SharingInput, meta: RequestMeta): Promise<void> {
	await db.transaction((tx) => saveSharing(tx, actor.id, input, new Date(), meta));
}

export interface DirectoryQuery {
	q?: string;
	unitId?: string;
	minYears?: number;
	employer?: string;
	role?: string;
	location?: string;
	skillId?: string;
	openTo?: OpenToFlag;
	page: number;
	pageSize: number;
}

export interface DirectoryEntry {
	id: string;
	name: string;
	formerUnit: string | null;
	years: number | null;
	employer: string | null;
	role: string | null;
	location: string | null;
	skills: string[];
	openTo: OpenToFlag[];
}

/**
 * A field's value only where its owner shares it; filters match shared values only, or they would
 * tell. Containment (`@>`) rather than `= any(…)`: the planner prices it as one comparison, so it
 * tests the sharing choice before the text matches instead of after them.
 */
const shares = (field: SharedField) => sql`${alumniProfile.shared} @> array[${literalWord(field, sharedFields)}]::text[]`;
const sharedValue = (field: SharedField, value: SQL) => sql`case when ${shares(field)} then ${value} end`;
const sharing = (field: SharedField, condition: SQL) => sql`${shares(field)} and ${condition}`;
const containsText = (column: SQL | AnyColumn, text: string) => sql`${column} ilike ${`%${text.replace(/[\\%_]/g, '\\$&')}%`}`;
/** Whole years from the first to the last day; null when either is unknown. */
const yearsHere = sql`floor((${person.leftOn} - ${person.startedOn}) / 365.25)::int`;

/**
 * How many alumni the directory lists, for its unfiltered pages: counting every listed alumnus
 * cost 60 times the page itself at 20k alumni. It may lag a few seconds; consent given or
 * withdrawn here clears it.
 */
const listedCount = shortLived(30_000, async () => {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(person)
		.innerJoin(alumniProfile, eq(alumniProfile.personId, person.id))
		.where(listedAlumniFilter());
	return row?.count ?? 0;
});

/**
 * Listed alumni (consent given; `listedAlumniFilter`), each with only the fields they chose.
 * Hidden values never leave the database.
 */
export async function searchDirectory(query: DirectoryQuery): Promise<{ entries: DirectoryEntry[]; total: number }> {
	const conditions: SQL[] = [listedAlumniFilter()];
	// By name alone: email words and job titles are in the search index too, but not shared here.
	const tsquery = toPrefixQuery(query.q, { nameOnly: true });
	if (tsquery) conditions.push(sql`${person.search} @@ to_tsquery('simple', ${tsquery})`);
	if (query.unitId) conditions.push(sharing('formerUnit', sql`${person.unitId} = ${query.unitId}`));
	// Whole years ≥ n exactly when the days reach n × 365.25: compared in days, no row's years are computed.
	if (query.minYears !== undefined) conditions.push(sharing('years', sql`${person.leftOn} - ${person.startedOn} >= ${Math.ceil(query.minYears * 365.25)}`));
	if (query.employer) conditions.push(sharing('employer', containsText(alumniProfile.currentEmployer, query.employer)));
	if (query.role) conditions.push(sharing('role', containsText(alumniProfile.currentRole, query.role)));
	if (query.location) conditions.push(sharing('location', containsText(alumniProfile.location, query.location)));
	if (query.skillId) conditions.push(sharing('skills', sql`exists (select 1 from ${personSkill} where ${personSkill.personId} = ${person.id} and ${personSkill.skillId} = ${query.skillId})`));
	if (query.openTo) conditions.push(sharing('openTo', sql`${alumniProfile.openTo} @> array[${literalWord(query.openTo, openToFlags)}]::text[]`));
	// The page is chosen (and the matches counted) on ids and names alone; the shared fields, the
	// skills subquery above all, are then read for that page's rows only, not for every match.
	// Unfiltered, the page is the first rows of the name index and the count is kept (`listedCount`).
	// Filtered, the matches are found once, whole, and then counted and paged: asked for a count
	// beside the first page by name, the planner walked the name index through every person and
	// looked up each one's profile (42 ms at 20k alumni, against 18 for the listed profiles first).
	const filtered = conditions.length > 1;
	const matching = sql`select ${person.id} as id, ${person.name} as name
			from ${person}
			join ${alumniProfile} on ${alumniProfile.personId} = ${person.id}
			where ${and(...conditions)}`;
	const limit = pageClause(query.page, query.pageSize);
	const page = filtered
		? sql`matches as materialized (${matching}),
			page as (select id, name, (select count(*)::int from matches) as total from matches order by name, id ${limit})`
		: sql`page as (${matching} order by ${person.name}, ${person.id} ${limit})`;
	const pageRows = rawRows<DirectoryEntry & { total: number }>(
		db,
		sql`with ${page}
		select page.id, page.name,
			${sharedValue('formerUnit', sql`${orgUnit.name}`)} as "formerUnit",
			${sharedValue('years', yearsHere)} as years,
			${sharedValue('employer', sql`${alumniProfile.currentEmployer}`)} as employer,
			${sharedValue('role', sql`${alumniProfile.currentRole}`)} as role,
			${sharedValue('location', sql`${alumniProfile.location}`)} as location,
			coalesce(${sharedValue('skills', sql`array(select ${skill.name} from ${personSkill} join ${skill} on ${skill.id} = ${personSkill.skillId} where ${personSkill.personId} = ${person.id} order by ${personSkill.proficiency} desc, ${skill.name} limit 5)`)}, '{}') as skills,
			coalesce(${sharedValue('openTo', sql`${alumniProfile.openTo}`)}, '{}') as "openTo",
			${filtered ? sql`page.total` : sql`0`} as total
		from page
		join ${person} on ${person.id} = page.id
		join ${alumniProfile} on ${alumniProfile.personId} = page.id
		left join ${orgUnit} on ${orgUnit.id} = ${person.unitId}
		order by page.name, page.id`
	);
	const [rows, total] = await Promise.all([pageRows, filtered ? pageRows.then((found) => found[0]?.total ?? 0) : listedCount.get()]);
	return { entries: rows.map(({ total: _total, ...entry }) => entry), total };
}
