CREATE TABLE "career_track" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "growth_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"ambition" text DEFAULT '' NOT NULL,
	"target_level_id" uuid,
	"target_text" text,
	"horizon" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "level_skill" (
	"level_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"proficiency" integer NOT NULL,
	CONSTRAINT "level_skill_level_id_skill_id_pk" PRIMARY KEY("level_id","skill_id"),
	CONSTRAINT "level_skill_proficiency" CHECK ("level_skill"."proficiency" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "mentor_offer" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_offer_capacity" CHECK ("mentor_offer"."capacity" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "mentor_offer_skill" (
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"proficiency" integer NOT NULL,
	CONSTRAINT "mentor_offer_skill_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id"),
	CONSTRAINT "mentor_offer_skill_proficiency" CHECK ("mentor_offer_skill"."proficiency" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "mentorship" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"skill_id" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_on" date,
	"ended_on" date,
	CONSTRAINT "mentorship_not_self" CHECK ("mentorship"."mentor_id" <> "mentorship"."mentee_id")
);
--> statement-breakpoint
CREATE TABLE "mentorship_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_skill" (
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"proficiency" integer NOT NULL,
	"want_to_grow" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_skill_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id"),
	CONSTRAINT "person_skill_proficiency" CHECK ("person_skill"."proficiency" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "plan_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"planned_hours" integer,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_check_in" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"on" date NOT NULL,
	"progress" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_check_in_progress" CHECK ("plan_check_in"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "plan_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"title" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_share" (
	"plan_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_share_plan_id_person_id_pk" PRIMARY KEY("plan_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "skill" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"proposed_by" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"skill_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "track_level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"track_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "growth_plan" ADD CONSTRAINT "growth_plan_owner_id_person_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_plan" ADD CONSTRAINT "growth_plan_target_level_id_track_level_id_fk" FOREIGN KEY ("target_level_id") REFERENCES "public"."track_level"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_skill" ADD CONSTRAINT "level_skill_level_id_track_level_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."track_level"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_skill" ADD CONSTRAINT "level_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_offer" ADD CONSTRAINT "mentor_offer_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_offer_skill" ADD CONSTRAINT "mentor_offer_skill_person_id_mentor_offer_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."mentor_offer"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_offer_skill" ADD CONSTRAINT "mentor_offer_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentor_id_person_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_mentee_id_person_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship" ADD CONSTRAINT "mentorship_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_note" ADD CONSTRAINT "mentorship_note_mentorship_id_mentorship_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorship"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_note" ADD CONSTRAINT "mentorship_note_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill" ADD CONSTRAINT "person_skill_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill" ADD CONSTRAINT "person_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_activity" ADD CONSTRAINT "plan_activity_plan_id_growth_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."growth_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_check_in" ADD CONSTRAINT "plan_check_in_plan_id_growth_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."growth_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_plan_id_growth_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."growth_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_plan_id_growth_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."growth_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_parent_id_plan_goal_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_share" ADD CONSTRAINT "plan_share_plan_id_growth_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."growth_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_share" ADD CONSTRAINT "plan_share_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_proposal" ADD CONSTRAINT "skill_proposal_proposed_by_person_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_proposal" ADD CONSTRAINT "skill_proposal_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_level" ADD CONSTRAINT "track_level_track_id_career_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."career_track"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "career_track_name_idx" ON "career_track" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "growth_plan_owner_idx" ON "growth_plan" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "level_skill_skill_idx" ON "level_skill" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "mentor_offer_skill_skill_idx" ON "mentor_offer_skill" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "mentorship_mentor_idx" ON "mentorship" USING btree ("mentor_id","status");--> statement-breakpoint
CREATE INDEX "mentorship_mentee_idx" ON "mentorship" USING btree ("mentee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_open_pair_idx" ON "mentorship" USING btree ("mentor_id","mentee_id") WHERE "mentorship"."status" in ('requested', 'accepted');--> statement-breakpoint
CREATE INDEX "mentorship_note_idx" ON "mentorship_note" USING btree ("mentorship_id","created_at");--> statement-breakpoint
CREATE INDEX "person_skill_skill_idx" ON "person_skill" USING btree ("skill_id","proficiency");--> statement-breakpoint
CREATE INDEX "plan_activity_plan_idx" ON "plan_activity" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_check_in_plan_idx" ON "plan_check_in" USING btree ("plan_id","on");--> statement-breakpoint
CREATE INDEX "plan_comment_plan_idx" ON "plan_comment" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_goal_plan_idx" ON "plan_goal" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_share_person_idx" ON "plan_share" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_name_idx" ON "skill" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "skill_category_idx" ON "skill" USING btree ("category","name");--> statement-breakpoint
CREATE INDEX "skill_proposal_status_idx" ON "skill_proposal" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "skill_proposal_proposer_idx" ON "skill_proposal" USING btree ("proposed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "track_level_rank_idx" ON "track_level" USING btree ("track_id","rank");