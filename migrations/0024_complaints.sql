CREATE TABLE "complaint_counters" (
	"office_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"body" text NOT NULL,
	"request_ticket" text,
	"name" text,
	"phone" text,
	"pin_hash" text,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "complaint_answer_days" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_counters" ADD CONSTRAINT "complaint_counters_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_counters_pk" ON "complaint_counters" USING btree ("office_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_uq" ON "complaints" USING btree ("number");--> statement-breakpoint
CREATE INDEX "complaints_office_idx" ON "complaints" USING btree ("office_code","received_at");--> statement-breakpoint
CREATE INDEX "complaints_phone_idx" ON "complaints" USING btree ("phone");