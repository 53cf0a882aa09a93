ALTER TABLE "knowledge_post" ADD COLUMN "comment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing posts start from their visible comments and replies.
UPDATE "knowledge_post" SET "comment_count" = counted.n FROM (SELECT "post_id", count(*)::int AS n FROM "knowledge_comment" WHERE "hidden_at" IS NULL GROUP BY "post_id") AS counted WHERE counted."post_id" = "knowledge_post"."id";
