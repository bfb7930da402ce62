CREATE TABLE "office_special_periods" (
	"office_code" text NOT NULL,
	"name" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"schedule" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_special_periods" ADD CONSTRAINT "office_special_periods_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "office_special_periods_uq" ON "office_special_periods" USING btree ("office_code","from_date");