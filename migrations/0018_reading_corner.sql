CREATE TABLE "reading_corner_books" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"title" text NOT NULL,
	"author" text NOT NULL,
	"isbn" text,
	"category" text NOT NULL,
	"copies" integer NOT NULL,
	"donor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reading_corner_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"book_id" uuid NOT NULL,
	"borrower_name" text NOT NULL,
	"borrower_phone" text NOT NULL,
	"loaned_on" text NOT NULL,
	"due_on" text NOT NULL,
	"loaned_at" timestamp with time zone NOT NULL,
	"loaned_by" uuid NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_on" text,
	"returned_to" uuid,
	"reminded_at" timestamp with time zone,
	"borrower_forgotten_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reading_corner_visits" (
	"office_code" text NOT NULL,
	"day" text NOT NULL,
	"count" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reading_corner_books" ADD CONSTRAINT "reading_corner_books_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_corner_loans" ADD CONSTRAINT "reading_corner_loans_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_corner_loans" ADD CONSTRAINT "reading_corner_loans_book_id_reading_corner_books_id_fk" FOREIGN KEY ("book_id") REFERENCES "public"."reading_corner_books"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_corner_visits" ADD CONSTRAINT "reading_corner_visits_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reading_corner_books_isbn_uq" ON "reading_corner_books" USING btree ("office_code","isbn") WHERE "reading_corner_books"."isbn" is not null;--> statement-breakpoint
CREATE INDEX "reading_corner_books_office_idx" ON "reading_corner_books" USING btree ("office_code","title");--> statement-breakpoint
CREATE INDEX "reading_corner_loans_open_idx" ON "reading_corner_loans" USING btree ("office_code","due_on") WHERE "reading_corner_loans"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "reading_corner_loans_book_idx" ON "reading_corner_loans" USING btree ("book_id");--> statement-breakpoint
CREATE INDEX "reading_corner_loans_office_idx" ON "reading_corner_loans" USING btree ("office_code","loaned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reading_corner_visits_uq" ON "reading_corner_visits" USING btree ("office_code","day");--> statement-breakpoint
-- hand-written
ALTER TABLE "reading_corner_books" ADD CONSTRAINT "reading_corner_books_copies_check" CHECK ("copies" >= 0 AND "copies" <= 1000);--> statement-breakpoint
ALTER TABLE "reading_corner_visits" ADD CONSTRAINT "reading_corner_visits_count_check" CHECK ("count" >= 0);--> statement-breakpoint
ALTER TABLE "reading_corner_loans" ADD CONSTRAINT "reading_corner_loans_due_check" CHECK ("due_on" >= "loaned_on");
