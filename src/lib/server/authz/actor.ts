import type { PersonKind, Role } from '../db/schema';

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
