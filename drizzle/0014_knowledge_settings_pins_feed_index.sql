ALTER TABLE "knowledge_post" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "knowledge_space" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "knowledge_post_pinned_idx" ON "knowledge_post" USING btree ("space_id","pinned_at") WHERE "knowledge_post"."pinned_at" is not null;--> statement-breakpoint
CREATE INDEX "flex_arrangement_feed_idx" ON "flex_arrangement" USING btree ("person_id","starts_on") WHERE "flex_arrangement"."status" = 'approved' and "flex_arrangement"."type" in ('remote', 'abroad', 'sabbatical');