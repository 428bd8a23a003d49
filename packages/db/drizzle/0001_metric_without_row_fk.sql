ALTER TABLE "metric" DROP CONSTRAINT "metric_trial_id_trial_id_fk";
--> statement-breakpoint
-- A trial's points go with it, as the dropped ON DELETE CASCADE did, once per statement instead of per row.
CREATE FUNCTION "metric_follow_trial"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "metric" m USING gone WHERE m."trial_id" = gone."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "metric_follow_trial" AFTER DELETE ON "trial"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "metric_follow_trial"();
