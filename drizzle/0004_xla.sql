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
ALTER TABLE "xla_measure" ADD CONSTRAINT "xla_measure_service_id_xla_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."xla_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xla_value" ADD CONSTRAINT "xla_value_measure_id_xla_measure_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."xla_measure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "xla_measure_service_idx" ON "xla_measure" USING btree ("service_id");