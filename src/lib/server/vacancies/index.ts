import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, isId, outer, paged, preparedPage, preparedShapes, type Executor } from '../db';
import { sharedCache, shortLivedByKey } from '../cache';
import { orgUnit, person, referral, vacancy, vacancyApplication, type ReferralStatus, type VacancyAudience, type VacancyStatus } from '../db/schema';
import { recordAudit } from '../audit';
import { consume, type Limit } from '../auth/rate-limit';
import { can, vacancyAudienceFilter, vacancyAudiences, type Actor, type Subject } from '../authz';
import { queueEmail } from '../mail/outbox';
import { referralHiredEmail, recipientLocale } from '../mail/templates';
import { getOrganisation } from '../organisation';
import type { RequestMeta } from '../request-meta';
import type { Reason } from '$lib/reasons';
import { referralMoves } from '$lib/vacancies';

export interface VacancyInput {
	title: string;
	description: string;
	location: string | null;
	unitId: string | null;
	audience: VacancyAudience;
}

export type VacancyResult = { ok: true; id: string } | { ok: false; errors: Partial<Record<keyof VacancyInput, Reason>> };

const auditTarget = (row: { id: string; title: string }) => ({ type: 'vacancy' as const, id: row.id, label: row.title });

async function unitExists(unitId: string | null): Promise<boolean> {
	if (!unitId) return true;
	const [found] = await db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, unitId));
	return !!found;
}

export async function postVacancy(actor: Actor, input: VacancyInput, meta: RequestMeta): Promise<VacancyResult> {
	if (!(await unitExists(input.unitId))) return { ok: false, errors: { unitId: 'unit_not_found' } };
	return changingVacancies(async (tx) => {
		const [created] = await tx
			.insert(vacancy)
			.values({ ...input, createdBy: actor.id })
			.returning({ id: vacancy.id, title: vacancy.title });
		await recordAudit(tx, { actorId: actor.id, action: 'vacancies.posted', target: auditTarget(created!), ip: meta.ip, details: { audience: input.audience } });
		return { ok: true, id: created!.id } as const;
	});
}

/** HR's edit; the audit keeps which fields changed. Null when there is no such vacancy. */
export async function updateVacancy(actor: Actor, id: string, input: VacancyInput, meta: RequestMeta): Promise<VacancyResult | null> {
	if (!isId(id)) return null;
	if (!(await unitExists(input.unitId))) return { ok: false, errors: { unitId: 'unit_not_found' } };
	return changingVacancies(async (tx) => {
		const [before] = await tx.select().from(vacancy).where(eq(vacancy.id, id)).for('update');
		if (!before) return null;
		const changed = (Object.keys(input) as (keyof VacancyInput)[]).filter((field) => before[field] !== input[field]);
		if (!changed.length) return { ok: true, id } as const;
		await tx.update(vacancy).set({ ...input, updatedAt: new Date() }).where(eq(vacancy.id, id));
		await recordAudit(tx, { actorId: actor.id, action: 'vacancies.updated', target: auditTarget({ id, title: input.title }), ip: meta.ip, details: { fields: changed } });
		return { ok: true, id } as const;
	});
}

/** Closing stops applications and referrals (existing ones stay); reopening lets them in again. */
export async function setVacancyStatus(actor: Actor, id: string, status: VacancyStatus, meta: RequestMeta): Promise<boolean> {
	if (!isId(id)) return false;
	return changingVacancies(async (tx) => {
		const [row] = await tx
			.update(vacancy)
			.set({ status, updatedAt: new Date() })
			.where(and(eq(vacancy.id, id), sql`${vacancy.status} <> ${status}`))
			.returning({ id: vacancy.id, title: vacancy.title });
		if (row) await recordAudit(tx, { actorId: actor.id, action: status === 'closed' ? 'vacancies.closed' : 'vacancies.reopened', target: auditTarget(row), ip: meta.ip });
		// Already in that status counts as done; only a missing vacancy is refused.
		return !!row || !!(await tx.select({ id: vacancy.id }).from(vacancy).where(eq(vacancy.id, id)))[0];
	});
}

const listColumns = {
	id: vacancy.id,
	title: vacancy.title,
	location: vacancy.location,
	audience: vacancy.audience,
	status: vacancy.status,
	createdAt: vacancy.createdAt,
	unit: orgUnit.name
};

/** What HR sees on each vacancy in the list: how many applied and were referred. */
const responseCounts = {
	applications: sql<number>`(select count(*)::int from ${vacancyApplication} where ${vacancyApplication.vacancyId} = ${outer(vacancy.id)})`,
	referrals: sql<number>`(select count(*)::int from ${referral} where ${referral.vacancyId} = ${outer(vacancy.id)})`
};

type VacancyShape = { audiences: readonly VacancyAudience[] | null; counts: boolean };
type PageShape = VacancyShape & { pageSize: number; firstPage: boolean };
const shapeKey = (shape: PageShape) => `${shape.audiences?.join(',') ?? 'all'}:${shape.counts}:${shape.pageSize}:${shape.firstPage}`;

// The list and its count, built once per audience list (and, for HR, with the response counts);
// the page size written in and the first page without an offset (`paged`).
const vacancyPage = preparedShapes(shapeKey, (database, shape) =>
	paged(
		database
			.select({ ...listColumns, ...(shape.counts ? responseCounts : { applications: sql<null>`null`, referrals: sql<null>`null` }) })
			.from(vacancy)
			.leftJoin(orgUnit, eq(orgUnit.id, vacancy.unitId))
			.where(vacancyAudienceFilter(shape.audiences))
			.orderBy(desc(vacancy.createdAt), desc(vacancy.id))
			.$dynamic(),
		shape.pageSize,
		shape.firstPage ? 0 : sql.placeholder('offset')
	).prepare(`vacancy_page_${shapeKey(shape).replace(/\W/g, '_')}`)
);
const vacancyCount = preparedShapes((shape: Pick<VacancyShape, 'audiences'>) => shape.audiences?.join(',') ?? 'all', (database, { audiences }) =>
	database
		.select({ total: sql<number>`count(*)::int` })
		.from(vacancy)
		.where(vacancyAudienceFilter(audiences))
		.prepare(`vacancy_count_${audiences?.join('_') ?? 'all'}`)
);

/**
 * How many vacancies each audience set sees: the list's total, for its pages. Kept 30 s, as it
 * changes only when HR posts, edits, closes or reopens one: those clear it here, and another
 * instance's change shows within the lifetime. Shared with the tests that load this module too.
 */
const totals = sharedCache('vacancy-totals', () =>
	shortLivedByKey(30_000, async (key) => {
		const [counted] = await vacancyCount({ audiences: key === 'all' ? null : (key.split(',') as VacancyAudience[]) }).execute();
		return counted?.total ?? 0;
	})
);

/** A change to vacancies, in a transaction; the totals kept are forgotten once it is over. */
async function changingVacancies<T>(change: (tx: Executor) => Promise<T>): Promise<T> {
	try {
		return await db.transaction(change);
	} finally {
		totals().clear();
	}
}

/** One page of the vacancies the reader sees (`vacancyAudienceFilter`), newest first, and how many there are. */
export async function listVacancies(actor: Subject, page: number, pageSize = 20) {
	const audiences = vacancyAudiences(actor);
	const [rows, total] = await Promise.all([
		vacancyPage({ audiences, counts: can(actor, 'vacancies.manage'), pageSize, firstPage: page === 1 }).execute({ offset: (page - 1) * pageSize }),
		totals().get(audiences?.join(',') ?? 'all')
	]);
	return { vacancies: rows, total };
}

/** One vacancy, or null when it does not exist or the reader may not see it (the page says 404). */
export async function getVacancy(actor: Subject, id: string) {
	if (!isId(id)) return null;
	const [row] = await db
		.select({
			...listColumns,
			description: vacancy.description,
			unitId: vacancy.unitId,
			applied: actor ? sql<boolean>`exists (select 1 from ${vacancyApplication} where ${vacancyApplication.vacancyId} = ${outer(vacancy.id)} and ${vacancyApplication.personId} = ${actor.id})` : sql<boolean>`false`
		})
		.from(vacancy)
		.leftJoin(orgUnit, eq(orgUnit.id, vacancy.unitId))
		.where(eq(vacancy.id, id));
	return row && can(actor, 'vacancy.view', row) ? row : null;
}

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/** For HR: who applied, with their note, and whether they are an employee or an alumnus. */
export async function vacancyApplications(id: string) {
	return db
		.select({ id: vacancyApplication.id, personId: person.id, name: person.name, kind: person.kind, note: vacancyApplication.note, createdAt: vacancyApplication.createdAt })
		.from(vacancyApplication)
		.innerJoin(person, eq(person.id, vacancyApplication.personId))
		.where(eq(vacancyApplication.vacancyId, id))
		.orderBy(asc(vacancyApplication.createdAt));
}

/** A vacancy the actor may still respond to (apply, refer), or null. */
async function respondable(actor: Actor, id: string) {
	const found = await getVacancy(actor, id);
	return found && can(actor, 'vacancy.respond', found) ? found : null;
}

export type ApplyResult = { ok: true; already: boolean } | { ok: false; reason: 'not_found' };

/** A boomerang (or internal) application; applying twice keeps the first. */
export async function applyForVacancy(actor: Actor, id: string, note: string): Promise<ApplyResult> {
	if (!(await respondable(actor, id))) return { ok: false, reason: 'not_found' };
	const inserted = await db.insert(vacancyApplication).values({ vacancyId: id, personId: actor.id, note }).onConflictDoNothing().returning({ id: vacancyApplication.id });
	return { ok: true, already: inserted.length === 0 };
}

export interface ReferralInput {
	candidateName: string;
	candidateEmail: string;
	why: string;
}

/** Referrals per person and hour: enough for a keen networker, too few for a mailing list. */
export const referralLimit: Limit = { max: 10, windowMs: 60 * 60_000 };

export type ReferResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'rate_limited' }
	| { ok: false; reason: 'invalid'; errors: Partial<Record<keyof ReferralInput, Reason>> };

/**
 * Refers a candidate to a vacancy. One candidate per vacancy: when two people refer the same
 * address, even at the same moment, the unique index keeps the first and the second is told.
 */
export async function referCandidate(actor: Actor, id: string, input: ReferralInput): Promise<ReferResult> {
	if (!(await respondable(actor, id))) return { ok: false, reason: 'not_found' };
	if (input.candidateEmail === actor.email) return { ok: false, reason: 'invalid', errors: { candidateEmail: 'vacancies_refer_yourself' } };
	if (!(await consume(`referral:${actor.id}`, referralLimit)).allowed) return { ok: false, reason: 'rate_limited' };
	const [created] = await db
		.insert(referral)
		.values({ vacancyId: id, referrerId: actor.id, ...input })
		.onConflictDoNothing()
		.returning({ id: referral.id });
	if (!created) return { ok: false, reason: 'invalid', errors: { candidateEmail: 'vacancies_already_referred' } };
	return { ok: true, id: created.id };
}

const referralColumns = {
	id: referral.id,
	vacancyId: vacancy.id,
	vacancyTitle: vacancy.title,
	referrerName: person.name,
	candidateName: referral.candidateName,
	candidateEmail: referral.candidateEmail,
	why: referral.why,
	status: referral.status,
	createdAt: referral.createdAt,
	updatedAt: referral.updatedAt
};

interface ReferralShape {
	/** Everyone's referrals (HR), not only the reader's own. */
	all: boolean;
	ofVacancy: boolean;
	pageSize: number;
	firstPage: boolean;
}

/** The ledger's page and count, built once per shape: built on every visit, drizzle's builder cost more than the database. */
const referralQuery = preparedShapes(
	(shape: ReferralShape) => `${shape.all}:${shape.ofVacancy}:${shape.pageSize}:${shape.firstPage}`,
	(database, { all, ofVacancy, pageSize, firstPage }) => {
		const name = `referrals_${all}_${ofVacancy}_${pageSize}_${firstPage}`;
		const where = and(all ? undefined : eq(referral.referrerId, sql.placeholder('referrer')), ofVacancy ? eq(referral.vacancyId, sql.placeholder('vacancy')) : undefined);
		const ordered = database
			.select(referralColumns)
			.from(referral)
			.innerJoin(vacancy, eq(vacancy.id, referral.vacancyId))
			.innerJoin(person, eq(person.id, referral.referrerId))
			.where(where)
			.orderBy(desc(referral.createdAt), desc(referral.id))
			.$dynamic();
		return preparedPage(name, ordered, database.select({ total: sql<number>`count(*)::int` }).from(referral).where(where).$dynamic(), pageSize, firstPage);
	}
);

/**
 * The referral ledger: a referrer's own referrals, or (for HR, `all`) everyone's, optionally of one
 * vacancy; newest first, a page at a time.
 */
export async function listReferrals(actor: Actor, options: { all: boolean; vacancyId?: string; page: number; pageSize?: number }) {
	const pageSize = options.pageSize ?? 20;
	const query = referralQuery({ all: options.all && can(actor, 'vacancies.manage'), ofVacancy: !!options.vacancyId, pageSize, firstPage: options.page === 1 });
	const values = { referrer: actor.id, vacancy: options.vacancyId, offset: (options.page - 1) * pageSize };
	const [rows, [counted]] = await Promise.all([query.rows.execute(values), query.total.execute(values)]);
	return { referrals: rows, total: counted?.total ?? 0 };
}

export type MoveResult = { ok: true } | { ok: false; reason: 'not_found' | 'vacancies_stale_status' | 'vacancies_move_not_allowed' };

/**
 * HR moves a referral on. The form says which status it saw: when someone else moved it
 * meanwhile, the conditional update finds nothing and the move is refused, so parallel moves
 * cannot both win. A hire thanks the referrer by email, in the same transaction.
 */
export async function moveReferral(actor: Actor, id: string, from: ReferralStatus, to: ReferralStatus, meta: RequestMeta): Promise<MoveResult> {
	if (!isId(id)) return { ok: false, reason: 'not_found' };
	if (!referralMoves[from].includes(to)) return { ok: false, reason: 'vacancies_move_not_allowed' };
	const organisation = await getOrganisation();
	return db.transaction(async (tx): Promise<MoveResult> => {
		const [moved] = await tx
			.update(referral)
			.set({ status: to, updatedAt: new Date() })
			.where(and(eq(referral.id, id), eq(referral.status, from)))
			.returning({ id: referral.id, vacancyId: referral.vacancyId, referrerId: referral.referrerId, candidateName: referral.candidateName });
		if (!moved) {
			const [exists] = await tx.select({ id: referral.id }).from(referral).where(eq(referral.id, id));
			return { ok: false, reason: exists ? 'vacancies_stale_status' : 'not_found' };
		}
		const [context] = await tx
			.select({ title: vacancy.title, email: person.email, locale: person.locale, name: person.name })
			.from(vacancy)
			.innerJoin(person, eq(person.id, moved.referrerId))
			.where(eq(vacancy.id, moved.vacancyId));
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'vacancies.referral_moved',
			target: { type: 'referral', id, label: `${moved.candidateName} · ${context!.title}` },
			ip: meta.ip,
			details: { from, to }
		});
		if (to === 'hired')
			await queueEmail(tx, {
				to: context!.email,
				personId: moved.referrerId,
				purpose: 'referral_hired',
				...referralHiredEmail(recipientLocale(context!.locale, organisation.defaultLocale), {
					organisation: organisation.name,
					name: context!.name,
					candidate: moved.candidateName,
					title: context!.title,
					link: `${meta.origin}/jobs/referrals`
				})
			});
		return { ok: true };
	});
}
