CREATE TABLE "xla_rater" (
	"measure_id" uuid NOT NULL,
	"period" date NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "xla_rater_measure_id_period_person_id_pk" PRIMARY KEY("measure_id","period","person_id")
);
--> statement-breakpoint
CREATE TABLE "xla_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"period" date NOT NULL,
	"score" smallint NOT NULL,
	CONSTRAINT "xla_rating_score" CHECK ("xla_rating"."score" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "pulse_question" ADD COLUMN "first_round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pulse_question" ADD COLUMN "last_round" integer;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD COLUMN "source" text DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD COLUMN "pulse_survey_id" uuid;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD COLUMN "pulse_dimension" text;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD COLUMN "rating_scale" smallint;--> statement-breakpoint
ALTER TABLE "xla_rater" ADD CONSTRAINT "xla_rater_measure_id_xla_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."xla_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_rater" ADD CONSTRAINT "xla_rater_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_rating" ADD CONSTRAINT "xla_rating_measure_id_xla_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."xla_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xla_rating_measure_idx" ON "xla_rating" USING btree ("measure_id","period");--> statement-breakpoint
ALTER TABLE "xla_measure" ADD CONSTRAINT "xla_measure_pulse_survey_id_pulse_survey_id_fk" FOREIGN KEY ("pulse_survey_id") REFERENCES "public"."pulse_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD CONSTRAINT "xla_measure_pulse_source" CHECK (("xla_measure"."source" = 'pulse_dimension') = ("xla_measure"."pulse_survey_id" is not null and "xla_measure"."pulse_dimension" is not null));--> statement-breakpoint
ALTER TABLE "xla_measure" ADD CONSTRAINT "xla_measure_rating_source" CHECK (("xla_measure"."source" = 'rating') = ("xla_measure"."rating_scale" is not null) and coalesce("xla_measure"."rating_scale" in (5, 10), true));