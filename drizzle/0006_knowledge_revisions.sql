CREATE TABLE "knowledge_post_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"editor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_post_revision" ADD CONSTRAINT "knowledge_post_revision_post_id_knowledge_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."knowledge_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_post_revision" ADD CONSTRAINT "knowledge_post_revision_editor_id_person_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."person"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_post_revision_post_idx" ON "knowledge_post_revision" USING btree ("post_id","created_at");