CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"nik" text,
	"name" text,
	"birth_date" text NOT NULL,
	"sex" text,
	"desa_code" text,
	"school_npsn" text,
	"school_class" text,
	"parent_name" text,
	"kk_number" text,
	"whatsapp" text,
	"has_kia" boolean,
	"kia_since" text,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"npsn" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"desa_code" text,
	"address" text,
	"contact_name" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_desa_code_desa_code_fk" FOREIGN KEY ("desa_code") REFERENCES "public"."desa"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_desa_code_desa_code_fk" FOREIGN KEY ("desa_code") REFERENCES "public"."desa"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "children_office_nik_uq" ON "children" USING btree ("office_code","nik");--> statement-breakpoint
CREATE INDEX "children_office_name_idx" ON "children" USING btree ("office_code","birth_date");--> statement-breakpoint
CREATE INDEX "children_office_school_idx" ON "children" USING btree ("office_code","school_npsn");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_office_npsn_uq" ON "schools" USING btree ("office_code","npsn");--> statement-breakpoint
-- hand-written
ALTER TABLE "children" ADD CONSTRAINT "children_identified" CHECK ("nik" IS NOT NULL OR "name" IS NOT NULL);
