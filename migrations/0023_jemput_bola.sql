CREATE TABLE "jemput_bola_captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"present" boolean NOT NULL,
	"nik" text,
	"kk_number" text,
	"birth_place" text,
	"parent_name" text,
	"parent_whatsapp" text,
	"akta_seen" boolean NOT NULL,
	"kk_seen" boolean NOT NULL,
	"photo_file_id" uuid,
	"request_id" uuid,
	"refusal" text,
	"captured_by" uuid NOT NULL,
	"captured_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jemput_bola_roster" (
	"session_id" uuid NOT NULL,
	"child_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jemput_bola_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"school_npsn" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"session_date" text NOT NULL,
	"deadline_working_days" integer NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"equipment" jsonb NOT NULL,
	"state" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"batch_due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jemput_bola_captures" ADD CONSTRAINT "jemput_bola_captures_session_id_jemput_bola_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."jemput_bola_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jemput_bola_captures" ADD CONSTRAINT "jemput_bola_captures_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jemput_bola_captures" ADD CONSTRAINT "jemput_bola_captures_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jemput_bola_roster" ADD CONSTRAINT "jemput_bola_roster_session_id_jemput_bola_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."jemput_bola_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jemput_bola_roster" ADD CONSTRAINT "jemput_bola_roster_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jemput_bola_sessions" ADD CONSTRAINT "jemput_bola_sessions_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jemput_bola_captures_key_uq" ON "jemput_bola_captures" USING btree ("session_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "jemput_bola_captures_child_idx" ON "jemput_bola_captures" USING btree ("session_id","child_id","captured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jemput_bola_roster_uq" ON "jemput_bola_roster" USING btree ("session_id","child_id");--> statement-breakpoint
CREATE INDEX "jemput_bola_sessions_office_idx" ON "jemput_bola_sessions" USING btree ("office_code","starts_at");--> statement-breakpoint
-- hand-written
ALTER TABLE "jemput_bola_sessions" ADD CONSTRAINT "jemput_bola_sessions_deadline" CHECK ("deadline_working_days" BETWEEN 1 AND 7);
