CREATE INDEX "study_tags_idx" ON "study" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "trial_tags_idx" ON "trial" USING gin ("tags") WHERE "trial"."tags" <> '{}'::text[];