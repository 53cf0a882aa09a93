CREATE TABLE "flex_arrangement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"by_policy" boolean DEFAULT false NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"review_on" date,
	"details" jsonb NOT NULL,
	"remote_days" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"note" text,
	"checks" jsonb NOT NULL,
	"bounds_ids" uuid[] NOT NULL,
	"decider_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"deadline_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flex_arrangement_period" CHECK ("flex_arrangement"."ends_on" is null or "flex_arrangement"."ends_on" >= "flex_arrangement"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "flex_bounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"anchor_days" smallint[],
	"countries" text[],
	"decision_days" smallint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flex_delegation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"manager_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flex_delegation_period" CHECK ("flex_delegation"."ends_on" >= "flex_delegation"."starts_on"),
	CONSTRAINT "flex_delegation_not_self" CHECK ("flex_delegation"."manager_id" <> "flex_delegation"."delegate_id")
);
--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD CONSTRAINT "flex_arrangement_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD CONSTRAINT "flex_arrangement_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD CONSTRAINT "flex_arrangement_decider_id_person_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD CONSTRAINT "flex_arrangement_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_bounds" ADD CONSTRAINT "flex_bounds_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_bounds" ADD CONSTRAINT "flex_bounds_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_delegation" ADD CONSTRAINT "flex_delegation_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flex_delegation" ADD CONSTRAINT "flex_delegation_delegate_id_person_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flex_arrangement_person_idx" ON "flex_arrangement" USING btree ("person_id","starts_on");--> statement-breakpoint
CREATE INDEX "flex_arrangement_decider_idx" ON "flex_arrangement" USING btree ("decider_id","created_at") WHERE "flex_arrangement"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "flex_arrangement_deadline_idx" ON "flex_arrangement" USING btree ("deadline_at") WHERE "flex_arrangement"."status" = 'pending' and "flex_arrangement"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "flex_arrangement_unit_remote_idx" ON "flex_arrangement" USING btree ("unit_id","starts_on") WHERE "flex_arrangement"."type" = 'remote' and "flex_arrangement"."status" in ('approved', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "flex_bounds_scope_version_idx" ON "flex_bounds" USING btree (coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"version");--> statement-breakpoint
CREATE INDEX "flex_delegation_manager_idx" ON "flex_delegation" USING btree ("manager_id","ends_on");--> statement-breakpoint
CREATE INDEX "flex_delegation_delegate_idx" ON "flex_delegation" USING btree ("delegate_id","ends_on");