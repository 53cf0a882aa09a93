import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail } from '../support/fixtures';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { growthPlan, offboarding, orgUnit, person, planCheckIn } from '../../src/lib/server/db/schema';
import { exitDays, insightsMinimum, keptInsights, retentionInsights, stalledDays } from '../../src/lib/server/insights';
import { flexInsights } from '../../src/lib/server/flex/insights';
import { addDays, pulseResults, today } from '../../src/lib/server/pulse';
import type { Actor } from '../../src/lib/server/authz';
import type { LeavingReason } from '../../src/lib/alumni';
import { unitsChanged } from '../../src/lib/server/org';

let app: TestApp;
let hr: Actor;
const day = today('Europe/Amsterdam');
beforeAll(async () => {
	app = await startApp();
	const { token } = await createSession(app.db, (await personByEmail(app.db, demo.hr)).id, { userAgent: 'test', ip: null });
	hr = (await validateSessionToken(token))!.actor;
});
afterAll(() => app?.close());

/** A tree of its own: Lab, with Big and Small below it. */
async function lab() {
	const prefix = freshEmail('lab').split('@')[0]!;
	const [top] = await app.db.insert(orgUnit).values({ name: `${prefix} Lab` }).returning({ id: orgUnit.id });
	const [big] = await app.db.insert(orgUnit).values({ name: `${prefix} Big`, parentId: top!.id }).returning({ id: orgUnit.id });
	const [small] = await app.db.insert(orgUnit).values({ name: `${prefix} Small`, parentId: top!.id }).returning({ id: orgUnit.id });
	unitsChanged(); // written past the org module, which keeps the units it read
	return { top: top!.id, big: big!.id, small: small!.id, smallName: `${prefix} Small` };
}

/** `count` people who left `unitId` for `reason`, `daysAgo` days ago. */
async function leavers(unitId: string | null, count: number, reason: LeavingReason, daysAgo = 30) {
	for (let index = 0; index < count; index++) {
		const [left] = await app.db.insert(person).values({ email: freshEmail('left'), name: 'Left Person', kind: 'alumni', status: 'active', unitId }).returning({ id: person.id });
		await app.db.insert(offboarding).values({ personId: left!.id, lastDay: addDays(day, -daysAgo), reason, rehireEligible: true, personalEmail: freshEmail('own'), status: 'completed' });
	}
}

/** `count` colleagues in `unitId` with one plan each, checked in on `daysAgo` days ago (null: never, the plan made that long ago). */
async function plans(unitId: string | null, count: number, daysAgo: number, checkedIn = true) {
	for (let index = 0; index < count; index++) {
		const [owner] = await app.db.insert(person).values({ email: freshEmail('plan'), name: 'Plan Owner', kind: 'employee', status: 'active', unitId }).returning({ id: person.id });
		const [plan] = await app.db
			.insert(growthPlan)
			.values({ ownerId: owner!.id, title: 'Grow', createdAt: new Date(Date.parse(`${addDays(day, -daysAgo - 5)}T12:00:00Z`)) })
			.returning({ id: growthPlan.id });
		if (checkedIn) await app.db.insert(planCheckIn).values({ planId: plan!.id, on: addDays(day, -daysAgo), progress: 20 });
	}
}

describe('/insights', () => {
	it('is for HR only', async () => {
		expect((await (await clientFor(app, 'hr')).get('/insights')).status).toBe(200);
		for (const role of ['employee', 'manager', 'admin', 'alumni', 'partner'] as const) {
			const client = await clientFor(app, role);
			expect((await client.get('/insights')).status, role).toBe(403);
			expect((await client.action('/insights?/recompute', {})).status, role).toBe(403);
		}
		expect(() => keptInsights({ ...hr, roles: [] })).toThrow(/for HR/);
	});

	it('withholds a unit below N on every signal and, against differencing, the sibling that would give it away; the parent shows the whole', async () => {
		// HR has the page open before the changes below: it keeps the figures it computed then.
		const client = await clientFor(app, 'hr');
		expect((await client.get('/insights')).status).toBe(200);
		const units = await lab();
		// Exits: Big 5, Small 2, Lab itself none. Showing Lab and Big would give Small away (Lab − Big = 2).
		await leavers(units.big, 3, 'new_job');
		await leavers(units.big, 2, 'relocation');
		await leavers(units.small, 2, 'new_job');
		// One who left more than a year ago does not count.
		await leavers(units.small, 1, 'personal', exitDays + 5);
		// Plans: Big 6 owners (4 stalled), Small 3 owners (all stalled).
		await plans(units.big, 2, 3);
		await plans(units.big, 4, stalledDays + 1);
		await plans(units.small, 2, stalledDays + 10);
		await plans(units.small, 1, stalledDays + 10, false);
		// Enough outside any unit that the organisation minus Lab is no small group either (else Lab would fold in).
		await leavers(null, insightsMinimum, 'other');
		await plans(null, insightsMinimum, 1);

		const insights = await retentionInsights(hr);
		const group = (id: string) => insights.groups.find((candidate) => candidate.id === id)!;
		expect(group(units.top).leavers).toBe(7);
		expect(group(units.top).exitReasons).toMatchObject({ new_job: 5, relocation: 2, personal: 0 });
		expect(group(units.big).leavers).toBeNull();
		expect(group(units.small).leavers).toBeNull();
		expect(Object.values(group(units.small).exitReasons).every((value) => value === null)).toBe(true);
		expect(Object.values(group(units.big).exitReasons).every((value) => value === null)).toBe(true);
		// Plans: Big has 6 owners but Small's 3 would be Lab − Big, so Big is withheld too; Lab shows all 7 stalled of 9.
		expect(group(units.top).stalledPlans).toBe(7);
		expect(group(units.big).stalledPlans).toBeNull();
		expect(group(units.small).stalledPlans).toBeNull();
		// Nobody asked for flex or answered a pulse in these new units: nothing to show there.
		expect([group(units.small).declinedExceptions, ...group(units.small).hq]).toEqual([null, ...group(units.small).hq.map(() => null)]);

		// Until HR asks for them anew.
		const kept = await (await client.get('/insights')).text();
		expect(kept).toContain('Figures computed:');
		expect(kept).not.toContain(units.smallName);
		expect(await client.action('/insights?/recompute', {})).toMatchObject({ type: 'redirect', status: 303, location: '/insights' });
		// The page says nothing about Small but that there are not enough people.
		const html = await (await client.get('/insights')).text();
		const row = html.slice(html.indexOf(units.smallName), html.indexOf('</tr>', html.indexOf(units.smallName)));
		expect(row).toContain('not enough people');
		expect(row).not.toMatch(/>\s*[+-]?\d+\s*</);
		expect(html).toContain('href="/insights/flex"');
	});

	it("takes the HQ trend from the pulse's own results and declined exceptions from flex insights, with their withholding", async () => {
		const [insights, pulse, flex] = await Promise.all([retentionInsights(hr), pulseResults(hr, {}), flexInsights()]);
		expect(insights.survey?.name).toBe('Bi-weekly pulse');
		expect(insights.rounds).toEqual(pulse!.rounds.slice(-6).map((round) => round.number));
		for (const group of insights.groups) {
			expect(group.hq, group.name).toEqual((pulse!.series[group.id] ?? []).slice(-6).map((point) => point?.hq ?? null));
			const flexGroup = flex.groups.find((candidate) => candidate.id === group.id)!;
			expect(group.declinedExceptions, group.name).toBe(flexGroup.shown ? flexGroup.declined : null);
		}
		// The demo's unit of four shows no HQ; the organisation does.
		expect(insights.groups[0]!.hq.every((value) => value !== null)).toBe(true);
		expect(insights.groups.some((group) => group.depth > 0 && group.hq.every((value) => value === null))).toBe(true);
	});

	it('calls the whole organisation by that name, apart from the top unit that carries its name', async () => {
		const client = await clientFor(app, 'hr');
		for (const path of ['/insights', '/insights/flex']) {
			const html = await (await client.get(path)).text();
			const rows = [...html.matchAll(/<th scope="row"[^>]*>\s*([^<]*?)\s*</g)].map((match) => match[1]);
			expect(rows.slice(0, 2), path).toEqual(['Whole organisation', 'Noorderlicht IT Services']);
		}
	});
});
