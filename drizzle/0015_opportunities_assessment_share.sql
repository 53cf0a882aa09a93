CREATE TABLE "assessment_share" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"manager_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manager_skill_view" (
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"proficiency" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manager_skill_view_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id"),
	CONSTRAINT "manager_skill_view_proficiency" CHECK ("manager_skill_view"."proficiency" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "opportunity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poster_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audience" text NOT NULL,
	"hours_per_week" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_hours" CHECK ("opportunity"."hours_per_week" between 1 and 40),
	CONSTRAINT "opportunity_period" CHECK ("opportunity"."ends_on" is null or "opportunity"."ends_on" >= "opportunity"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "opportunity_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"tell_manager" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_skill" (
	"opportunity_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"proficiency" integer NOT NULL,
	CONSTRAINT "opportunity_skill_opportunity_id_skill_id_pk" PRIMARY KEY("opportunity_id","skill_id"),
	CONSTRAINT "opportunity_skill_proficiency" CHECK ("opportunity_skill"."proficiency" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "assessment_share" ADD CONSTRAINT "assessment_share_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_share" ADD CONSTRAINT "assessment_share_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_skill_view" ADD CONSTRAINT "manager_skill_view_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_skill_view" ADD CONSTRAINT "manager_skill_view_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_skill_view" ADD CONSTRAINT "manager_skill_view_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_poster_id_person_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_applicant_id_person_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skill" ADD CONSTRAINT "opportunity_skill_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skill" ADD CONSTRAINT "opportunity_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_share_manager_idx" ON "assessment_share" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "opportunity_open_idx" ON "opportunity" USING btree ("status","audience","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_poster_idx" ON "opportunity" USING btree ("poster_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_application_once_idx" ON "opportunity_application" USING btree ("opportunity_id","applicant_id");--> statement-breakpoint
CREATE INDEX "opportunity_application_applicant_idx" ON "opportunity_application" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_skill_skill_idx" ON "opportunity_skill" USING btree ("skill_id");