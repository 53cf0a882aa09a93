CREATE TABLE "knowledge_follow" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"space_id" uuid,
	"tag" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_follow_one_thing" CHECK (("knowledge_follow"."space_id" is null) <> ("knowledge_follow"."tag" is null))
);
--> statement-breakpoint
ALTER TABLE "knowledge_follow" ADD CONSTRAINT "knowledge_follow_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_follow" ADD CONSTRAINT "knowledge_follow_space_id_knowledge_space_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."knowledge_space"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_follow_space_idx" ON "knowledge_follow" USING btree ("person_id","space_id") WHERE "knowledge_follow"."space_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_follow_tag_idx" ON "knowledge_follow" USING btree ("person_id","tag") WHERE "knowledge_follow"."tag" is not null;