CREATE TABLE "pulse_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" uuid,
	"dimension" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"taken_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_survey_id_pulse_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."pulse_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_action_survey_idx" ON "pulse_action" USING btree ("survey_id","unit_id");