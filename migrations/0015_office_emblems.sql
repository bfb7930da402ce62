CREATE TABLE "office_emblems" (
	"office_code" text PRIMARY KEY NOT NULL,
	"png_base64" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "office_emblems" ADD CONSTRAINT "office_emblems_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;