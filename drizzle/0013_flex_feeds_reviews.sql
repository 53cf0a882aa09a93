CREATE TABLE "calendar_feed" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"person_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD COLUMN "planned_ends_on" date;--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD COLUMN "review_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_owner_idx" ON "calendar_feed" USING btree ("person_id","scope");--> statement-breakpoint
ALTER TABLE "flex_arrangement" ADD CONSTRAINT "flex_arrangement_ended_by_person_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "flex_arrangement_review_idx" ON "flex_arrangement" USING btree ("review_on") WHERE "flex_arrangement"."status" = 'approved' and "flex_arrangement"."review_reminded_at" is null;