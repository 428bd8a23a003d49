CREATE TABLE "artifact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"trial_id" bigint NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'FILE' NOT NULL,
	"state" text DEFAULT 'UPLOADING' NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text DEFAULT 'application/octet-stream' NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "artifact_trial_name_key" UNIQUE("trial_id","name"),
	CONSTRAINT "artifact_storage_key_key" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "study" ADD COLUMN "keep_models" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "artifact" ADD CONSTRAINT "artifact_study_id_study_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."study"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artifact" ADD CONSTRAINT "artifact_trial_id_trial_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trial"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "artifact_study_kind_idx" ON "artifact" USING btree ("study_id","kind");