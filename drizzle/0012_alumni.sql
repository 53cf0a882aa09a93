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
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"place" text,
	"online_url" text,
	"audience" text NOT NULL,
	"capacity" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_ends_after_start" CHECK ("event"."ends_at" > "event"."starts_at"),
	CONSTRAINT "event_capacity_positive" CHECK ("event"."capacity" is null or "event"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_rsvp" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvp_event_id_person_id_pk" PRIMARY KEY("event_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "alumni_profile" ADD CONSTRAINT "alumni_profile_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding" ADD CONSTRAINT "offboarding_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding" ADD CONSTRAINT "offboarding_started_by_person_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvp" ADD CONSTRAINT "event_rsvp_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvp" ADD CONSTRAINT "event_rsvp_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alumni_profile_listed_idx" ON "alumni_profile" USING btree ("person_id") WHERE "alumni_profile"."consented_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_open_person_idx" ON "offboarding" USING btree ("person_id") WHERE "offboarding"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "offboarding_due_idx" ON "offboarding" USING btree ("last_day") WHERE "offboarding"."status" = 'scheduled';--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_invitation_idx" ON "offboarding" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "event_starts_idx" ON "event" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "event_rsvp_person_idx" ON "event_rsvp" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_rsvp_queue_idx" ON "event_rsvp" USING btree ("event_id","status","created_at");