import { error, redirect } from '@sveltejs/kit';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { alumniProfile, event, person, type EventAudience, type PersonKind, type PersonStatus, type Role } from '../db/schema';
import type { Actor } from './actor';

export type { Actor } from './actor';

/** What a person can be, for authorisation: the anonymous visitor included. */
export type Subject = Actor | null;

export interface PersonResource {
	id: string;
	kind: PersonKind;
	status: PersonStatus;
}

/** A person as the HR pages change them: what they hold decides who may. */
export interface ManagedPerson {
	id: string;
	roles: readonly Role[];
}

const isEmployee = (actor: Subject) => actor?.kind === 'employee';
/** Roles are held by employees: one who leaves (alumni) keeps the account, not the powers. */
const holds = (actor: Subject, role: Role) => isEmployee(actor) && !!actor?.roles.includes(role);
const isStaff = (actor: Subject) => holds(actor, 'hr') || holds(actor, 'admin');

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
	/** Starting, cancelling and reading offboardings, with their HR-only reason and rehire eligibility. */
	'offboarding.manage': isStaff,
	/** The alumni home and one's own network profile. */
	'alumni.home': (actor: Subject) => actor?.kind === 'alumni',
	/** The alumni directory: alumni and employees; which alumni it lists is `listedAlumniFilter`. */
	'alumni.directory': (actor: Subject) => isEmployee(actor) || actor?.kind === 'alumni',
	/** Creating events (HR); who sees and joins one is its audience: `event.view`, `visibleEventsFilter`. */
	'events.manage': isStaff,
	'events.browse': (actor: Subject) => !!actor,
	'event.view': (actor: Subject, target: { audience: EventAudience }) => !!actor && (isStaff(actor) || audiencesOf(actor).includes(target.audience))
} as const;

/** The event audiences a person belongs to. */
function audiencesOf(actor: Actor): EventAudience[] {
	if (actor.kind === 'employee') return ['employees', 'both'];
	if (actor.kind === 'alumni') return ['alumni', 'both'];
	return ['partners'];
}

/** The list counterpart of `can(actor, 'event.view', …)`. */
export function visibleEventsFilter(actor: Actor): SQL | undefined {
	if (isStaff(actor)) return undefined;
	return sql`${event.audience} in (${sql.join(audiencesOf(actor).map((audience) => sql`${audience}`), sql`, `)})`;
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

/** The list counterpart of `can(actor, 'person.view', …)`: the same people, as a WHERE clause. */
export function visiblePeopleFilter(actor: Actor): SQL | undefined {
	if (isStaff(actor)) return undefined;
	const self = eq(person.id, actor.id);
	if (!isEmployee(actor)) return self;
	return or(self, and(eq(person.status, 'active'), sql`${person.kind} in ('employee', 'partner')`));
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
