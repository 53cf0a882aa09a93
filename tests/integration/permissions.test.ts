import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app';
import { clientFor } from '../support/sessions';
import { demo, freshEmail, personByEmail, type DemoRole } from '../support/fixtures';
import { boundsForm } from '../support/flex';
import { defaultOrgRules } from '../../src/lib/server/flex/defaults';
import { todayIn } from '../../src/lib/server/flex';
import { issueToken } from '../../src/lib/server/auth/tokens';
import { alumniProfile, assessmentShare, calendarFeed, careerTrack, opportunity, opportunityApplication, type OpportunityAudience, comment, event, offboarding, flexArrangement, post, space, spaceModerator, growthPlan, mentorOffer, mentorOfferSkill, mentorship, orgUnit, partnerOrg, person, personSkill, planActivity, planGoal, planShare, pulseQuestion, pulseRound, pulseSurvey, referral, skill, skillProposal, trackLevel, vacancy, xlaMeasure, xlaService, type PersonStatus, type VacancyAudience, type Role as PersonRole } from '../../src/lib/server/db/schema';
import { unitsChanged } from '../../src/lib/server/org';

/**
 * Every route and every form action, for every kind of person: allowed ones succeed, the others
 * are refused (403), sent to sign in, or told the thing does not exist (404) where its existence
 * is private. The last test fails when a route or action is added without a row here.
 */
type Role = DemoRole | 'anonymous';
const roles: Role[] = ['anonymous', 'employee', 'manager', 'hr', 'admin', 'alumni', 'partner'];

/**
 * ok: the page (200) or the action's success; login: sent to sign in first; away: a page that
 * sends this person elsewhere (e.g. /login when already signed in); a number: refused with it.
 */
type Outcome = 'ok' | 'login' | 'away' | 403 | 404 | 409 | 410;

interface Context {
	app: TestApp;
	ids: { employee: string; alumni: string; manager: string; unit: string; partner: string };
}

interface Case {
	route: string;
	/** GET, or the name of a form action ('default' for the unnamed one), or a +server.ts method. */
	action: 'GET' | string;
	path: (context: Context) => Promise<string> | string;
	/** A valid submission, fresh for every role so that one role's success does not change another's case. */
	body?: (context: Context) => Promise<Record<string, string | string[]>> | Record<string, string | string[]>;
	expect: Record<Role, Outcome>;
	/** Tells apart rows for the same route and action (another target, a malformed id). */
	note?: string;
}

const all = (outcome: Outcome): Record<Role, Outcome> => Object.fromEntries(roles.map((role) => [role, outcome])) as Record<Role, Outcome>;
const signedIn = (outcome: Outcome): Record<Role, Outcome> => ({ ...all(outcome), anonymous: 'login' });
const staff = (): Record<Role, Outcome> => ({ ...signedIn(403), hr: 'ok', admin: 'ok' });
const adminOnly = (): Record<Role, Outcome> => ({ ...signedIn(403), admin: 'ok' });
/** Staff are told it does not exist; everyone else is refused before the id is even looked at. */
const staffNotFound = (): Record<Role, Outcome> => ({ ...signedIn(403), hr: 404, admin: 404 });
const colleagues = (): Record<Role, Outcome> => ({ ...signedIn('ok'), alumni: 403, partner: 403 });
const hrOnly = (): Record<Role, Outcome> => ({ ...signedIn(403), hr: 'ok' });

let unitCounter = 0;
/** Someone to act on; what they hold decides who may change them. */
async function freshPerson(context: Context, { roles = [], status = 'invited' }: { roles?: PersonRole[]; status?: PersonStatus } = {}): Promise<string> {
	const [created] = await context.app.db
		.insert(person)
		.values({ email: freshEmail('target'), name: 'Permission Target', kind: 'employee', status, roles })
		.returning({ id: person.id });
	return created!.id;
}
async function freshUnit(context: Context): Promise<string> {
	const [created] = await context.app.db.insert(orgUnit).values({ name: `Unit ${++unitCounter}`, parentId: context.ids.unit }).returning({ id: orgUnit.id });
	unitsChanged(); // written past the org module, which keeps the units it read
	return created!.id;
}
async function freshPartner(context: Context): Promise<string> {
	const [created] = await context.app.db.insert(partnerOrg).values({ name: `Partner ${++unitCounter}` }).returning({ id: partnerOrg.id });
	return created!.id;
}
/** A fresh post (a question with one answer) by the demo employee in a demo space. */
async function freshQuestion(context: Context, slug: string): Promise<{ postId: string; commentId: string }> {
	const [target] = await context.app.db.select({ id: space.id }).from(space).where(eq(space.slug, slug));
	const [created] = await context.app.db
		.insert(post)
		.values({ spaceId: target!.id, authorId: context.ids.employee, kind: 'question', title: `Permission question ${++unitCounter}`, body: 'Why?', bodyHtml: '<p>Why?</p>' })
		.returning({ id: post.id });
	const [answer] = await context.app.db
		.insert(comment)
		.values({ postId: created!.id, authorId: context.ids.manager, body: 'Because.', bodyHtml: '<p>Because.</p>' })
		.returning({ id: comment.id });
	return { postId: created!.id, commentId: answer!.id };
}
const questionPath = (slug: string) => async (context: Context) => `/knowledge/posts/${(await freshQuestion(context, slug)).postId}`;
/** Knowledge: employees read every space; alumni and partners are told an employees-only post does not exist. */
const employeesSpace = (outcome: Outcome = 'ok'): Record<Role, Outcome> => ({ ...signedIn(outcome), alumni: 404, partner: 404 });
/** The space's moderators (the demo manager) and staff. */
const moderators = (): Record<Role, Outcome> => ({ ...employeesSpace(403), manager: 'ok', hr: 'ok', admin: 'ok' });
const postFields = () => ({ kind: 'question', title: `Permission post ${++unitCounter}`, body: 'A question', url: '', tags: 'test', language: 'en' });
let answerTarget: { postId: string; commentId: string } | undefined;
/** A fresh employees-only space moderated by the demo manager, archived if asked: its slug. */
async function freshSpace(context: Context, { archived = false } = {}): Promise<string> {
	const slug = `permission-space-${++unitCounter}`;
	const [created] = await context.app.db
		.insert(space)
		.values({ slug, name: `Permission space ${unitCounter}`, audience: 'employees', archivedAt: archived ? new Date() : null })
		.returning({ id: space.id });
	await context.app.db.insert(spaceModerator).values({ spaceId: created!.id, personId: context.ids.manager });
	return slug;
}
const settingsPath = (options?: { archived?: boolean }) => async (context: Context) => `/knowledge/${await freshSpace(context, options)}/settings`;
/** A question in a fresh space: pins are counted per space, so one role's pin never fills another's. */
const freshSpaceQuestion = (options?: { archived?: boolean }) => async (context: Context) =>
	`/knowledge/posts/${(await freshQuestion(context, await freshSpace(context, options))).postId}`;
/** Changing who reads a space: HR and admins, and only for spaces they may read (staff read all). */
const audienceStaff = (): Record<Role, Outcome> => ({ ...employeesSpace(403), hr: 'ok', admin: 'ok' });

/** A request of the demo employee's, waiting for the demo manager. */
async function freshArrangement(context: Context): Promise<string> {
	const [created] = await context.app.db
		.insert(flexArrangement)
		.values({ personId: context.ids.employee, type: 'learning', status: 'pending', startsOn: '2099-01-05', details: { hours: 40 }, checks: [], boundsIds: [], deciderId: context.ids.manager })
		.returning({ id: flexArrangement.id });
	return `/flex/${created!.id}`;
}
/** A running arrangement of the demo employee's: approved by the demo manager, or by the bounds. */
async function runningArrangement(context: Context, decided: boolean): Promise<string> {
	const [created] = await context.app.db
		.insert(flexArrangement)
		.values({
			personId: context.ids.employee,
			type: 'learning',
			status: 'approved',
			byPolicy: !decided,
			startsOn: '2020-01-06',
			details: { hours: 4 },
			checks: [],
			boundsIds: [],
			decidedBy: decided ? context.ids.manager : null
		})
		.returning({ id: flexArrangement.id });
	return `/flex/${created!.id}`;
}
const endEarlyBody = () => ({ endsOn: todayIn('Europe/Amsterdam') });
/** A calendar address of the demo employee's, made fresh (each replaces the one before). */
async function freshFeed(context: Context): Promise<string> {
	const issued = issueToken();
	await context.app.db.delete(calendarFeed).where(eq(calendarFeed.personId, context.ids.employee));
	await context.app.db.insert(calendarFeed).values({ id: issued.id, secretHash: issued.secretHash, personId: context.ids.employee, scope: 'person' });
	return `/calendar/${issued.token}.ics`;
}
/** Flexible work is for employees; alumni and partners are refused before any id is looked at. */
const employeesOnly = (outcomes: Partial<Record<Role, Outcome>>): Record<Role, Outcome> => ({ ...signedIn(404), alumni: 403, partner: 403, ...outcomes });
/** Growth is for employees and alumni (who keep their plans); partners have none. */
const growers = (): Record<Role, Outcome> => ({ ...signedIn('ok'), partner: 403 });
/** A plan is the owner's to change; whom it is shared with (the manager) is refused, and for everyone else it does not exist. */
const planOwner = (): Record<Role, Outcome> => ({ ...signedIn(404), employee: 'ok', manager: 403, partner: 403 });
const planReaders = (): Record<Role, Outcome> => ({ ...signedIn(404), employee: 'ok', manager: 'ok', partner: 403 });

/** The rows made by the last `path` call, for the `body` that follows it. */
const made: { applicationId?: string; goalId?: string; activityId?: string; levelId?: string; skillId?: string; mentorshipId?: string; mentorId?: string; proposalId?: string } = {};
/** A plan of the demo employee's, shared with their manager, with a goal and an activity. */
async function freshPlan(context: Context, { shared = true } = {}): Promise<string> {
	const { db } = context.app;
	const [plan] = await db.insert(growthPlan).values({ ownerId: context.ids.employee, title: `Plan ${++unitCounter}`, targetText: 'Lead' }).returning({ id: growthPlan.id });
	if (shared) await db.insert(planShare).values({ planId: plan!.id, personId: context.ids.manager });
	const [goal] = await db.insert(planGoal).values({ planId: plan!.id, title: 'Goal' }).returning({ id: planGoal.id });
	const [activity] = await db.insert(planActivity).values({ planId: plan!.id, kind: 'book', title: 'Book' }).returning({ id: planActivity.id });
	made.goalId = goal!.id;
	made.activityId = activity!.id;
	return `/growth/plans/${plan!.id}`;
}
async function freshSkill(context: Context): Promise<string> {
	const [created] = await context.app.db.insert(skill).values({ name: `Skill ${++unitCounter}`, category: 'Test' }).returning({ id: skill.id });
	made.skillId = created!.id;
	return `/admin/growth/skills/${created!.id}`;
}
async function freshTrack(context: Context): Promise<string> {
	const [track] = await context.app.db.insert(careerTrack).values({ name: `Track ${++unitCounter}`, kind: 'craft' }).returning({ id: careerTrack.id });
	const [level] = await context.app.db.insert(trackLevel).values({ trackId: track!.id, rank: 1, title: 'First' }).returning({ id: trackLevel.id });
	made.levelId = level!.id;
	await freshSkill(context);
	return `/admin/growth/tracks/${track!.id}`;
}
/** Someone offering mentoring on a fresh skill, whom nobody has asked yet. */
async function freshMentor(context: Context): Promise<string> {
	const { db } = context.app;
	const [mentor] = await db.insert(person).values({ email: freshEmail('mentor'), name: 'Mentor', kind: 'employee', status: 'active' }).returning({ id: person.id });
	await freshSkill(context);
	await db.insert(mentorOffer).values({ personId: mentor!.id, capacity: 20 });
	await db.insert(mentorOfferSkill).values({ personId: mentor!.id, skillId: made.skillId!, proficiency: 5 });
	made.mentorId = mentor!.id;
	return '/growth/mentors';
}
/** A mentorship between two demo people (ongoing unless asked), fresh: any earlier one between them is removed. */
async function freshMentorship(context: Context, mentorId: string, menteeId: string, status: 'requested' | 'accepted' = 'accepted'): Promise<string> {
	const { db } = context.app;
	await db.delete(mentorship).where(and(eq(mentorship.mentorId, mentorId), eq(mentorship.menteeId, menteeId)));
	await db.insert(mentorOffer).values({ personId: mentorId, capacity: 20 }).onConflictDoUpdate({ target: mentorOffer.personId, set: { capacity: 20, active: true } });
	const [row] = await db.insert(mentorship).values({ mentorId, menteeId, status }).returning({ id: mentorship.id });
	made.mentorshipId = row!.id;
	return `/growth/mentors/${row!.id}`;
}
/** Every demo person who grows here rates a fresh skill at 4, so that each may offer it. */
async function offerableSkill(context: Context): Promise<string> {
	await freshSkill(context);
	const people = await context.app.db.select({ id: person.id }).from(person).where(inArray(person.email, Object.values(demo)));
	await context.app.db.insert(personSkill).values(people.map((row) => ({ personId: row.id, skillId: made.skillId!, proficiency: 4 })));
	return '/growth/mentors';
}
/** Only the mentor answers a request, only its two parties see or end a mentorship: nobody else learns it exists. */
const mentorOnly = (): Record<Role, Outcome> => ({ ...signedIn(404), employee: 'ok', partner: 403 });
const mentorshipParties = (): Record<Role, Outcome> => ({ ...signedIn(404), employee: 'ok', manager: 'ok', partner: 403 });

async function freshProposal(context: Context): Promise<string> {
	const [row] = await context.app.db.insert(skillProposal).values({ name: `Proposed ${++unitCounter}`, category: 'Test', proposedBy: context.ids.employee }).returning({ id: skillProposal.id });
	made.proposalId = row!.id;
	await freshSkill(context);
	return '/admin/growth';
}

/** The demo employee's self-assessment, shared with her manager (or not: withdrawn). */
async function sharedAssessment(context: Context, shared = true): Promise<string> {
	const { db } = context.app;
	await db.delete(assessmentShare).where(eq(assessmentShare.personId, context.ids.employee));
	if (shared) await db.insert(assessmentShare).values({ personId: context.ids.employee, managerId: context.ids.manager });
	return `/growth/skills/${context.ids.employee}`;
}
/** Only the manager it is shared with reads a shared self-assessment; the person uses /growth/skills. */
const assessmentManager = (): Record<Role, Outcome> => ({ ...signedIn(404), manager: 'ok', partner: 403 });

/** An opportunity the demo manager posted for an audience, with one application from a fresh colleague. */
async function freshOpportunity(context: Context, audience: OpportunityAudience = 'employees', status: 'open' | 'closed' = 'open'): Promise<string> {
	const { db } = context.app;
	const [row] = await db
		.insert(opportunity)
		.values({ posterId: context.ids.manager, kind: 'gig', title: `Opportunity ${++unitCounter}`, audience, hoursPerWeek: 4, startsOn: '2027-01-04', status })
		.returning({ id: opportunity.id });
	const [applicant] = await db.insert(person).values({ email: freshEmail('applicant'), name: 'Applicant', kind: 'employee', status: 'active' }).returning({ id: person.id });
	const [application] = await db.insert(opportunityApplication).values({ opportunityId: row!.id, applicantId: applicant!.id }).returning({ id: opportunityApplication.id });
	made.applicationId = application!.id;
	return `/opportunities/${row!.id}`;
}
/** Who sees an opportunity: its audience, its poster (the demo manager) and staff; for everyone else it does not exist. */
const opportunitySeers = (audience: OpportunityAudience): Record<Role, Outcome> => ({
	...signedIn(404),
	manager: 'ok',
	hr: 'ok',
	admin: 'ok',
	...(audience === 'partners' ? { partner: 'ok' } : { employee: 'ok', ...(audience === 'employees_alumni' ? { alumni: 'ok' } : {}) })
});
/** Only the poster closes, reopens and decides; those who see it are refused, for the rest it does not exist. */
const opportunityPoster = (): Record<Role, Outcome> => ({ ...opportunitySeers('employees'), employee: 403, hr: 403, admin: 403 });
const opportunityFields = async (context: Context) => {
	await freshSkill(context);
	return { kind: 'project', title: `Posted ${++unitCounter}`, description: '', audience: 'employees', hoursPerWeek: '4', startsOn: '2027-01-04', endsOn: '', [`level.${made.skillId}`]: '3' };
};

const planFields = () => ({ title: `Plan ${++unitCounter}`, ambition: '', targetLevelId: '', targetText: 'Lead a team', horizon: '' });

async function unitNamed(app: TestApp, name: string): Promise<string> {
	const [unit] = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, name));
	return unit!.id;
}
async function xlaServiceNamed(app: TestApp, name: string): Promise<string> {
	const [service] = await app.db.select({ id: xlaService.id }).from(xlaService).where(eq(xlaService.name, name));
	return `/xla/${service!.id}`;
}
async function xlaMeasureOf(app: TestApp, name: string): Promise<string> {
	const [measure] = await app.db.select({ id: xlaMeasure.id }).from(xlaMeasure).innerJoin(xlaService, eq(xlaService.id, xlaMeasure.serviceId)).where(eq(xlaService.name, name));
	return measure!.id;
}
async function xlaRatingMeasure(app: TestApp): Promise<string> {
	const [measure] = await app.db.select({ id: xlaMeasure.id }).from(xlaMeasure).where(eq(xlaMeasure.source, 'rating'));
	return measure!.id;
}
async function demoPulsePath(app: TestApp): Promise<string> {
	const [survey] = await app.db.select({ id: pulseSurvey.id }).from(pulseSurvey).where(eq(pulseSurvey.name, 'Bi-weekly pulse'));
	return `/admin/pulse/${survey!.id}`;
}
/** A pulse of its own to pause (or, paused already, to resume). */
async function freshSurvey(context: Context, active = true): Promise<string> {
	const [survey] = await context.app.db
		.insert(pulseSurvey)
		.values({ name: `Pulse ${++unitCounter}`, recurrenceDays: 14, windowDays: 5, nextOpensOn: '2030-01-07', active })
		.returning({ id: pulseSurvey.id });
	return survey!.id;
}
async function pulseActionFor(context: Context): Promise<Record<string, string>> {
	const [survey] = await context.app.db.select({ id: pulseSurvey.id }).from(pulseSurvey).where(eq(pulseSurvey.name, 'Bi-weekly pulse'));
	return { surveyId: survey!.id, dimension: 'workload', title: `Action ${++unitCounter}`, description: '', takenOn: '2026-11-02' };
}
/** An answer to the demo's open pulse round: every role answers it once. */
async function pulseAnswer(context: Context): Promise<Record<string, string>> {
	const [round] = await context.app.db.select({ id: pulseRound.id, surveyId: pulseRound.surveyId }).from(pulseRound).where(eq(pulseRound.closed, false));
	const questions = await context.app.db.select({ position: pulseQuestion.position }).from(pulseQuestion).where(eq(pulseQuestion.surveyId, round!.surveyId));
	return { roundId: round!.id, ...Object.fromEntries(questions.map((question) => [`score_${question.position}`, '7'])) };
}
async function freshOffboarding(context: Context): Promise<string> {
	const personId = await freshPerson(context, { status: 'active' });
	const [created] = await context.app.db
		.insert(offboarding)
		.values({ personId, lastDay: '2030-01-01', reason: 'other', rehireEligible: true, personalEmail: freshEmail('personal') })
		.returning({ id: offboarding.id });
	return created!.id;
}
/** A demo alumnus other than the signed-in one, listed in the directory or not. */
async function demoAlumnus(context: Context, listed: boolean): Promise<string> {
	const [row] = await context.app.db
		.select({ id: person.id })
		.from(person)
		.innerJoin(alumniProfile, eq(alumniProfile.personId, person.id))
		.where(and(eq(person.kind, 'alumni'), eq(person.status, 'active'), ne(person.id, context.ids.alumni), listed ? isNotNull(alumniProfile.consentedAt) : isNull(alumniProfile.consentedAt)))
		.limit(1);
	return row!.id;
}
async function freshEvent(context: Context, audience: 'both' | 'partners' = 'both'): Promise<string> {
	const [created] = await context.app.db
		.insert(event)
		.values({ title: 'Permission Event', startsAt: new Date('2030-01-01T17:00:00Z'), endsAt: new Date('2030-01-01T19:00:00Z'), timeZone: 'Europe/Amsterdam', place: 'Office', audience })
		.returning({ id: event.id });
	return created!.id;
}
async function freshVacancy(context: Context, audience: VacancyAudience = 'alumni'): Promise<string> {
	const [created] = await context.app.db.insert(vacancy).values({ title: 'Permission Vacancy', description: 'A job', audience }).returning({ id: vacancy.id });
	return created!.id;
}
async function freshReferral(context: Context): Promise<Record<string, string>> {
	const [created] = await context.app.db
		.insert(referral)
		.values({ vacancyId: await freshVacancy(context), referrerId: context.ids.employee, candidateName: 'Permission Candidate', candidateEmail: freshEmail('candidate'), why: 'Fits' })
		.returning({ id: referral.id });
	return { id: created!.id, from: 'submitted', to: 'in_process' };
}
async function freshRehire(context: Context): Promise<Record<string, string>> {
	const [created] = await context.app.db
		.insert(person)
		.values({ email: freshEmail('boomerang'), name: 'Permission Alumnus', kind: 'alumni', status: 'active', leftOn: '2024-01-31' })
		.returning({ id: person.id });
	return { personId: created!.id, unitId: context.ids.unit, rehiredOn: '2025-02-01' };
}
/** A vacancy for employees and alumni: visitors sign in first, partners are told it does not exist. */
const networkVacancy = (): Record<Role, Outcome> => ({ ...signedIn('ok'), partner: 404 });
/** Applying and referring: employees and alumni; partners are refused before any id is looked at. */
const network = (): Record<Role, Outcome> => ({ ...signedIn('ok'), partner: 403 });
/** Employees and alumni are the audience of a "both" event; partners are told it does not exist. */
const bothAudience = (): Record<Role, Outcome> => ({ ...signedIn('ok'), partner: 404 });
const personFields = (email = freshEmail()) => ({ name: 'New Colleague', email, kind: 'employee', jobTitle: 'Engineer', unitId: '', managerEmail: '', partnerOrgId: '', locale: '' });

const cases: Case[] = [
	{ route: '/', action: 'GET', path: () => '/', expect: signedIn('ok') },
	{ route: '/health', action: 'GET', path: () => '/health', expect: all('ok') },
	{ route: '/login', action: 'GET', path: () => '/login', expect: { ...all('away'), anonymous: 'ok' } },
	{ route: '/login', action: 'default', path: () => '/login', body: () => ({ email: demo.employee, password: 'kring-demo' }), expect: all('ok') },
	{ route: '/logout', action: 'GET', path: () => '/logout', expect: signedIn('ok') },
	{ route: '/logout', action: 'default', path: () => '/logout', body: () => ({}), expect: all('ok') },
	{ route: '/reset', action: 'GET', path: () => '/reset', expect: all('ok') },
	{ route: '/reset', action: 'default', path: () => '/reset', body: () => ({ email: freshEmail() }), expect: all('ok') },
	{ route: '/reset/[token]', action: 'GET', path: () => '/reset/none.none', expect: all('ok') },
	// The token is the permission: without a live one nobody gets past it.
	{ route: '/reset/[token]', action: 'default', path: () => '/reset/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	{ route: '/invite/[token]', action: 'GET', path: () => '/invite/none.none', expect: all('ok') },
	{ route: '/invite/[token]', action: 'default', path: () => '/invite/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ name: 'X', password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	// Once an organisation exists, setup is closed to everyone.
	{ route: '/setup', action: 'GET', path: () => '/setup', expect: all('away') },
	{ route: '/setup', action: 'default', path: () => '/setup', body: () => ({ organisation: 'Takeover', timeZone: 'UTC', name: 'Mallory', email: freshEmail(), password: 'a long new password', confirm: 'a long new password' }), expect: all(409) },
	{ route: '/preferences', action: 'GET', path: () => '/preferences', expect: all('ok') },
	{ route: '/preferences', action: 'language', path: () => '/preferences', body: () => ({ locale: 'en', redirectTo: '/' }), expect: all('ok') },
	{ route: '/preferences', action: 'theme', path: () => '/preferences', body: () => ({ theme: 'dark', redirectTo: '/' }), expect: all('ok') },
	{ route: '/account', action: 'GET', path: () => '/account', expect: signedIn('ok') },
	{ route: '/account', action: 'profile', path: () => '/account', body: () => ({ name: 'Same Person', headline: '', location: '', locale: 'en' }), expect: signedIn('ok') },
	{ route: '/account', action: 'password', path: () => '/account', body: () => ({ current: 'kring-demo', password: 'a new long password', confirm: 'a new long password' }), expect: signedIn('ok') },
	{ route: '/account', action: 'revoke', path: () => '/account', body: () => ({ session: 'someone-elses' }), expect: signedIn('ok') },
	{ route: '/account', action: 'everywhere', path: () => '/account', body: () => ({}), expect: signedIn('ok') },
	{ route: '/people', action: 'GET', path: () => '/people?q=jan', expect: colleagues() },
	{ route: '/people/[id]', action: 'GET', path: ({ ids }) => `/people/${ids.manager}`, expect: { ...signedIn('ok'), alumni: 404, partner: 404 } },
	{ route: '/admin', action: 'GET', path: () => '/admin', expect: { ...signedIn(403), hr: 'away', admin: 'away' } },
	{ route: '/admin/people', action: 'GET', path: () => '/admin/people?q=jan', expect: staff() },
	{ route: '/admin/people/new', action: 'GET', path: () => '/admin/people/new', expect: staff() },
	{ route: '/admin/people/new', action: 'default', path: () => '/admin/people/new', body: () => personFields(), expect: staff() },
	{ route: '/admin/people/[id]', action: 'GET', path: ({ ids }) => `/admin/people/${ids.employee}`, expect: staff() },
	{ route: '/admin/people/[id]', action: 'save', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => personFields(), expect: staff() },
	{ route: '/admin/people/[id]', action: 'deactivate', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/people/[id]', action: 'reactivate', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/people/[id]', action: 'resend', path: async (context) => `/admin/people/${await freshPerson(context)}`, body: () => ({}), expect: staff() },
	// Only admins change people who hold a role: HR could otherwise take over an admin's account by its email.
	...(['hr', 'admin'] as const).flatMap((held): Case[] => {
		const holder = (status: PersonStatus) => async (context: Context) => `/admin/people/${await freshPerson(context, { roles: [held], status })}`;
		const note = `target holds ${held}`;
		return [
			{ route: '/admin/people/[id]', action: 'GET', path: holder('active'), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'save', path: holder('active'), body: () => ({ ...personFields(), roles: held }), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'deactivate', path: holder('active'), body: () => ({}), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'reactivate', path: holder('deactivated'), body: () => ({}), expect: adminOnly(), note },
			{ route: '/admin/people/[id]', action: 'resend', path: holder('invited'), body: () => ({}), expect: adminOnly(), note }
		];
	}),
	{ route: '/admin/people/import', action: 'GET', path: () => '/admin/people/import', expect: staff() },
	{ route: '/admin/people/import', action: 'preview', path: () => '/admin/people/import', body: () => csvUpload(), expect: staff() },
	{ route: '/admin/people/import', action: 'import', path: () => '/admin/people/import', body: () => ({ csv: `email,name\n${freshEmail()},Imported Person\n`, fileName: 'people.csv' }), expect: staff() },
	{ route: '/admin/org', action: 'GET', path: () => '/admin/org', expect: staff() },
	{ route: '/admin/org', action: 'create', path: () => '/admin/org', body: ({ ids }) => ({ name: `Created ${++unitCounter}`, parentId: ids.unit, leadEmail: '' }), expect: staff() },
	{ route: '/admin/org/[id]', action: 'GET', path: ({ ids }) => `/admin/org/${ids.unit}`, expect: staff() },
	{ route: '/admin/org/[id]', action: 'save', path: async (context) => `/admin/org/${await freshUnit(context)}`, body: ({ ids }) => ({ name: `Renamed ${++unitCounter}`, parentId: ids.unit, leadEmail: '' }), expect: staff() },
	{ route: '/admin/org/[id]', action: 'delete', path: async (context) => `/admin/org/${await freshUnit(context)}`, body: () => ({}), expect: staff() },
	{ route: '/admin/partners', action: 'GET', path: () => '/admin/partners', expect: staff() },
	{ route: '/admin/partners', action: 'create', path: () => '/admin/partners', body: () => ({ name: `New Partner ${++unitCounter}`, website: '' }), expect: staff() },
	{ route: '/admin/partners/[id]', action: 'GET', path: ({ ids }) => `/admin/partners/${ids.partner}`, expect: staff() },
	{ route: '/admin/partners/[id]', action: 'save', path: async (context) => `/admin/partners/${await freshPartner(context)}`, body: () => ({ name: `Renamed Partner ${++unitCounter}`, website: 'https://example.com' }), expect: staff() },
	{ route: '/admin/partners/[id]', action: 'delete', path: async (context) => `/admin/partners/${await freshPartner(context)}`, body: () => ({}), expect: staff() },
	// Ids that cannot be ids are plain 404s, never a database error.
	...['/admin/people/[id]', '/admin/org/[id]', '/admin/partners/[id]'].flatMap((route): Case[] => {
		const path = () => route.replace('[id]', 'not-a-uuid');
		const actions = route === '/admin/people/[id]' ? ['save', 'deactivate', 'reactivate', 'resend'] : ['save', 'delete'];
		const body = (action: string) => (): Record<string, string> => {
			if (action !== 'save') return {};
			if (route === '/admin/people/[id]') return personFields();
			return { name: `Malformed ${++unitCounter}`, parentId: '', leadEmail: '', website: '' };
		};
		return [
			{ route, action: 'GET', path, expect: staffNotFound(), note: 'malformed id' },
			...actions.map((action) => ({ route, action, path, body: body(action), expect: staffNotFound(), note: 'malformed id' }))
		];
	}),
	{ route: '/knowledge', action: 'GET', path: () => '/knowledge', expect: all('ok') },
	{ route: '/knowledge/[space]', action: 'GET', path: () => '/knowledge/platform', expect: employeesSpace() },
	{ route: '/knowledge/[space]', action: 'GET', path: () => '/knowledge/craft', expect: { ...employeesSpace(), alumni: 'ok' }, note: 'alumni space' },
	{ route: '/knowledge/[space]', action: 'GET', path: () => '/knowledge/azure-fjord', expect: { ...employeesSpace(), partner: 'ok' }, note: "the partner's space" },
	{ route: '/knowledge/[space]', action: 'GET', path: () => '/knowledge/open', expect: all('ok'), note: 'public space' },
	{ route: '/knowledge/[space]', action: 'GET', path: () => '/knowledge/no-such-space', expect: { ...signedIn(404) }, note: 'unknown space' },
	{ route: '/knowledge/[space]', action: 'post', path: () => '/knowledge/platform', body: postFields, expect: employeesSpace() },
	{ route: '/knowledge/[space]', action: 'post', path: () => '/knowledge/open', body: postFields, expect: signedIn('ok'), note: 'public space: read by all, written by people signed in' },
	{ route: '/knowledge/[space]', action: 'follow', path: () => '/knowledge/platform', body: () => ({}), expect: employeesSpace() },
	{ route: '/knowledge/[space]', action: 'follow', path: () => '/knowledge/open', body: () => ({}), expect: signedIn('ok'), note: 'public space' },
	{ route: '/knowledge/posts/[id]', action: 'GET', path: questionPath('platform'), expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]', action: 'GET', path: questionPath('open'), expect: all('ok'), note: 'public space' },
	{ route: '/knowledge/posts/[id]', action: 'GET', path: () => '/knowledge/posts/not-a-uuid', expect: signedIn(404), note: 'malformed id' },
	{ route: '/knowledge/posts/[id]', action: 'comment', path: questionPath('platform'), body: () => ({ body: 'An answer' }), expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]', action: 'comment', path: questionPath('delivery-deltawerk'), body: () => ({ body: 'An answer' }), expect: { ...employeesSpace(), alumni: 'ok' }, note: 'partners space with alumni, another partner' },
	// The asker (the demo employee), the space's moderator and staff choose the accepted answer.
	{
		route: '/knowledge/posts/[id]',
		action: 'accept',
		path: async (context) => {
			answerTarget = await freshQuestion(context, 'platform');
			return `/knowledge/posts/${answerTarget.postId}`;
		},
		body: () => ({ commentId: answerTarget!.commentId }),
		expect: { ...moderators(), employee: 'ok' }
	},
	{ route: '/knowledge/posts/[id]', action: 'hide', path: questionPath('platform'), body: () => ({ reason: 'Off topic' }), expect: moderators() },
	{ route: '/knowledge/posts/[id]', action: 'restore', path: questionPath('platform'), body: () => ({}), expect: moderators() },
	{ route: '/knowledge/posts/[id]', action: 'react', path: questionPath('platform'), body: () => ({ kind: 'thanks' }), expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]', action: 'bookmark', path: questionPath('platform'), body: () => ({}), expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]', action: 'bookmark', path: questionPath('craft'), body: () => ({}), expect: { ...employeesSpace(), alumni: 'ok' }, note: 'alumni space' },
	{ route: '/knowledge/[space]/settings', action: 'GET', path: settingsPath(), expect: moderators() },
	{ route: '/knowledge/[space]/settings', action: 'GET', path: () => '/knowledge/open/settings', expect: { ...signedIn(403), manager: 'ok', hr: 'ok', admin: 'ok' }, note: 'public space: alumni and partners read it, never manage it' },
	{
		route: '/knowledge/[space]/settings',
		action: 'details',
		path: settingsPath(),
		body: () => ({ name: 'Renamed space', description: 'Changed', moderators: demo.manager }),
		expect: moderators()
	},
	{ route: '/knowledge/[space]/settings', action: 'preview', path: settingsPath(), body: () => ({ audience: 'alumni' }), expect: audienceStaff() },
	{ route: '/knowledge/[space]/settings', action: 'audience', path: settingsPath(), body: () => ({ audience: 'alumni' }), expect: audienceStaff() },
	{ route: '/knowledge/[space]/settings', action: 'archive', path: settingsPath(), body: () => ({}), expect: moderators() },
	{ route: '/knowledge/[space]/settings', action: 'unarchive', path: settingsPath({ archived: true }), body: () => ({}), expect: moderators() },
	{
		route: '/knowledge/[space]',
		action: 'post',
		path: async (context) => `/knowledge/${await freshSpace(context, { archived: true })}`,
		body: postFields,
		expect: employeesSpace(403),
		note: 'archived space: read, never written'
	},
	{ route: '/knowledge/posts/[id]', action: 'comment', path: freshSpaceQuestion({ archived: true }), body: () => ({ body: 'An answer' }), expect: employeesSpace(403), note: 'archived space' },
	{ route: '/knowledge/posts/[id]', action: 'bookmark', path: freshSpaceQuestion({ archived: true }), body: () => ({}), expect: employeesSpace(), note: 'archived space: still kept' },
	{ route: '/knowledge/posts/[id]/edit', action: 'default', path: async (context) => `${await freshSpaceQuestion({ archived: true })(context)}/edit`, body: postFields, expect: employeesSpace(403), note: 'archived space' },
	{ route: '/knowledge/posts/[id]', action: 'pin', path: freshSpaceQuestion(), body: () => ({}), expect: moderators() },
	{ route: '/knowledge/posts/[id]', action: 'unpin', path: freshSpaceQuestion(), body: () => ({}), expect: moderators() },
	{ route: '/knowledge/bookmarks', action: 'GET', path: () => '/knowledge/bookmarks', expect: signedIn('ok') },
	{ route: '/knowledge/posts/[id]', action: 'report', path: questionPath('platform'), body: () => ({ reason: 'Spam' }), expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]', action: 'report', path: questionPath('open'), body: () => ({ reason: 'Spam' }), expect: signedIn('ok'), note: 'public space' },
	// The author (the demo employee) and the space's moderators and staff.
	{ route: '/knowledge/posts/[id]/edit', action: 'GET', path: async (context) => `${await questionPath('platform')(context)}/edit`, expect: employeesSpace() },
	{ route: '/knowledge/posts/[id]/edit', action: 'default', path: async (context) => `${await questionPath('platform')(context)}/edit`, body: postFields, expect: employeesSpace() },
	{ route: '/search', action: 'GET', path: () => '/search?q=kubernetes', expect: all('ok') },
	{ route: '/search', action: 'follow', path: () => '/search?tag=kubernetes', body: () => ({ tag: 'kubernetes' }), expect: signedIn('ok') },
	{ route: '/admin/knowledge', action: 'GET', path: () => '/admin/knowledge', expect: staff() },
	{
		route: '/admin/knowledge',
		action: 'create',
		path: () => '/admin/knowledge',
		body: () => ({ name: `Space ${++unitCounter}`, slug: `space-${unitCounter}`, description: '', audience: 'employees', moderators: '' }),
		expect: staff()
	},
	{ route: '/flex', action: 'GET', path: () => '/flex?type=abroad', expect: colleagues() },
	{ route: '/flex', action: 'request', path: () => '/flex', body: () => ({ type: 'learning', hours: '2', startsOn: '2099-03-02', endsOn: '', reviewOn: '', note: '' }), expect: colleagues() },
	// Everyone employed has a calendar feed of their own; a team's, those with a team view.
	...(['feed', 'stopFeed'] as const).map((action): Case => ({ route: '/flex', action, path: () => '/flex', body: () => ({}), expect: colleagues() })),
	...(['feed', 'stopFeed'] as const).map((action): Case => ({ route: '/flex/team', action, path: () => '/flex/team', body: () => ({}), expect: { ...signedIn(403), manager: 'ok', hr: 'ok' } })),
	// The address is the only credential: whoever holds it reads it (a calendar app has no session), anything else is unknown.
	{ route: '/calendar/[token].ics', action: 'GET', path: freshFeed, expect: all('ok') },
	{ route: '/calendar/[token].ics', action: 'GET', path: () => '/calendar/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa.ics', expect: all(404), note: 'unknown address' },
	// The person, their decider and HR see a request; to anyone else it does not exist.
	{ route: '/flex/[id]', action: 'GET', path: freshArrangement, expect: employeesOnly({ employee: 'ok', manager: 'ok', hr: 'ok' }) },
	{ route: '/flex/[id]', action: 'decide', path: freshArrangement, body: () => ({ decision: 'approve', note: '' }), expect: employeesOnly({ manager: 'ok' }) },
	{ route: '/flex/[id]', action: 'withdraw', path: freshArrangement, body: () => ({}), expect: employeesOnly({ employee: 'ok' }) },
	// Ending early: the person, whoever approved it, HR; the manager of an arrangement the bounds approved sees it but may not end it.
	{ route: '/flex/[id]', action: 'end', path: (context) => runningArrangement(context, true), body: endEarlyBody, expect: employeesOnly({ employee: 'ok', manager: 'ok', hr: 'ok' }) },
	{ route: '/flex/[id]', action: 'end', path: (context) => runningArrangement(context, false), body: endEarlyBody, expect: employeesOnly({ employee: 'ok', manager: 403, hr: 'ok' }), note: 'approved by policy' },
	...(['GET', 'decide', 'withdraw', 'end'] as const).map((action): Case => ({ route: '/flex/[id]', action, path: () => '/flex/not-a-uuid', body: () => ({ decision: 'approve', note: '', ...endEarlyBody() }), expect: employeesOnly({}), note: 'malformed id' })),
	{ route: '/flex/team', action: 'GET', path: () => '/flex/team', expect: { ...signedIn(403), manager: 'ok', hr: 'ok' } },
	// Far in the future, so that no delegation made here lets anyone decide in the rows above.
	{ route: '/flex/team', action: 'delegate', path: () => '/flex/team', body: () => ({ delegateEmail: demo.admin, startsOn: '2099-06-01', endsOn: '2099-06-14' }), expect: { ...signedIn(403), manager: 'ok', hr: 'ok' } },
	// HR edits the organisation's bounds and every unit's; a lead their own unit's (the manager leads Platform Team).
	{ route: '/flex/policies', action: 'GET', path: () => '/flex/policies', expect: { ...signedIn(403), hr: 'ok', manager: 'away' } },
	{ route: '/flex/policies', action: 'GET', path: ({ ids }) => `/flex/policies?unit=${ids.unit}`, expect: { ...signedIn(403), hr: 'ok', manager: 'ok' }, note: 'a unit' },
	{ route: '/flex/policies', action: 'GET', path: () => '/flex/policies?unit=not-a-uuid', expect: employeesOnly({}), note: 'malformed unit' },
	{ route: '/flex/policies', action: 'save', path: () => '/flex/policies', body: () => boundsForm(defaultOrgRules, 'organisation'), expect: { ...signedIn(403), hr: 'ok' } },
	{ route: '/flex/policies', action: 'save', path: ({ ids }) => `/flex/policies?unit=${ids.unit}`, body: () => boundsForm({}, 'unit'), expect: { ...signedIn(403), hr: 'ok', manager: 'ok' }, note: 'a unit' },
	{ route: '/flex/policies', action: 'preview', path: () => '/flex/policies', body: () => boundsForm(defaultOrgRules, 'organisation'), expect: { ...signedIn(403), hr: 'ok' } },
	{ route: '/flex/policies', action: 'preview', path: ({ ids }) => `/flex/policies?unit=${ids.unit}`, body: () => boundsForm({}, 'unit'), expect: { ...signedIn(403), hr: 'ok', manager: 'ok' }, note: 'a unit' },
	{ route: '/insights/flex', action: 'GET', path: () => '/insights/flex', expect: hrOnly() },
	{ route: '/growth', action: 'GET', path: () => '/growth', expect: growers() },
	{ route: '/growth/tracks', action: 'GET', path: () => '/growth/tracks', expect: growers() },
	{ route: '/growth/skills', action: 'GET', path: () => '/growth/skills', expect: growers() },
	{ route: '/growth/skills', action: 'propose', path: () => '/growth/skills', body: () => ({ name: `Proposed ${++unitCounter}`, category: 'Test', description: '' }), expect: growers() },
	{ route: '/growth/skills', action: 'save', path: () => '/growth/skills', body: () => ({}), expect: growers() },
	// Alumni have no manager to share with.
	{ route: '/growth/skills', action: 'share', path: () => '/growth/skills', body: () => ({}), expect: { ...growers(), alumni: 409 } },
	{ route: '/growth/skills', action: 'unshare', path: () => '/growth/skills', body: () => ({}), expect: growers() },
	{ route: '/growth/skills/[id]', action: 'GET', path: (context) => sharedAssessment(context), expect: assessmentManager() },
	{ route: '/growth/skills/[id]', action: 'GET', path: (context) => sharedAssessment(context, false), expect: { ...assessmentManager(), manager: 404 }, note: 'withdrawn' },
	{ route: '/growth/skills/[id]', action: 'GET', path: () => '/growth/skills/not-a-uuid', expect: { ...signedIn(404), partner: 403 }, note: 'malformed id' },
	{ route: '/growth/skills/[id]', action: 'default', path: (context) => sharedAssessment(context), body: () => ({}), expect: assessmentManager() },
	{ route: '/growth/skills/[id]', action: 'default', path: (context) => sharedAssessment(context, false), body: () => ({}), expect: { ...assessmentManager(), manager: 404 }, note: 'withdrawn' },
	{ route: '/growth/plans/new', action: 'GET', path: () => '/growth/plans/new', expect: growers() },
	{ route: '/growth/plans/new', action: 'default', path: () => '/growth/plans/new', body: planFields, expect: growers() },
	{ route: '/growth/plans/[id]', action: 'GET', path: (context) => freshPlan(context), expect: planReaders() },
	{ route: '/growth/plans/[id]', action: 'GET', path: (context) => freshPlan(context, { shared: false }), expect: { ...planOwner(), manager: 404 }, note: 'not shared' },
	{ route: '/growth/plans/[id]', action: 'GET', path: () => '/growth/plans/not-a-uuid', expect: { ...signedIn(404), partner: 403 }, note: 'malformed id' },
	{ route: '/growth/plans/[id]', action: 'comment', path: (context) => freshPlan(context), body: () => ({ body: 'Nice' }), expect: planReaders() },
	{ route: '/growth/plans/[id]', action: 'comment', path: (context) => freshPlan(context, { shared: false }), body: () => ({ body: 'Nice' }), expect: { ...planOwner(), manager: 404 }, note: 'not shared' },
	{ route: '/growth/plans/[id]', action: 'save', path: (context) => freshPlan(context), body: planFields, expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'delete', path: (context) => freshPlan(context), body: () => ({}), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'goal', path: (context) => freshPlan(context), body: () => ({ title: 'Goal', dueOn: '', parentId: '' }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'goalDone', path: (context) => freshPlan(context), body: () => ({ goalId: made.goalId!, done: 'true' }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'goalRemove', path: (context) => freshPlan(context), body: () => ({ goalId: made.goalId! }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'checkIn', path: (context) => freshPlan(context), body: () => ({ on: '2026-11-01', progress: '20', note: '' }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'activity', path: (context) => freshPlan(context), body: () => ({ kind: 'course', title: 'Course', plannedHours: '8' }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'activityDone', path: (context) => freshPlan(context), body: () => ({ activityId: made.activityId!, done: 'true' }), expect: planOwner() },
	{ route: '/growth/plans/[id]', action: 'share', path: (context) => freshPlan(context, { shared: false }), body: ({ ids }) => ({ personId: ids.manager }), expect: { ...planOwner(), manager: 404 } },
	{ route: '/growth/plans/[id]', action: 'unshare', path: (context) => freshPlan(context), body: ({ ids }) => ({ personId: ids.manager }), expect: planOwner() },
	{ route: '/growth/mentors', action: 'GET', path: () => '/growth/mentors', expect: growers() },
	{ route: '/growth/mentors', action: 'offer', path: (context) => offerableSkill(context), body: () => ({ skillIds: made.skillId!, capacity: '2', note: '', active: 'on' }), expect: growers() },
	{ route: '/growth/mentors', action: 'request', path: (context) => freshMentor(context), body: () => ({ mentorId: made.mentorId!, skillId: made.skillId!, message: 'Please' }), expect: growers() },
	{ route: '/growth/mentors', action: 'accept', path: async (context) => (await freshMentorship(context, context.ids.employee, context.ids.manager, 'requested'), '/growth/mentors'), body: () => ({ mentorshipId: made.mentorshipId! }), expect: mentorOnly() },
	{ route: '/growth/mentors', action: 'decline', path: async (context) => (await freshMentorship(context, context.ids.employee, context.ids.manager, 'requested'), '/growth/mentors'), body: () => ({ mentorshipId: made.mentorshipId! }), expect: mentorOnly() },
	{ route: '/growth/mentors', action: 'end', path: async (context) => (await freshMentorship(context, context.ids.manager, context.ids.employee), '/growth/mentors'), body: () => ({ mentorshipId: made.mentorshipId! }), expect: mentorshipParties() },
	{ route: '/growth/mentors/[id]', action: 'GET', path: (context) => freshMentorship(context, context.ids.manager, context.ids.employee), expect: mentorshipParties() },
	{ route: '/growth/mentors/[id]', action: 'GET', path: () => '/growth/mentors/not-a-uuid', expect: { ...signedIn(404), partner: 403 }, note: 'malformed id' },
	{ route: '/growth/mentors/[id]', action: 'note', path: (context) => freshMentorship(context, context.ids.manager, context.ids.employee), body: () => ({ body: 'Notes' }), expect: mentorshipParties() },
	{ route: '/opportunities', action: 'GET', path: () => '/opportunities', expect: signedIn('ok') },
	{ route: '/opportunities/mine', action: 'GET', path: () => '/opportunities/mine', expect: signedIn('ok') },
	{ route: '/opportunities/new', action: 'GET', path: () => '/opportunities/new', expect: colleagues() },
	{ route: '/opportunities/new', action: 'default', path: () => '/opportunities/new', body: opportunityFields, expect: colleagues() },
	...(['employees', 'employees_alumni', 'partners'] as const).map(
		(audience): Case => ({ route: '/opportunities/[id]', action: 'GET', path: (context) => freshOpportunity(context, audience), expect: opportunitySeers(audience), note: audience })
	),
	{ route: '/opportunities/[id]', action: 'GET', path: () => '/opportunities/not-a-uuid', expect: signedIn(404), note: 'malformed id' },
	// The poster may not apply to their own; HR sees a partners' opportunity but is no partner.
	{ route: '/opportunities/[id]', action: 'apply', path: (context) => freshOpportunity(context), body: () => ({ note: 'Me' }), expect: { ...opportunitySeers('employees'), manager: 403 } },
	{
		route: '/opportunities/[id]',
		action: 'apply',
		path: (context) => freshOpportunity(context, 'partners'),
		body: () => ({ note: 'Me' }),
		expect: { ...opportunitySeers('partners'), manager: 403, hr: 403, admin: 403 },
		note: 'partners'
	},
	{ route: '/opportunities/[id]', action: 'close', path: (context) => freshOpportunity(context), body: () => ({}), expect: opportunityPoster() },
	{ route: '/opportunities/[id]', action: 'reopen', path: (context) => freshOpportunity(context, 'employees', 'closed'), body: () => ({}), expect: opportunityPoster() },
	// Applications are private to the poster: for anyone else they do not exist.
	...(['select', 'decline'] as const).map(
		(action): Case => ({
			route: '/opportunities/[id]',
			action,
			path: (context) => freshOpportunity(context),
			body: () => ({ applicationId: made.applicationId! }),
			expect: { ...opportunitySeers('employees'), employee: 404, hr: 404, admin: 404 }
		})
	),
	{ route: '/admin/growth', action: 'GET', path: () => '/admin/growth', expect: staff() },
	{ route: '/admin/growth', action: 'createSkill', path: () => '/admin/growth', body: () => ({ name: `Skill ${++unitCounter}`, category: 'Test', description: '' }), expect: staff() },
	{ route: '/admin/growth/framework.json', action: 'GET', path: () => '/admin/growth/framework.json', expect: staff() },
	{
		route: '/admin/growth',
		action: 'import',
		path: () => '/admin/growth',
		body: () => ({ __file: JSON.stringify({ format: 'kring-framework', version: 1, skills: [], tracks: [{ name: `Imported ${++unitCounter}`, kind: 'craft', description: '', levels: [] }] }) }),
		expect: staff()
	},
	...(['acceptProposal', 'declineProposal', 'mergeProposal'] as const).map(
		(action): Case => ({ route: '/admin/growth', action, path: (context) => freshProposal(context), body: () => ({ proposalId: made.proposalId!, skillId: made.skillId! }), expect: staff() })
	),
	{ route: '/admin/growth', action: 'createTrack', path: () => '/admin/growth', body: () => ({ name: `Track ${++unitCounter}`, kind: 'management', description: '' }), expect: staff() },
	{ route: '/admin/growth/skills/[id]', action: 'GET', path: (context) => freshSkill(context), expect: staff() },
	{ route: '/admin/growth/skills/[id]', action: 'save', path: (context) => freshSkill(context), body: () => ({ name: `Renamed skill ${++unitCounter}`, category: 'Test', description: '' }), expect: staff() },
	{ route: '/admin/growth/skills/[id]', action: 'delete', path: (context) => freshSkill(context), body: () => ({}), expect: staff() },
	{ route: '/admin/growth/tracks/[id]', action: 'GET', path: (context) => freshTrack(context), expect: staff() },
	{ route: '/admin/growth/tracks/[id]', action: 'save', path: (context) => freshTrack(context), body: () => ({ name: `Renamed track ${++unitCounter}`, kind: 'craft', description: '' }), expect: staff() },
	{ route: '/admin/growth/tracks/[id]', action: 'addLevel', path: (context) => freshTrack(context), body: () => ({ title: 'Next', summary: '' }), expect: staff() },
	{ route: '/admin/growth/tracks/[id]', action: 'expect', path: (context) => freshTrack(context), body: () => ({ levelId: made.levelId!, skillId: made.skillId!, proficiency: '3' }), expect: staff() },
	{ route: '/admin/growth/tracks/[id]', action: 'unexpect', path: (context) => freshTrack(context), body: () => ({ levelId: made.levelId!, skillId: made.skillId! }), expect: staff() },
	...['/admin/growth/skills/[id]', '/admin/growth/tracks/[id]'].map((route): Case => ({ route, action: 'GET', path: () => route.replace('[id]', 'not-a-uuid'), expect: staffNotFound(), note: 'malformed id' })),
	{ route: '/pulse', action: 'GET', path: () => '/pulse', expect: colleagues() },
	{ route: '/pulse', action: 'answer', path: () => '/pulse', body: pulseAnswer, expect: colleagues() },
	{ route: '/pulse/anonymity', action: 'GET', path: () => '/pulse/anonymity', expect: colleagues() },
	{ route: '/pulse/results', action: 'GET', path: () => '/pulse/results', expect: colleagues() },
	// Only HR sees every unit; a lead sees their own unit tree; nobody else learns a unit's results exist.
	{ route: '/pulse/results', action: 'GET', path: ({ ids }) => `/pulse/results?group=${ids.unit}`, expect: { ...colleagues(), employee: 404, admin: 404 }, note: "the manager's own unit" },
	{ route: '/pulse/results', action: 'GET', path: async ({ app }) => `/pulse/results?group=${await unitNamed(app, 'Service Desk')}`, expect: { ...colleagues(), employee: 404, manager: 404, admin: 404 }, note: 'another unit' },
	// "You said, we did" for the manager's own unit: only its lead and HR may record one.
	{ route: '/pulse/results', action: 'act', path: () => '/pulse/results', body: async (context) => ({ ...(await pulseActionFor(context)), group: context.ids.unit }), expect: { ...colleagues(), employee: 404, admin: 404 } },
	{ route: '/admin/pulse', action: 'GET', path: () => '/admin/pulse', expect: hrOnly() },
	{ route: '/admin/pulse', action: 'create', path: () => '/admin/pulse', body: () => ({ name: `Pulse ${++unitCounter}`, questions_happiness: 'How are you?', recurrenceDays: '14', windowDays: '5', minGroupSize: '5', firstOpensOn: '2030-01-07' }), expect: hrOnly() },
	{ route: '/xla', action: 'GET', path: () => '/xla', expect: colleagues() },
	{ route: '/xla', action: 'create', path: () => '/xla', body: () => ({ name: `Service ${++unitCounter}`, description: '' }), expect: hrOnly() },
	{ route: '/xla/[id]', action: 'GET', path: ({ app }) => xlaServiceNamed(app, 'Onboarding'), expect: colleagues() },
	{ route: '/xla/[id]', action: 'GET', path: () => '/xla/not-a-uuid', expect: { ...colleagues(), employee: 404, manager: 404, hr: 404, admin: 404 }, note: 'malformed id' },
	{ route: '/xla/[id]', action: 'measure', path: ({ app }) => xlaServiceNamed(app, 'Onboarding'), body: () => ({ kind: 'experience', name: `Measure ${++unitCounter}`, target: '7', higherIsBetter: 'on', unit: '' }), expect: hrOnly() },
	{ route: '/xla/[id]', action: 'value', path: ({ app }) => xlaServiceNamed(app, 'Onboarding'), body: async ({ app }) => ({ measureId: await xlaMeasureOf(app, 'Onboarding'), period: '2026-11', value: '8' }), expect: hrOnly() },
	{ route: '/xla/[id]', action: 'import', path: ({ app }) => xlaServiceNamed(app, 'Onboarding'), body: () => ({ __file: 'measure,period,value\nLaptop and accounts ready on day one,2026-11,96\n' }), expect: hrOnly() },
	// "How was it?": every colleague rates, once a month (each role is a different person).
	{ route: '/xla/[id]', action: 'rate', path: ({ app }) => xlaServiceNamed(app, 'IT service desk'), body: async ({ app }) => ({ measureId: await xlaRatingMeasure(app), score: '4' }), expect: colleagues() },
	{ route: '/admin/pulse/[id]', action: 'GET', path: ({ app }) => demoPulsePath(app), expect: hrOnly() },
	{ route: '/admin/pulse/[id]', action: 'GET', path: () => '/admin/pulse/not-a-uuid', expect: { ...hrOnly(), hr: 404 }, note: 'malformed id' },
	{ route: '/admin/pulse/[id]', action: 'update', path: ({ app }) => demoPulsePath(app), body: () => ({ name: 'Bi-weekly pulse', questions_happiness: 'How happy are you at work these days?', enps: 'on', allowComment: 'on', recurrenceDays: '14', windowDays: '5', minGroupSize: '5' }), expect: hrOnly() },
	{ route: '/admin/pulse/[id]', action: 'pause', path: async (context) => `/admin/pulse/${await freshSurvey(context)}`, body: () => ({}), expect: hrOnly() },
	{ route: '/admin/pulse/[id]', action: 'resume', path: async (context) => `/admin/pulse/${await freshSurvey(context, false)}`, body: () => ({}), expect: hrOnly() },
	{ route: '/insights', action: 'GET', path: () => '/insights', expect: hrOnly() },
	{ route: '/insights', action: 'recompute', path: () => '/insights', body: () => ({}), expect: hrOnly() },
	{ route: '/admin/offboarding', action: 'GET', path: () => '/admin/offboarding', expect: staff() },
	{
		route: '/admin/offboarding',
		action: 'start',
		path: () => '/admin/offboarding',
		body: async (context) => ({ personId: await freshPerson(context, { status: 'active' }), lastDay: '2030-01-01', reason: 'new_job', rehireEligible: 'yes', personalEmail: freshEmail('personal') }),
		expect: staff()
	},
	{ route: '/admin/offboarding', action: 'cancel', path: () => '/admin/offboarding', body: async (context) => ({ id: await freshOffboarding(context) }), expect: staff() },
	{ route: '/alumni', action: 'GET', path: () => '/alumni', expect: { ...signedIn(403), alumni: 'ok' } },
	{ route: '/alumni', action: 'save', path: () => '/alumni', body: () => ({ currentEmployer: 'Mollie', shared: 'employer', consent: 'on' }), expect: { ...signedIn(403), alumni: 'ok' } },
	{ route: '/alumni/directory', action: 'GET', path: () => '/alumni/directory?q=a', expect: { ...signedIn('ok'), partner: 403 } },
	{ route: '/admin/offboarding/survey', action: 'GET', path: () => '/admin/offboarding/survey', expect: staff() },
	// Directory readers write to listed alumni; someone unlisted is not there to write to.
	{ route: '/alumni/contact/[id]', action: 'GET', path: async (context) => `/alumni/contact/${await demoAlumnus(context, true)}`, expect: { ...signedIn('ok'), partner: 403 } },
	{ route: '/alumni/contact/[id]', action: 'GET', path: async (context) => `/alumni/contact/${await demoAlumnus(context, false)}`, expect: { ...signedIn(404), partner: 403 }, note: 'unlisted alumnus' },
	{ route: '/alumni/contact/[id]', action: 'GET', path: ({ ids }) => `/alumni/contact/${ids.employee}?reply=${ids.employee}`, expect: { ...signedIn(404), partner: 403 }, note: 'a reply to a message one never received' },
	{ route: '/alumni/contact/[id]', action: 'default', path: async (context) => `/alumni/contact/${await demoAlumnus(context, true)}`, body: () => ({ body: 'Hello from the permission test' }), expect: { ...signedIn('ok'), partner: 403 } },
	{ route: '/alumni/contact/[id]', action: 'default', path: async (context) => `/alumni/contact/${await demoAlumnus(context, false)}`, body: () => ({ body: 'Hello' }), expect: { ...signedIn(404), partner: 403 }, note: 'unlisted alumnus' },
	// The emailed single-use link is the permission: nobody signs in, so no answer is tied to an account.
	{ route: '/alumni/exit-survey/[token]', action: 'GET', path: () => '/alumni/exit-survey/none.none', expect: all('ok') },
	{
		route: '/alumni/exit-survey/[token]',
		action: 'default',
		path: () => '/alumni/exit-survey/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa',
		body: () => ({ score_recommend: '5', score_manager: '5', score_growth: '5', score_workload: '5', score_return: '5', reason: 'pay' }),
		expect: all(410)
	},
	// The emailed token is the permission, as for invitations.
	{ route: '/alumni/welcome/[token]', action: 'GET', path: () => '/alumni/welcome/none.none', expect: all('ok') },
	{ route: '/alumni/welcome/[token]', action: 'default', path: () => '/alumni/welcome/aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa', body: () => ({ password: 'a long new password', confirm: 'a long new password' }), expect: all(410) },
	{ route: '/events', action: 'GET', path: () => '/events', expect: signedIn('ok') },
	{
		route: '/events',
		action: 'create',
		path: () => '/events',
		body: () => ({ title: 'Meet-up', startsAt: '2030-02-01T17:00', endsAt: '2030-02-01T19:00', timeZone: 'Europe/Amsterdam', place: 'Office', audience: 'both', capacity: '10' }),
		expect: staff()
	},
	{ route: '/events/[id]', action: 'GET', path: async (context) => `/events/${await freshEvent(context)}`, expect: bothAudience() },
	{ route: '/events/[id]', action: 'GET', path: async (context) => `/events/${await freshEvent(context, 'partners')}`, expect: { ...signedIn(404), partner: 'ok', hr: 'ok', admin: 'ok' }, note: 'partners only' },
	{ route: '/events/[id]', action: 'rsvp', path: async (context) => `/events/${await freshEvent(context)}`, body: () => ({}), expect: bothAudience() },
	{ route: '/events/[id]', action: 'cancel', path: async (context) => `/events/${await freshEvent(context)}`, body: () => ({}), expect: bothAudience() },
	{ route: '/events/[id]/calendar.ics', action: 'GET', path: async (context) => `/events/${await freshEvent(context)}/calendar.ics`, expect: bothAudience() },
	...(['GET', 'rsvp', 'cancel'] as const).map((action): Case => ({ route: '/events/[id]', action, path: () => '/events/not-a-uuid', body: () => ({}), expect: signedIn(404), note: 'malformed id' })),
	{ route: '/jobs', action: 'GET', path: () => '/jobs', expect: all('ok') },
	{ route: '/jobs', action: 'create', path: () => '/jobs', body: () => ({ title: 'Permission job', description: 'A job', location: '', unitId: '', audience: 'public' }), expect: hrOnly() },
	{ route: '/jobs/[id]', action: 'GET', path: async (context) => `/jobs/${await freshVacancy(context)}`, expect: networkVacancy() },
	{ route: '/jobs/[id]', action: 'GET', path: async (context) => `/jobs/${await freshVacancy(context, 'public')}`, expect: all('ok'), note: 'public' },
	{ route: '/jobs/[id]', action: 'GET', path: async (context) => `/jobs/${await freshVacancy(context, 'employees')}`, expect: { ...signedIn('ok'), alumni: 404, partner: 404 }, note: 'employees only' },
	{ route: '/jobs/[id]', action: 'apply', path: async (context) => `/jobs/${await freshVacancy(context)}`, body: () => ({ note: 'Take me back' }), expect: network() },
	{ route: '/jobs/[id]', action: 'apply', path: async (context) => `/jobs/${await freshVacancy(context, 'employees')}`, body: () => ({ note: 'Take me back' }), expect: { ...network(), alumni: 404 }, note: 'employees only' },
	{ route: '/jobs/[id]', action: 'refer', path: async (context) => `/jobs/${await freshVacancy(context)}`, body: () => ({ candidateName: 'Referred Person', candidateEmail: freshEmail('referred'), why: 'Good' }), expect: network() },
	{ route: '/jobs/[id]', action: 'update', path: async (context) => `/jobs/${await freshVacancy(context)}`, body: () => ({ title: 'Edited', description: 'A job', location: '', unitId: '', audience: 'alumni' }), expect: hrOnly() },
	{ route: '/jobs/[id]', action: 'status', path: async (context) => `/jobs/${await freshVacancy(context)}`, body: () => ({ status: 'closed' }), expect: hrOnly() },
	...(['GET', 'apply', 'refer', 'update', 'status'] as const).map(
		(action): Case => ({ route: '/jobs/[id]', action, path: () => '/jobs/not-a-uuid', body: () => ({ note: 'x', candidateName: 'x', candidateEmail: freshEmail(), why: 'x', title: 'x', description: 'x', audience: 'public', status: 'closed' }), expect: action === 'update' || action === 'status' ? { ...signedIn(403), hr: 404 } : action === 'GET' ? signedIn(404) : { ...signedIn(404), partner: 403 }, note: 'malformed id' })
	),
	{ route: '/jobs/referrals', action: 'GET', path: () => '/jobs/referrals', expect: network() },
	{ route: '/jobs/referrals', action: 'move', path: () => '/jobs/referrals', body: freshReferral, expect: hrOnly() },
	{ route: '/admin/alumni', action: 'GET', path: () => '/admin/alumni', expect: hrOnly() },
	{ route: '/admin/alumni', action: 'rehire', path: () => '/admin/alumni', body: freshRehire, expect: hrOnly() },
	{ route: '/insights/alumni', action: 'GET', path: () => '/insights/alumni', expect: hrOnly() },
	{ route: '/admin/audit', action: 'GET', path: () => '/admin/audit', expect: staff() },
	{ route: '/admin/outbox', action: 'GET', path: () => '/admin/outbox', expect: adminOnly() },
	{ route: '/admin/settings', action: 'GET', path: () => '/admin/settings', expect: adminOnly() },
	{ route: '/admin/settings', action: 'default', path: () => '/admin/settings', body: () => ({ name: 'Noorderlicht IT Services', defaultLocale: 'en', timeZone: 'Europe/Amsterdam' }), expect: adminOnly() }
];

function csvUpload(): Record<string, string> {
	return { __file: `email,name\n${freshEmail()},Previewed Person\n` };
}

let app: TestApp;
let context: Context;

beforeAll(async () => {
	app = await startApp();
	const unit = await app.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.name, 'Platform Team'));
	const partner = await app.db.select({ id: partnerOrg.id }).from(partnerOrg).limit(1);
	context = {
		app,
		ids: {
			employee: (await personByEmail(app.db, demo.employee)).id,
			manager: (await personByEmail(app.db, demo.manager)).id,
			alumni: (await personByEmail(app.db, demo.alumni)).id,
			unit: unit[0]!.id,
			partner: partner[0]!.id
		}
	};
});
afterAll(() => app?.close());

async function outcomeOf(testCase: Case, role: Role): Promise<{ outcome: Outcome | number; detail: string }> {
	const client = await clientFor(app, role);
	const path = await testCase.path(context);
	if (testCase.action === 'GET') {
		const response = await client.get(path);
		const location = response.headers.get('location') ?? '';
		if (response.status === 200) return { outcome: 'ok', detail: '' };
		if (response.status === 303) return { outcome: location.startsWith('/login') ? 'login' : 'away', detail: location };
		return { outcome: response.status, detail: '' };
	}
	const fields = await testCase.body!(context);
	let form: Record<string, string | string[]> | FormData = fields;
	if ('__file' in fields) {
		form = new FormData();
		form.set('file', new File([String(fields.__file)], 'people.csv', { type: 'text/csv' }));
	}
	const actionPath = testCase.action === 'default' ? path : `${path}${path.includes('?') ? '&' : '?'}/${testCase.action}`;
	const result = await client.action(actionPath, form);
	// Refused for want of a session: off to /login with the way back; a plain /login is where sign-out ends.
	if (result.type === 'redirect') return { outcome: result.location?.startsWith('/login?next=') ? 'login' : 'ok', detail: result.location ?? '' };
	if (result.type === 'success') return { outcome: 'ok', detail: '' };
	return { outcome: result.status, detail: JSON.stringify(result.data ?? result.error) };
}

describe('permission matrix', () => {
	for (const testCase of cases) {
		it(`${testCase.action === 'GET' ? 'GET' : `POST ?/${testCase.action}`} ${testCase.route}${testCase.note ? ` (${testCase.note})` : ''}`, async () => {
			const seen: Record<string, unknown> = {};
			const details: Record<string, string> = {};
			for (const role of roles) {
				const { outcome, detail } = await outcomeOf(testCase, role);
				seen[role] = outcome;
				if (outcome !== testCase.expect[role]) details[role] = detail;
			}
			expect(seen, JSON.stringify(details)).toEqual(testCase.expect);
		});
	}

	it('covers every route and every form action in src/routes', async () => {
		const modules = import.meta.glob('/src/routes/**/+page.server.ts');
		const endpoints = import.meta.glob('/src/routes/**/+server.ts');
		const pages = import.meta.glob('/src/routes/**/+page.svelte');
		const routeOf = (file: string) => file.replace('/src/routes', '').replace(/\/\+(page\.server\.ts|server\.ts|page\.svelte)$/, '') || '/';
		const expected = new Set<string>();
		for (const file of Object.keys(pages)) expected.add(`${routeOf(file)} GET`);
		for (const [file, load] of Object.entries(modules)) {
			const module = (await load()) as { actions?: Record<string, unknown> };
			for (const action of Object.keys(module.actions ?? {})) expected.add(`${routeOf(file)} ${action}`);
		}
		for (const [file, load] of Object.entries(endpoints)) {
			const module = (await load()) as Record<string, unknown>;
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (method in module) expected.add(`${routeOf(file)} ${method}`);
		}
		const covered = new Set(cases.map((testCase) => `${testCase.route} ${testCase.action}`));
		expect([...expected].filter((entry) => !covered.has(entry)).sort()).toEqual([]);
		expect([...covered].filter((entry) => !expected.has(entry)).sort()).toEqual([]);
	});
});
