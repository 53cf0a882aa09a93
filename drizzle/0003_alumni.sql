CREATE TABLE "alumni_profile" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"current_employer" text,
	"current_role" text,
	"location" text,
	"open_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"shared" text[] DEFAULT '{}'::text[] NOT NULL,
	"confirmed_at" timestamp with time zone,
	"consented_at" timestamp with time zone,
	"consent_version" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offboarding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"last_day" date NOT NULL,
	"reason" text NOT NULL,
	"rehire_eligible" boolean NOT NULL,
	"personal_email" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"invitation_id" text,
	"invitation_secret_hash" "bytea",
	"invitation_expires_at" timestamp with time zone,
	"invitation_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alumni_profile" ADD CONSTRAINT "alumni_profile_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding" ADD CONSTRAINT "offboarding_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding" ADD CONSTRAINT "offboarding_started_by_person_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alumni_profile_listed_idx" ON "alumni_profile" USING btree ("person_id") WHERE "alumni_profile"."consented_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_open_person_idx" ON "offboarding" USING btree ("person_id") WHERE "offboarding"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "offboarding_due_idx" ON "offboarding" USING btree ("last_day") WHERE "offboarding"."status" = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_invitation_idx" ON "offboarding" USING btree ("invitation_id");