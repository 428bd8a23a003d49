DROP INDEX "trial_lease_expiry_idx";--> statement-breakpoint
CREATE INDEX "trial_running_idx" ON "trial" USING btree ("study_id") WHERE "trial"."state" = 'RUNNING';--> statement-breakpoint
-- Room on each page for the new version of a row: a lease renewal (no indexed column changes) is then a HOT
-- update, and its dead versions are pruned by whoever reads the page, without waiting for (auto)vacuum.
ALTER TABLE "trial" SET (fillfactor = 85);
