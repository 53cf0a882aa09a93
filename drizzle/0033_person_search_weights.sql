ALTER TABLE "person" drop column "search";--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("person"."name", '')), 'A') || setweight(to_tsvector('simple', regexp_replace("person"."email", '[@._+-]+', ' ', 'g') || ' ' || coalesce("person"."job_title", '')), 'B')) STORED;--> statement-breakpoint
-- Dropping the column dropped its index with it.
CREATE INDEX "person_search_idx" ON "person" USING gin ("search");
