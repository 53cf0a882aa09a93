import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { demo, personByEmail } from '../support/fixtures';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { partnerOrg, person } from '../../src/lib/server/db/schema';
import { post } from '../../src/lib/server/knowledge/schema';
import { pulseRound } from '../../src/lib/server/pulse/schema';
import { listPartners } from '../../src/lib/server/partners';
import { listSpacesWithCounts } from '../../src/lib/server/knowledge';
import { listSurveys, pulseResults } from '../../src/lib/server/pulse';

/**
 * Counts that a list works out per row with a subquery. drizzle writes the fields of a select
 * from one table without table names, and there `(select count(*) from person where
 * partner_org_id = id)` compared each person with their own id: every count was 0.
 */
let app: TestApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.close());

async function hrActor() {
	const hr = await personByEmail(app.db, demo.hr);
	const { token } = await createSession(app.db, hr.id, { userAgent: 'test', ip: null });
	return (await validateSessionToken(token))!.actor;
}

const counted = async (query: Promise<{ id: string; count: number }[]>) => new Map((await query).map((row) => [row.id, row.count]));

describe('counts per row in a list', () => {
	it('counts the members of each partner organisation', async () => {
		const expected = await counted(
			app.db
				.select({ id: partnerOrg.id, count: sql<number>`count(${person.id})::int` })
				.from(partnerOrg)
				.leftJoin(person, and(eq(person.partnerOrgId, partnerOrg.id), ne(person.status, 'deactivated')))
				.groupBy(partnerOrg.id)
		);
		const partners = await listPartners();
		expect(partners.some((partner) => partner.memberCount > 0)).toBe(true);
		expect(new Map(partners.map((partner) => [partner.id, partner.memberCount]))).toEqual(expected);
	});

	it('counts the visible posts of each space', async () => {
		// One hidden post, so that a count of them all would be one too many.
		const [shown] = await app.db.select({ id: post.id }).from(post).where(isNull(post.hiddenAt)).limit(1);
		await app.db.update(post).set({ hiddenAt: new Date(), hiddenReason: 'counted apart' }).where(eq(post.id, shown!.id));
		const expected = await counted(
			app.db
				.select({ id: post.spaceId, count: sql<number>`count(*)::int` })
				.from(post)
				.where(isNull(post.hiddenAt))
				.groupBy(post.spaceId)
		);
		const spaces = await listSpacesWithCounts(await hrActor());
		expect(spaces.length).toBeGreaterThan(0);
		for (const space of spaces) expect(space.postCount, space.name).toBe(expected.get(space.id) ?? 0);
		expect(spaces.some((space) => space.postCount > 0)).toBe(true);
	});

	it('counts the rounds of each pulse, and shows results of one with a closed round first', async () => {
		const expected = await counted(app.db.select({ id: pulseRound.surveyId, count: sql<number>`count(*)::int` }).from(pulseRound).groupBy(pulseRound.surveyId));
		const surveys = await listSurveys();
		expect(surveys.some((survey) => survey.rounds > 0)).toBe(true);
		for (const survey of surveys) expect(survey.rounds, survey.name).toBe(expected.get(survey.id) ?? 0);

		const closed = new Set((await app.db.select({ id: pulseRound.surveyId }).from(pulseRound).where(eq(pulseRound.closed, true))).map((row) => row.id));
		expect(closed.size).toBeGreaterThan(0);
		const results = await pulseResults(await hrActor(), {});
		expect(closed.has(results!.survey!.id)).toBe(true);
	});
});
