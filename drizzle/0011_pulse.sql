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
CREATE TABLE "pulse_answer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid,
	"scores" smallint[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_participation" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "pulse_participation_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"reminded" boolean DEFAULT false NOT NULL,
	"closed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_round_unit" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid,
	"invited" integer NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"audience_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recurrence_days" integer NOT NULL,
	"window_days" integer NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"allow_comment" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"next_opens_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_survey_min_group" CHECK ("pulse_survey"."min_group_size" >= 3),
	CONSTRAINT "pulse_survey_window" CHECK ("pulse_survey"."window_days" >= 1 and "pulse_survey"."window_days" <= "pulse_survey"."recurrence_days")
);
--> statement-breakpoint
CREATE TABLE "pulse_tally" (
	"round_id" uuid NOT NULL,
	"unit_id" uuid,
	"question_id" uuid NOT NULL,
	"answers" integer NOT NULL,
	"total" integer NOT NULL,
	"promoters" integer NOT NULL,
	"detractors" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xla_measure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"target" double precision NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"unit" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "xla_service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "xla_service_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "xla_value" (
	"measure_id" uuid NOT NULL,
	"period" date NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "xla_value_measure_id_period_pk" PRIMARY KEY("measure_id","period"),
	CONSTRAINT "xla_value_period_month" CHECK (extract(day from "xla_value"."period") = 1)
);
--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_survey_id_pulse_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."pulse_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_action" ADD CONSTRAINT "pulse_action_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answer" ADD CONSTRAINT "pulse_answer_round_id_pulse_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answer" ADD CONSTRAINT "pulse_answer_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_comment" ADD CONSTRAINT "pulse_comment_round_id_pulse_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_comment" ADD CONSTRAINT "pulse_comment_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_round_id_pulse_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_participation" ADD CONSTRAINT "pulse_participation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_question" ADD CONSTRAINT "pulse_question_survey_id_pulse_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."pulse_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_round" ADD CONSTRAINT "pulse_round_survey_id_pulse_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."pulse_survey"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_round_unit" ADD CONSTRAINT "pulse_round_unit_round_id_pulse_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_round_unit" ADD CONSTRAINT "pulse_round_unit_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_tally" ADD CONSTRAINT "pulse_tally_round_id_pulse_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_tally" ADD CONSTRAINT "pulse_tally_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_tally" ADD CONSTRAINT "pulse_tally_question_id_pulse_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."pulse_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_measure" ADD CONSTRAINT "xla_measure_service_id_xla_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."xla_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_value" ADD CONSTRAINT "xla_value_measure_id_xla_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."xla_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_action_survey_idx" ON "pulse_action" USING btree ("survey_id","unit_id");--> statement-breakpoint
CREATE INDEX "pulse_answer_round_idx" ON "pulse_answer" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "pulse_comment_round_idx" ON "pulse_comment" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "pulse_question_survey_idx" ON "pulse_question" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "pulse_round_survey_idx" ON "pulse_round" USING btree ("survey_id","number");--> statement-breakpoint
CREATE INDEX "pulse_round_open_idx" ON "pulse_round" USING btree ("closed","closes_on");--> statement-breakpoint
CREATE INDEX "pulse_round_unit_round_idx" ON "pulse_round_unit" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "pulse_tally_round_idx" ON "pulse_tally" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "xla_measure_service_idx" ON "xla_measure" USING btree ("service_id");