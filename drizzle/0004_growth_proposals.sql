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
ALTER TABLE "skill_proposal" ADD CONSTRAINT "skill_proposal_proposed_by_person_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_proposal" ADD CONSTRAINT "skill_proposal_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skill_proposal_status_idx" ON "skill_proposal" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "skill_proposal_proposer_idx" ON "skill_proposal" USING btree ("proposed_by");