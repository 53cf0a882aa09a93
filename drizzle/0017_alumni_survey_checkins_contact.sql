CREATE TABLE "alumni_check_in" (
	"person_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alumni_check_in_person_id_months_pk" PRIMARY KEY("person_id","months")
);
--> statement-breakpoint
CREATE TABLE "alumni_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"reply_to_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_survey_answer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"scores" smallint[] NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_survey_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alumni_profile" ADD COLUMN "check_ins" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "offboarding" ADD COLUMN "survey_token_id" text;--> statement-breakpoint
ALTER TABLE "offboarding" ADD COLUMN "survey_secret_hash" "bytea";--> statement-breakpoint
ALTER TABLE "offboarding" ADD COLUMN "survey_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "offboarding" ADD COLUMN "survey_answered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event_rsvp" ADD COLUMN "reminded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alumni_check_in" ADD CONSTRAINT "alumni_check_in_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_message" ADD CONSTRAINT "alumni_message_sender_id_person_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_message" ADD CONSTRAINT "alumni_message_recipient_id_person_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alumni_message_recipient_idx" ON "alumni_message" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "exit_survey_answer_quarter_idx" ON "exit_survey_answer" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "exit_survey_comment_quarter_idx" ON "exit_survey_comment" USING btree ("quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_survey_token_idx" ON "offboarding" USING btree ("survey_token_id");