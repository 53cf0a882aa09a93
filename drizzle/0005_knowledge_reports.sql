CREATE TABLE "knowledge_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"comment_id" uuid,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "knowledge_report" ADD CONSTRAINT "knowledge_report_post_id_knowledge_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."knowledge_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_report" ADD CONSTRAINT "knowledge_report_comment_id_knowledge_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."knowledge_comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_report" ADD CONSTRAINT "knowledge_report_reporter_id_person_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_report_open_idx" ON "knowledge_report" USING btree ("post_id") WHERE "knowledge_report"."resolved_at" is null;