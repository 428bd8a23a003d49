CREATE TABLE "model_evaluation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"trial_id" bigint NOT NULL,
	"state" text DEFAULT 'QUEUED' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"lease_owner" uuid,
	"lease_token" uuid,
	"lease_expires_at" timestamp with time zone,
	"metrics" jsonb,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "model_evaluation" ADD CONSTRAINT "model_evaluation_study_id_study_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."study"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_evaluation" ADD CONSTRAINT "model_evaluation_trial_id_trial_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trial"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_evaluation" ADD CONSTRAINT "model_evaluation_lease_owner_runner_id_fk" FOREIGN KEY ("lease_owner") REFERENCES "public"."runner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_evaluation" ADD CONSTRAINT "model_evaluation_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_evaluation_trial_idx" ON "model_evaluation" USING btree ("trial_id","created_at");--> statement-breakpoint
CREATE INDEX "model_evaluation_open_idx" ON "model_evaluation" USING btree ("created_at") WHERE state in ('QUEUED', 'RUNNING');--> statement-breakpoint
CREATE UNIQUE INDEX "model_evaluation_one_open_key" ON "model_evaluation" USING btree ("trial_id") WHERE state in ('QUEUED', 'RUNNING');