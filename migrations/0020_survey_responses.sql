CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"request_id" uuid,
	"service_code" text,
	"channel" text NOT NULL,
	"persyaratan" smallint NOT NULL,
	"prosedur" smallint NOT NULL,
	"waktu" smallint NOT NULL,
	"biaya" smallint NOT NULL,
	"produk" smallint NOT NULL,
	"kompetensi" smallint NOT NULL,
	"perilaku" smallint NOT NULL,
	"pengaduan" smallint NOT NULL,
	"sarpras" smallint NOT NULL,
	"age_band" text,
	"sex" text,
	"education" text,
	"occupation" text,
	"suggestion" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_request_uq" ON "survey_responses" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "survey_responses_office_idx" ON "survey_responses" USING btree ("office_code","created_at");--> statement-breakpoint
-- hand-written
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_answers_ck" CHECK (
  "persyaratan" BETWEEN 1 AND 4 AND "prosedur" BETWEEN 1 AND 4 AND "waktu" BETWEEN 1 AND 4 AND "biaya" BETWEEN 1 AND 4 AND "produk" BETWEEN 1 AND 4
  AND "kompetensi" BETWEEN 1 AND 4 AND "perilaku" BETWEEN 1 AND 4 AND "pengaduan" BETWEEN 1 AND 4 AND "sarpras" BETWEEN 1 AND 4
);--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_channel_ck" CHECK ("channel" IN ('whatsapp', 'portal', 'qr'));
