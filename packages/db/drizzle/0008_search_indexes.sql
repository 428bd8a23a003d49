CREATE INDEX "study_tags_idx" ON "study" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "trial_tags_idx" ON "trial" USING gin ("tags") WHERE "trial"."tags" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "trial_source_idx" ON "trial" USING btree ("source_trial_id") WHERE "trial"."source_trial_id" is not null;--> statement-breakpoint
CREATE INDEX "trial_first_value_idx" ON "trial" USING btree (("values"[1])) WHERE "trial"."state" = 'COMPLETE';--> statement-breakpoint
-- Estimates for ranges of the first objective's value (the search's metric filters): without them the planner took
-- every range for a third of the table and walked the primary key backwards through a million rows for 59 matches.
CREATE STATISTICS IF NOT EXISTS "trial_first_value_stats" ON (("values"[1])) FROM "trial";