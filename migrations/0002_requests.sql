CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"request_id" uuid,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"ticket" text NOT NULL,
	"service_code" text NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"desa_code" text,
	"applicant" jsonb NOT NULL,
	"subject" jsonb NOT NULL,
	"subject_nik" text,
	"applicant_phone" text NOT NULL,
	"hand_over_choice" text NOT NULL,
	"disability_needs" text,
	"pin_hash" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"siak_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"courier_staff_id" uuid,
	"return_reasons" jsonb,
	"hand_over_record" jsonb,
	"submitted_at" timestamp with time zone NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_counters" (
	"office_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_desa_code_desa_code_fk" FOREIGN KEY ("desa_code") REFERENCES "public"."desa"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_counters" ADD CONSTRAINT "ticket_counters_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_ticket_uq" ON "requests" USING btree ("ticket");--> statement-breakpoint
CREATE INDEX "requests_queue_idx" ON "requests" USING btree ("office_code","state","due_at");--> statement-breakpoint
CREATE INDEX "requests_nik_idx" ON "requests" USING btree ("office_code","subject_nik");--> statement-breakpoint
CREATE INDEX "requests_phone_idx" ON "requests" USING btree ("office_code","applicant_phone");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_counters_pk" ON "ticket_counters" USING btree ("office_code","year");