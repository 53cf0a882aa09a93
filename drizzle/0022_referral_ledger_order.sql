DROP INDEX "referral_referrer_idx";--> statement-breakpoint
DROP INDEX "referral_created_idx";--> statement-breakpoint
CREATE INDEX "referral_referrer_idx" ON "referral" USING btree ("referrer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "referral_created_idx" ON "referral" USING btree ("created_at","id");