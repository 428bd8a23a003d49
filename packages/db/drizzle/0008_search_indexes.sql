CREATE INDEX "study_tags_idx" ON "study" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "trial_tags_idx" ON "trial" USING gin ("tags") WHERE "trial"."tags" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "trial_source_idx" ON "trial" USING btree ("source_trial_id") WHERE "trial"."source_trial_id" is not null;