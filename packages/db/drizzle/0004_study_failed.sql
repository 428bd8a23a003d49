ALTER TYPE "public"."study_status" ADD VALUE 'FAILED';--> statement-breakpoint
ALTER TABLE "study" ADD COLUMN "failure_reason" text;