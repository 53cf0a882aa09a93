import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, person } from '../db/schema/core';

/** A craft (specialist) track is as real a path as a management one. */
export const trackKinds = ['craft', 'management'] as const;
export type TrackKind = (typeof trackKinds)[number];

export const activityKinds = ['course', 'book', 'mentoring', 'stretch', 'conference', 'gig'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const mentorshipStatuses = ['requested', 'accepted', 'declined', 'ended'] as const;
export type MentorshipStatus = (typeof mentorshipStatuses)[number];

/** Proficiency on the framework's scale, 1 (aware) to 5 (shapes the field). */
export const proficiencyCheck = (name: string, column: AnyPgColumn) => check(name, sql`${column} between 1 and 5`);

export const skill = pgTable(
	'skill',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		category: text('category').notNull(),
		description: text('description').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('skill_name_idx').on(sql`lower(${t.name})`), index('skill_category_idx').on(t.category, t.name)]
);

export const careerTrack = pgTable(
	'career_track',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		kind: text('kind', { enum: trackKinds }).notNull(),
		description: text('description').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('career_track_name_idx').on(sql`lower(${t.name})`)]
);

export const trackLevel = pgTable(
	'track_level',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		trackId: uuid('track_id')
			.notNull()
			.references(() => careerTrack.id, { onDelete: 'cascade' }),
		/** Order within the track, from 1. */
		rank: integer('rank').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default('')
	},
	(t) => [uniqueIndex('track_level_rank_idx').on(t.trackId, t.rank)]
);

/** What a level expects: a skill at a proficiency. */
export const levelSkill = pgTable(
	'level_skill',
	{
		levelId: uuid('level_id')
			.notNull()
			.references(() => trackLevel.id, { onDelete: 'cascade' }),
		skillId: uuid('skill_id')
			.notNull()
			.references(() => skill.id, { onDelete: 'cascade' }),
		proficiency: integer('proficiency').notNull()
	},
	(t) => [primaryKey({ columns: [t.levelId, t.skillId] }), index('level_skill_skill_idx').on(t.skillId), proficiencyCheck('level_skill_proficiency', t.proficiency)]
);

/** One person's level in one skill: what a self-assessment and a manager's view of it share. */
const personSkillLevel = () => ({
	personId: uuid('person_id')
		.notNull()
		.references(() => person.id, { onDelete: 'cascade' }),
	skillId: uuid('skill_id')
		.notNull()
		.references(() => skill.id, { onDelete: 'cascade' }),
	proficiency: integer('proficiency').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A person's own assessment of a skill. It stays theirs after they leave. */
export const personSkill = pgTable(
	'person_skill',
	{
		...personSkillLevel(),
		wantToGrow: boolean('want_to_grow').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.personId, t.skillId] }), index('person_skill_skill_idx').on(t.skillId, t.proficiency), proficiencyCheck('person_skill_proficiency', t.proficiency)]
);

/** A growth plan belongs to its owner: only the owner and those they share it with read it. */
export const growthPlan = pgTable(
	'growth_plan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		ownerId: uuid('owner_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		ambition: text('ambition').notNull().default(''),
		/** The target: a track level, or the owner's own words (or both). */
		targetLevelId: uuid('target_level_id').references(() => trackLevel.id, { onDelete: 'set null' }),
		targetText: text('target_text'),
		horizon: date('horizon'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('growth_plan_owner_idx').on(t.ownerId, t.createdAt)]
);

/** Who besides the owner may read (and comment on) a plan. Deleting the row withdraws the share. */
export const planShare = pgTable(
	'plan_share',
	{
		planId: uuid('plan_id')
			.notNull()
			.references(() => growthPlan.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.personId] }), index('plan_share_person_idx').on(t.personId)]
);

export const planGoal = pgTable(
	'plan_goal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => growthPlan.id, { onDelete: 'cascade' }),
		/** A milestone belongs to a goal; a goal has none. */
		parentId: uuid('parent_id').references((): AnyPgColumn => planGoal.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueOn: date('due_on'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('plan_goal_plan_idx').on(t.planId, t.createdAt)]
);

export const planCheckIn = pgTable(
	'plan_check_in',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => growthPlan.id, { onDelete: 'cascade' }),
		on: date('on').notNull(),
		progress: integer('progress').notNull(),
		note: text('note').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('plan_check_in_plan_idx').on(t.planId, t.on), check('plan_check_in_progress', sql`${t.progress} between 0 and 100`)]
);

export const planActivity = pgTable(
	'plan_activity',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => growthPlan.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: activityKinds }).notNull(),
		title: text('title').notNull(),
		plannedHours: integer('planned_hours'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('plan_activity_plan_idx').on(t.planId, t.createdAt)]
);

export const planComment = pgTable(
	'plan_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => growthPlan.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('plan_comment_plan_idx').on(t.planId, t.createdAt)]
);

/** Someone (employee or alumni) offering to mentor, on skills, for up to `capacity` mentees at once. */
export const mentorOffer = pgTable(
	'mentor_offer',
	{
		personId: uuid('person_id')
			.primaryKey()
			.references(() => person.id, { onDelete: 'cascade' }),
		capacity: integer('capacity').notNull(),
		note: text('note').notNull().default(''),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [check('mentor_offer_capacity', sql`${t.capacity} between 1 and 20`)]
);

export const mentorOfferSkill = pgTable(
	'mentor_offer_skill',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => mentorOffer.personId, { onDelete: 'cascade' }),
		skillId: uuid('skill_id')
			.notNull()
			.references(() => skill.id, { onDelete: 'cascade' }),
		proficiency: integer('proficiency').notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.skillId] }), index('mentor_offer_skill_skill_idx').on(t.skillId), proficiencyCheck('mentor_offer_skill_proficiency', t.proficiency)]
);

export const mentorship = pgTable(
	'mentorship',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mentorId: uuid('mentor_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		menteeId: uuid('mentee_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		skillId: uuid('skill_id').references(() => skill.id, { onDelete: 'set null' }),
		status: text('status', { enum: mentorshipStatuses }).notNull().default('requested'),
		message: text('message').notNull().default(''),
		createdAt: createdAt(),
		startedOn: date('started_on'),
		endedOn: date('ended_on')
	},
	(t) => [
		index('mentorship_mentor_idx').on(t.mentorId, t.status),
		index('mentorship_mentee_idx').on(t.menteeId, t.status),
		// One open request or relationship per pair.
		uniqueIndex('mentorship_open_pair_idx').on(t.mentorId, t.menteeId).where(sql`${t.status} in ('requested', 'accepted')`),
		check('mentorship_not_self', sql`${t.mentorId} <> ${t.menteeId}`)
	]
);

/** The shared notes space of a mentorship. */
export const mentorshipNote = pgTable(
	'mentorship_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mentorshipId: uuid('mentorship_id')
			.notNull()
			.references(() => mentorship.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('mentorship_note_idx').on(t.mentorshipId, t.createdAt)]
);

export const proposalStatuses = ['open', 'accepted', 'merged', 'declined'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** A skill an employee misses in the framework; HR accepts it (a new skill) or merges it into one that exists. */
export const skillProposal = pgTable(
	'skill_proposal',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		category: text('category').notNull(),
		description: text('description').notNull().default(''),
		proposedBy: uuid('proposed_by').references(() => person.id, { onDelete: 'set null' }),
		status: text('status', { enum: proposalStatuses }).notNull().default('open'),
		/** The skill it became (accepted) or was merged into. */
		skillId: uuid('skill_id').references(() => skill.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('skill_proposal_status_idx').on(t.status, t.createdAt), index('skill_proposal_proposer_idx').on(t.proposedBy)]
);

/** A person's self-assessment shared with a manager (who may then add their own view). Deleting the row withdraws it. */
export const assessmentShare = pgTable(
	'assessment_share',
	{
		personId: uuid('person_id')
			.primaryKey()
			.references(() => person.id, { onDelete: 'cascade' }),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [index('assessment_share_manager_idx').on(t.managerId)]
);

/** The manager's view of a skill, beside the person's own; shown only while the assessment is shared with them. */
export const managerSkillView = pgTable(
	'manager_skill_view',
	{
		...personSkillLevel(),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.personId, t.skillId] }), proficiencyCheck('manager_skill_view_proficiency', t.proficiency)]
);
