import { error, redirect } from '@sveltejs/kit';
import { and, eq, inArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alumniProfile, event, growthPlan, opportunity, person, planShare, space, spacePartner, vacancy, type EventAudience, type OpportunityAudience, type PersonKind, type PersonStatus, type Role, type SpaceAudience, type VacancyAudience, type VacancyStatus } from '../db/schema';
import type { Actor } from './actor';

export type { Actor } from './actor';

/** What a person can be, for authorisation: the anonymous visitor included. */
export type Subject = Actor | null;

export interface PersonResource {
	id: string;
	kind: PersonKind;
	status: PersonStatus;
}

/** A knowledge space as authorisation sees it: who may read it, and who looks after it. */
export interface SpaceResource {
	audience: SpaceAudience;
	includeAlumni: boolean;
	partnerOrgIds: readonly string[];
	moderatorIds: readonly string[];
	/** Archived: still read, reacted to and moderated, but nothing new is written in it. */
	archived: boolean;
}

/** A post (or comment) in its space: hidden ones stay visible to their author and the space's moderators. */
export interface PostResource {
	space: SpaceResource;
	authorId: string;
	hidden: boolean;
}

/** A person as the HR pages change them: what they hold decides who may. */
export interface ManagedPerson {
	id: string;
	roles: readonly Role[];
}

const isEmployee = (actor: Subject) => actor?.kind === 'employee';
/** Roles are held by employees: one who leaves (alumni) keeps the account, not the powers. */
const holds = (actor: Subject, role: Role) => isEmployee(actor) && !!actor?.roles.includes(role);
/** The roles that make someone staff (`eventViewerFilter` says the same in SQL). */
const staffRoles = ['hr', 'admin'] as const satisfies readonly Role[];
const isStaff = (actor: Subject) => staffRoles.some((role) => holds(actor, role));
/** Managers and leads have a team view; HR too, for the requests nobody else decides. */
const hasTeamView = (actor: Subject) => isEmployee(actor) && (!!actor?.isManager || holds(actor, 'hr'));
/** Growth is for employees, and stays with those who leave: an alumnus keeps their plans and may mentor. */
export const growsHere = (actor: Subject) => actor?.kind === 'employee' || actor?.kind === 'alumni';

/** A growth plan as authorisation sees it: whose it is and whom the owner shared it with. */
export interface PlanResource {
	ownerId: string;
	sharedWith: readonly string[];
}

/** An opportunity as authorisation sees it: who posted it and whom it is for. */
export interface OpportunityResource {
	posterId: string;
	audience: OpportunityAudience;
}

/** The opportunity audiences a person belongs to: each kind sees only what is posted for it. */
function opportunityAudiencesOf(kind: PersonKind): OpportunityAudience[] {
	if (kind === 'employee') return ['employees', 'employees_alumni'];
	if (kind === 'alumni') return ['employees_alumni'];
	return ['partners'];
}

/** Whom an opportunity is for; its poster always sees it, and HR sees every one (they post for partners too). */
const canSeeOpportunity = (actor: Subject, target: OpportunityResource) =>
	!!actor && (target.posterId === actor.id || isStaff(actor) || opportunityAudiencesOf(actor.kind).includes(target.audience));

/**
 * Every permission in Kring, in one table. Routes ask `can`/`authorize`; lists use the SQL filters
 * below, which a test holds to the same answers as these predicates.
 */
const rules = {
	/** The HR pages: people, org, partners, imports, the audit log. */
	'people.manage': isStaff,
	'org.manage': isStaff,
	'partners.manage': isStaff,
	'audit.view': isStaff,
	/** Roles decide who may do all of the above, so only admins hand them out. */
	'roles.manage': (actor: Subject) => holds(actor, 'admin'),
	/** Kept mail holds sign-in links for every account: admins only. */
	'outbox.view': (actor: Subject) => holds(actor, 'admin'),
	'settings.manage': (actor: Subject) => holds(actor, 'admin'),
	/** The colleague directory at /people (staff are employees too). */
	'people.browse': isEmployee,
	'person.view': (actor: Subject, target: PersonResource) => canViewPerson(actor, target),
	/** Editing, (de)activating and inviting one person: see `canManagePerson`. */
	'person.manage': (actor: Subject, target: ManagedPerson) => canManagePerson(actor, target),
	/** Knowledge: HR and admins create spaces; each space's audience decides who reads it (see `readableSpaceFilter`). */
	'knowledge.spaces.manage': isStaff,
	'knowledge.space.read': (actor: Subject, target: SpaceResource) => canReadSpace(actor, target),
	/** Public spaces are read by anyone but written by people signed in; an archived space takes nothing new. */
	'knowledge.space.post': (actor: Subject, target: SpaceResource) => !!actor && canReadSpace(actor, target) && !target.archived,
	/** Reactions, bookmarks and reports: any signed-in reader, archived spaces too. */
	'knowledge.space.react': (actor: Subject, target: SpaceResource) => !!actor && canReadSpace(actor, target),
	/** Moderators (and staff) hide, pin, archive, and edit the space's name, description and moderators. */
	'knowledge.space.moderate': (actor: Subject, target: SpaceResource) => canModerateSpace(actor, target),
	/** Who reads a space is a permission: only HR and admins change its audience. */
	'knowledge.space.audience': isStaff,
	'knowledge.post.view': (actor: Subject, target: PostResource) =>
		canReadSpace(actor, target.space) && (!target.hidden || actor?.id === target.authorId || canModerateSpace(actor, target.space)),
	/** On a question: the asker or a moderator picks the accepted answer. */
	'knowledge.post.accept': (actor: Subject, target: PostResource) => isAuthorOrModerator(actor, target) && !target.space.archived,
	/** The author edits their post (its history is kept); moderators may too. Not in an archived space. */
	'knowledge.post.edit': (actor: Subject, target: PostResource) => isAuthorOrModerator(actor, target) && !target.space.archived,
	/** Flexible work is for employees; who may see or decide one arrangement the flex module asks in SQL. */
	'flex.use': isEmployee,
	/** The decision inbox and team view: managers, and HR for requests nobody else decides. */
	'flex.team': (actor: Subject) => hasTeamView(actor),
	/** The organisation's bounds and ceilings. */
	'flex.bounds.organisation': (actor: Subject) => holds(actor, 'hr'),
	/** A unit's bounds: its lead, within HR's ceilings, and HR. */
	'flex.bounds.unit': (actor: Subject, unit: { leadId: string | null }) => holds(actor, 'hr') || (isEmployee(actor) && unit.leadId === actor?.id),
	/** HR sees every arrangement (and decides those nobody else is set to); others what the flex module's `seenBy` lets them. */
	'flex.arrangements.all': (actor: Subject) => holds(actor, 'hr'),
	/** Ending an approved arrangement early: its person, whoever approved it, or HR; never a manager overruling the bounds. */
	'flex.arrangement.end': (actor: Subject, arrangement: { personId: string; decidedBy: string | null }) =>
		isEmployee(actor) && (arrangement.personId === actor!.id || arrangement.decidedBy === actor!.id || holds(actor, 'hr')),
	/** Flexible work per unit, aggregated (and withheld below five people): the people team. */
	'flex.insights': (actor: Subject) => holds(actor, 'hr'),
	/** My own calendar feed (my arrangements, the events I go to), and my team's for those who have a team view. */
	'calendar.feed.person': (actor: Subject) => !!actor,
	'calendar.feed.team': (actor: Subject) => hasTeamView(actor),
	/** Own plans, own skills, career tracks and mentoring. */
	'growth.use': growsHere,
	/** Skills, career tracks and the aggregate numbers; never anyone's plan. */
	'growth.framework.manage': isStaff,
	/** Plans are private: the owner and whom they shared it with read and comment, nobody else (HR neither). */
	'growth.plan.read': (actor: Subject, plan: PlanResource) => !!actor && growsHere(actor) && (plan.ownerId === actor.id || plan.sharedWith.includes(actor.id)),
	/** Only the owner changes a plan; those it is shared with comment. */
	'growth.plan.edit': (actor: Subject, plan: PlanResource) => !!actor && growsHere(actor) && plan.ownerId === actor.id,
	/** A mentorship and its shared notes: its mentor and mentee. */
	'growth.mentorship.view': (actor: Subject, relation: { mentorId: string; menteeId: string }) =>
		!!actor && growsHere(actor) && (relation.mentorId === actor.id || relation.menteeId === actor.id),
	/** A self-assessment shared with its person's current manager: that manager reads it and adds their view. */
	'growth.assessment.review': (actor: Subject, target: { personId: string; managerId: string | null; sharedWith: string | null }) =>
		isEmployee(actor) && target.personId !== actor!.id && target.managerId === actor!.id && target.sharedWith === actor!.id,
	/** The opportunity marketplace: everyone signed in finds what is posted for their audience. */
	'opportunities.browse': (actor: Subject) => !!actor,
	/** Employees (HR among them) post; alumni and partners apply. */
	'opportunities.post': isEmployee,
	'opportunity.view': canSeeOpportunity,
	/** Applying is for the audience, never the poster (HR sees partner gigs without being a partner). */
	'opportunity.apply': (actor: Subject, target: OpportunityResource) => !!actor && target.posterId !== actor.id && opportunityAudiencesOf(actor.kind).includes(target.audience),
	/** Closing, reopening, reading applicants and deciding on them: the poster alone. */
	'opportunity.manage': (actor: Subject, target: OpportunityResource) => !!actor && target.posterId === actor.id,
	/** Defining pulses is the people team's work. */
	'pulse.manage': (actor: Subject) => holds(actor, 'hr'),
	/** Employees answer pulses and see results. */
	'pulse.answer': isEmployee,
	'pulse.results': isEmployee,
	/**
	 * Which groups' pulse results someone may ask for: everyone employed the organisation's, a lead
	 * their unit and everything below it, HR every group. Whether a group is then shown depends on
	 * its answers (the pulse module's anonymity rules).
	 */
	'pulse.group.view': (actor: Subject, group: PulseGroupResource) =>
		isEmployee(actor) && (group.orgWide || holds(actor, 'hr') || group.leadIds.includes(actor!.id)),
	/** "You said, we did": HR for any group, a lead for their own units (not for the whole organisation). */
	'pulse.action.record': (actor: Subject, group: PulseGroupResource) =>
		isEmployee(actor) && (holds(actor, 'hr') || (!group.orgWide && group.leadIds.includes(actor!.id))),
	/** Experience level agreements: open to everyone employed, kept by HR. */
	'xla.view': isEmployee,
	'xla.manage': (actor: Subject) => holds(actor, 'hr'),
	/** "How was it?": the people served are colleagues, so every employee may rate a service (once a month). */
	'xla.rate': isEmployee,
	/** Retention signals per unit, aggregated and withheld below N: the people team. */
	'insights.view': (actor: Subject) => holds(actor, 'hr'),
	/** Starting, cancelling and reading offboardings, with their HR-only reason and rehire eligibility. */
	'offboarding.manage': isStaff,
	/** The alumni home and one's own network profile. */
	'alumni.home': (actor: Subject) => actor?.kind === 'alumni',
	/** The alumni directory: alumni and employees; which alumni it lists is `listedAlumniFilter`. */
	'alumni.directory': (actor: Subject) => isEmployee(actor) || actor?.kind === 'alumni',
	/**
	 * Writing through Kring: to a listed alumnus (`listedAlumniFilter`), or back to whoever wrote to
	 * you. Directory readers only; the addresses stay hidden either way.
	 */
	'alumni.contact': (actor: Subject, target: { listed: boolean; wroteToActor: boolean; id: string }) =>
		(isEmployee(actor) || actor?.kind === 'alumni') && target.id !== actor?.id && (target.listed || target.wroteToActor),
	/** Creating events (HR); who sees and joins one is its audience: `event.view`, `visibleEventsFilter`. */
	'events.manage': isStaff,
	'events.browse': (actor: Subject) => !!actor,
	'event.view': (actor: Subject, target: { audience: EventAudience }) => !!actor && (isStaff(actor) || audiencesOf(actor).includes(target.audience)),
	/** Vacancies: HR posts, edits and closes them, sees every application and referral, and moves referrals on. */
	'vacancies.manage': (actor: Subject) => holds(actor, 'hr'),
	/** The list is open to anyone, signed out too; which vacancies it shows is `vacancyAudienceFilter`. */
	'vacancies.browse': () => true,
	'vacancy.view': (actor: Subject, target: VacancyResource) => canViewVacancy(actor, target),
	/** Applying (a boomerang application) and referring: employees and alumni, to open vacancies they see. */
	'vacancy.respond': (actor: Subject, target: VacancyResource) => isNetwork(actor) && target.status === 'open' && canViewVacancy(actor, target),
	/** One's own referrals and their status. */
	'referrals.own': (actor: Subject) => isNetwork(actor),
	/** Rehiring an alumnus, and the network's numbers: the people team. */
	'alumni.rehire': (actor: Subject) => holds(actor, 'hr'),
	'alumni.insights': (actor: Subject) => holds(actor, 'hr')
} as const;

/** A vacancy as authorisation sees it. */
export interface VacancyResource {
	audience: VacancyAudience;
	status: VacancyStatus;
}

/** Employees and alumni: the people who apply for and refer to vacancies. */
const isNetwork = (actor: Subject) => isEmployee(actor) || actor?.kind === 'alumni';

/** The vacancy audiences a person (or a visitor) reads: each audience widens the one before. */
function vacancyAudiencesOf(actor: Subject): VacancyAudience[] {
	if (isEmployee(actor)) return ['employees', 'alumni', 'public'];
	if (actor?.kind === 'alumni') return ['alumni', 'public'];
	return ['public'];
}

/** Open vacancies in the reader's audiences; HR sees closed ones too. */
function canViewVacancy(actor: Subject, target: VacancyResource): boolean {
	if (holds(actor, 'hr')) return true;
	return target.status === 'open' && vacancyAudiencesOf(actor).includes(target.audience);
}

/** The audiences whose open vacancies a reader sees; null for HR, who see every vacancy, closed ones too. */
export function vacancyAudiences(actor: Subject): readonly VacancyAudience[] | null {
	return holds(actor, 'hr') ? null : vacancyAudiencesOf(actor);
}

/**
 * The list counterpart of `can(actor, 'vacancy.view', …)`, given `vacancyAudiences(actor)`: every
 * vacancy list and count applies it. It needs only the audiences, so a list is built once per audience list.
 */
export function vacancyAudienceFilter(audiences: readonly VacancyAudience[] | null): SQL | undefined {
	if (!audiences) return undefined;
	return sql`${vacancy.status} = 'open' and ${vacancy.audience} in (${sql.join(audiences.map((audience) => sql`${audience}`), sql`, `)})`;
}

/** A pulse result group: the organisation, or a unit with the leads of it and every unit above it. */
export interface PulseGroupResource {
	orgWide: boolean;
	leadIds: readonly string[];
}

/** The event audiences each kind of person belongs to. */
const eventAudiencesByKind: Record<PersonKind, readonly EventAudience[]> = {
	employee: ['employees', 'both'],
	alumni: ['alumni', 'both'],
	partner: ['partners']
};

function audiencesOf(actor: Actor): readonly EventAudience[] {
	return eventAudiencesByKind[actor.kind];
}

/** The audiences whose events an actor sees; null for staff, who see every event. */
export function eventAudiences(actor: Actor): readonly EventAudience[] | null {
	return isStaff(actor) ? null : audiencesOf(actor);
}

/** The events of these audiences (all for null), as a WHERE clause: what `visibleEventsFilter` builds, for a query built once per audience list. */
export function eventAudienceFilter(audiences: readonly EventAudience[] | null): SQL | undefined {
	if (!audiences) return undefined;
	return sql`${event.audience} in (${sql.join(audiences.map((audience) => sql`${audience}`), sql`, `)})`;
}

/**
 * `event.view` for the person in each row a query reads rather than for the actor (a reminder's
 * recipients): what they are now decides, so one who left or lost a role is not reminded of an
 * event they can no longer open.
 */
export function eventViewerFilter(viewer: typeof person): SQL {
	const byKind = Object.entries(eventAudiencesByKind).map(([kind, audiences]) => sql`(${viewer.kind} = ${kind} and ${eventAudienceFilter(audiences)})`);
	const staff = sql`(${viewer.kind} = 'employee' and ${viewer.roles} && array[${sql.join(staffRoles.map((role) => sql`${role}`), sql`, `)}]::text[])`;
	return sql`(${staff} or ${sql.join(byKind, sql` or `)})`;
}

/** The list counterpart of `can(actor, 'event.view', …)`. */
export function visibleEventsFilter(actor: Actor): SQL | undefined {
	return eventAudienceFilter(eventAudiences(actor));
}

export type Action = keyof typeof rules;
type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

export function can<A extends Action>(actor: Subject, action: A, ...resource: ResourceOf<A> extends undefined ? [] : [ResourceOf<A>]): boolean {
	const rule = rules[action] as (actor: Subject, resource?: unknown) => boolean;
	return rule(actor, resource[0]);
}

function canViewPerson(actor: Subject, target: PersonResource): boolean {
	if (!actor) return false;
	if (actor.id === target.id || isStaff(actor)) return true;
	// Alumni and partners see only themselves until their own issues (directory consent, spaces) open more.
	if (!isEmployee(actor)) return false;
	return target.status === 'active' && (target.kind === 'employee' || target.kind === 'partner');
}

/**
 * HR looks after people who hold no role. Whoever can change an account's email can take it over
 * (a reset link goes to the new address), so people holding hr or admin are changed by admins only.
 */
function canManagePerson(actor: Subject, target: ManagedPerson): boolean {
	if (!actor || !isStaff(actor)) return false;
	return target.roles.length === 0 || holds(actor, 'admin');
}

function canReadSpace(actor: Subject, target: SpaceResource): boolean {
	if (target.audience === 'public') return true;
	if (!actor) return false;
	if (isEmployee(actor)) return true;
	if (actor.kind === 'alumni') return target.audience === 'alumni' || (target.audience === 'partners' && target.includeAlumni);
	return target.audience === 'partners' && !!actor.partnerOrgId && target.partnerOrgIds.includes(actor.partnerOrgId);
}

function isAuthorOrModerator(actor: Subject, target: PostResource): boolean {
	return !!actor && canReadSpace(actor, target.space) && (actor.id === target.authorId || canModerateSpace(actor, target.space));
}

function canModerateSpace(actor: Subject, target: SpaceResource): boolean {
	if (!actor || !canReadSpace(actor, target)) return false;
	return isStaff(actor) || target.moderatorIds.includes(actor.id);
}

/** Which of `readableSpaceFilter`'s conditions applies to someone: what a query built once for many readers is keyed by. */
export type SpaceReader = 'public' | 'employee' | 'alumni' | 'partner';

export function spaceReader(actor: Subject): SpaceReader {
	if (!actor) return 'public';
	if (isEmployee(actor)) return 'employee';
	if (actor.kind === 'alumni') return 'alumni';
	// A partner member without an organisation reads what the public reads.
	return actor.partnerOrgId ? 'partner' : 'public';
}

/**
 * The spaces a person may read, as a condition on `knowledge_space`: the list counterpart of
 * `can(actor, 'knowledge.space.read', …)`. Every knowledge list, count, feed and search joins the
 * space and applies this, and nothing else decides it. A query built once passes the reader's
 * `spaceReader` and a placeholder for their partner organisation.
 */
export function readableSpaceFilter(actor: Subject): SQL;
export function readableSpaceFilter(reader: SpaceReader, partnerOrgId: Placeholder): SQL;
export function readableSpaceFilter(who: Subject | SpaceReader, partnerOrgId?: Placeholder): SQL {
	const reader = typeof who === 'string' ? who : spaceReader(who);
	const partnerOrg = typeof who === 'string' ? partnerOrgId : who?.partnerOrgId;
	switch (reader) {
		case 'public':
			return eq(space.audience, 'public');
		case 'employee':
			return sql`true`;
		case 'alumni':
			return or(sql`${space.audience} in ('public', 'alumni')`, and(eq(space.audience, 'partners'), eq(space.includeAlumni, true)))!;
		case 'partner':
			return or(
				eq(space.audience, 'public'),
				and(eq(space.audience, 'partners'), sql`exists (select 1 from ${spacePartner} where ${spacePartner.spaceId} = ${space.id} and ${spacePartner.partnerOrgId} = ${partnerOrg})`)
			)!;
	}
}

/**
 * The people who may read a space with this audience, as a condition on `person`: the people
 * counterpart of `can(person, 'knowledge.space.read', …)`, for the preview of an audience change.
 */
export function spaceReadersFilter(target: Pick<SpaceResource, 'audience' | 'includeAlumni' | 'partnerOrgIds'>): SQL {
	const alumniRead = target.audience === 'alumni' || target.audience === 'public' || (target.audience === 'partners' && target.includeAlumni);
	const partnersRead =
		target.audience === 'public'
			? sql`true`
			: target.audience === 'partners' && target.partnerOrgIds.length
				? inArray(person.partnerOrgId, [...target.partnerOrgIds])
				: sql`false`;
	return or(eq(person.kind, 'employee'), alumniRead ? eq(person.kind, 'alumni') : undefined, and(eq(person.kind, 'partner'), partnersRead))!;
}

/** Who reads opportunities, as far as the lists go: staff every one, everyone else by their kind. */
export type OpportunityReader = 'staff' | PersonKind;

export const opportunityReader = (actor: Actor): OpportunityReader => (isStaff(actor) ? 'staff' : actor.kind);

/**
 * The list counterpart of `can(actor, 'opportunity.view', …)`: every opportunity list, count and
 * recommendation applies it. A query built once passes the `opportunityReader` and a placeholder
 * for the reader's id (their own posts).
 */
export function visibleOpportunitiesFilter(actor: Actor): SQL | undefined;
export function visibleOpportunitiesFilter(reader: OpportunityReader, self: Placeholder): SQL | undefined;
export function visibleOpportunitiesFilter(who: Actor | OpportunityReader, self?: Placeholder): SQL | undefined {
	const reader = typeof who === 'string' ? who : opportunityReader(who);
	if (reader === 'staff') return undefined;
	const audiences = sql.join(opportunityAudiencesOf(reader).map((audience) => sql`${audience}`), sql`, `);
	return sql`(${opportunity.audience} in (${audiences}) or ${opportunity.posterId} = ${typeof who === 'string' ? self : who.id})`;
}

export type PeopleVisibility = 'everyone' | 'colleagues' | 'self';

/** Whom an actor's people lists hold: staff everyone, employees their active colleagues and partners, others only themselves. */
export function peopleVisibility(actor: Actor): PeopleVisibility {
	return isStaff(actor) ? 'everyone' : isEmployee(actor) ? 'colleagues' : 'self';
}

/**
 * The people a visibility shows, as a WHERE clause; `self` is the actor's id, or a placeholder for
 * it in a query built once per visibility and run for many actors.
 */
export function peopleFilter(visibility: PeopleVisibility, self: string | Placeholder | SQL): SQL | undefined {
	if (visibility === 'everyone') return undefined;
	const isSelf = eq(person.id, self);
	if (visibility === 'self') return isSelf;
	// Literals, as in `reportsOf`: a plan kept for every execution still sees which rows these are.
	return or(isSelf, sql`${person.status} = 'active' and ${person.kind} in ('employee', 'partner')`);
}

/** The list counterpart of `can(actor, 'person.view', …)`: the same people, as a WHERE clause. */
export function visiblePeopleFilter(actor: Actor): SQL | undefined {
	return peopleFilter(peopleVisibility(actor), actor.id);
}

/**
 * The list counterpart of `can(actor, 'growth.plan.read', …)` for someone who grows here
 * (`growsHere`; anyone else reads no plan): their own plans and those shared with them, as a WHERE
 * clause. `self` is their id, or a placeholder for it (hidden from the planner or not,
 * `unplannedId`) in a query built once and run for many.
 */
export function plansReadableBy(self: string | Placeholder | SQL): SQL {
	// Two index lookups (own plans, shares to me) rather than an OR the planner can only scan for.
	return sql`${growthPlan.id} in (select ${growthPlan.id} from ${growthPlan} where ${growthPlan.ownerId} = ${self} union all select ${planShare.planId} from ${planShare} where ${planShare.personId} = ${self})`;
}

/**
 * The alumni the directory lists: those who gave consent, and only while they are alumni. People
 * search (`visiblePeopleFilter`) shows no alumni to non-staff at all, so neither lists anyone
 * without consent.
 */
export function listedAlumniFilter(): SQL {
	return sql`${person.kind} = 'alumni' and ${person.status} = 'active' and ${alumniProfile.consentedAt} is not null`;
}

/** Signed in, or off to the login page (which brings them back here afterwards). */
export function requireActor(locals: App.Locals, url: URL): Actor {
	if (!locals.actor) {
		const next = url.pathname + url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return locals.actor;
}

/**
 * The guard every load, action and endpoint calls: anonymous → login, not allowed → 403. Where
 * even the existence of a resource is private, pages check `can` themselves and answer 404.
 */
export function authorize<A extends Action>(
	locals: App.Locals,
	url: URL,
	action: A,
	...resource: ResourceOf<A> extends undefined ? [] : [ResourceOf<A>]
): Actor {
	const actor = requireActor(locals, url);
	if (!can(actor, action, ...resource)) error(403);
	return actor;
}

/**
 * For things whose existence is private (a post in a space the viewer may not read): a visitor is
 * asked to sign in and someone signed in is told it does not exist, whether it exists or not.
 */
export function refuseUnseen(locals: App.Locals, url: URL): never {
	requireActor(locals, url);
	error(404);
}
