CREATE TABLE "office_closures" (
	"office_code" text NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "kia_rule_set" text DEFAULT 'national' NOT NULL;--> statement-breakpoint
ALTER TABLE "office_closures" ADD CONSTRAINT "office_closures_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "office_closures_uq" ON "office_closures" USING btree ("office_code","date","kind");