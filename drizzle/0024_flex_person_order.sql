DROP INDEX "flex_arrangement_person_idx";--> statement-breakpoint
CREATE INDEX "flex_arrangement_person_idx" ON "flex_arrangement" USING btree ("person_id","starts_on","created_at");