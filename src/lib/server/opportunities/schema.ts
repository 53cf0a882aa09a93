import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, person } from '../db/schema/core';
import { proficiencyCheck, skill } from '../growth/schema';

export const opportunityKinds = ['project', 'gig', 'rotation', 'mentoring', 'role'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];

/** Who may see and apply: employees; employees and alumni; or partners. Decided in authz alone. */
export const opportunityAudiences = ['employees', 'employees_alumni', 'partners'] as const;
export type OpportunityAudience = (typeof opportunityAudiences)[number];

export const opportunityStatuses = ['open', 'closed'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

export const applicationStatuses = ['applied', 'selected', 'declined'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** A project, gig, rotation, mentoring ask or open role in the internal marketplace. */
export const opportunity = pgTable(
	'opportunity',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		posterId: uuid('poster_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: opportunityKinds }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		audience: text('audience', { enum: opportunityAudiences }).notNull(),
		hoursPerWeek: integer('hours_per_week').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		status: text('status', { enum: opportunityStatuses }).notNull().default('open'),
		createdAt: createdAt()
	},
	(t) => [
		index('opportunity_open_idx').on(t.status, t.audience, t.createdAt),
		// The open list, newest first: read backwards until a page of visible ones is found, where
		// the audience-or-poster filter otherwise read and sorted every open opportunity.
		index('opportunity_open_recent_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'open'`),
		index('opportunity_poster_idx').on(t.posterId, t.createdAt),
		check('opportunity_hours', sql`${t.hoursPerWeek} between 1 and 40`),
		check('opportunity_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`)
	]
);

/** What an opportunity asks: a skill at a proficiency (the framework's 1–5). */
export const opportunitySkill = pgTable(
	'opportunity_skill',
	{
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunity.id, { onDelete: 'cascade' }),
		skillId: uuid('skill_id')
			.notNull()
			.references(() => skill.id, { onDelete: 'cascade' }),
		proficiency: integer('proficiency').notNull()
	},
	(t) => [primaryKey({ columns: [t.opportunityId, t.skillId] }), index('opportunity_skill_skill_idx').on(t.skillId), proficiencyCheck('opportunity_skill_proficiency', t.proficiency)]
);

/** Someone's interest in an opportunity, once per person; only its poster and the applicant see it. */
export const opportunityApplication = pgTable(
	'opportunity_application',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		opportunityId: uuid('opportunity_id')
			.notNull()
			.references(() => opportunity.id, { onDelete: 'cascade' }),
		applicantId: uuid('applicant_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		note: text('note').notNull().default(''),
		/** Confidential unless the applicant asks for their manager to hear of it. */
		tellManager: boolean('tell_manager').notNull().default(false),
		status: text('status', { enum: applicationStatuses }).notNull().default('applied'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('opportunity_application_once_idx').on(t.opportunityId, t.applicantId), index('opportunity_application_applicant_idx').on(t.applicantId, t.createdAt)]
);
