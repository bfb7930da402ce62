CREATE TABLE "office_holiday_years" (
	"office_code" text NOT NULL,
	"year" integer NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_holiday_years" ADD CONSTRAINT "office_holiday_years_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "office_holiday_years" ADD CONSTRAINT "office_holiday_years_confirmed_by_staff_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "office_holiday_years_uq" ON "office_holiday_years" USING btree ("office_code","year");