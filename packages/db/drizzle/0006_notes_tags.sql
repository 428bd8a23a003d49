ALTER TABLE "study" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "study" ADD COLUMN "note_updated_by_id" uuid;--> statement-breakpoint
ALTER TABLE "study" ADD COLUMN "note_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "study" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "trial" ADD COLUMN "note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "trial" ADD COLUMN "note_updated_by_id" uuid;--> statement-breakpoint
ALTER TABLE "trial" ADD COLUMN "note_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trial" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "study" ADD CONSTRAINT "study_note_updated_by_id_user_id_fk" FOREIGN KEY ("note_updated_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial" ADD CONSTRAINT "trial_note_updated_by_id_user_id_fk" FOREIGN KEY ("note_updated_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trial_note_updated_by_idx" ON "trial" USING btree ("note_updated_by_id") WHERE "trial"."note_updated_by_id" is not null;