CREATE TABLE "trial_log" (
	"trial_id" bigint NOT NULL,
	"end_offset" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"stream" text NOT NULL,
	"text" text NOT NULL,
	"time" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trial_log_trial_id_end_offset_pk" PRIMARY KEY("trial_id","end_offset")
);
--> statement-breakpoint
CREATE TABLE "trial_attempt" (
	"trial_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"runner_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text DEFAULT 'RUNNING' NOT NULL,
	"error" text,
	CONSTRAINT "trial_attempt_trial_id_attempt_pk" PRIMARY KEY("trial_id","attempt")
);
--> statement-breakpoint
ALTER TABLE "trial_log" ADD CONSTRAINT "trial_log_trial_id_trial_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trial"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_attempt" ADD CONSTRAINT "trial_attempt_trial_id_trial_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trial"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_attempt" ADD CONSTRAINT "trial_attempt_runner_id_runner_id_fk" FOREIGN KEY ("runner_id") REFERENCES "public"."runner"("id") ON DELETE set null ON UPDATE no action;