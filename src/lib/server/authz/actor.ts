import { person, type PersonKind, type Role } from '../db/schema';

/** The signed-in person as every authorisation decision sees them. */
export interface Actor {
	id: string;
	name: string;
	email: string;
	kind: PersonKind;
	roles: Role[];
	/** Follows from having direct reports or leading an org unit; never granted by hand. */
	isManager: boolean;
	unitId: string | null;
	managerId: string | null;
	partnerOrgId: string | null;
	locale: string | null;
}

/** The person's columns an `Actor` is made of, with `status` to refuse anyone not active; `isManager` is worked out apart. */
export const actorColumns = {
	id: person.id,
	name: person.name,
	email: person.email,
	kind: person.kind,
	roles: person.roles,
	status: person.status,
	unitId: person.unitId,
	managerId: person.managerId,
	partnerOrgId: person.partnerOrgId,
	locale: person.locale
};
