DROP INDEX "vacancy_open_idx";--> statement-breakpoint
CREATE INDEX "vacancy_created_idx" ON "vacancy" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "vacancy_open_idx" ON "vacancy" USING btree ("created_at","id") WHERE "vacancy"."status" = 'open';