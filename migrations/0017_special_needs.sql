DROP INDEX "requests_queue_idx";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "special_needs" jsonb;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "priority" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "priority_reason" text;--> statement-breakpoint
CREATE INDEX "requests_queue_idx" ON "requests" USING btree ("office_code","state","priority","due_at");--> statement-breakpoint
-- Requests taken in before the special-needs record: the flag was the only sign of a disability.
UPDATE "requests" SET "priority" = 0, "priority_reason" = 'disabilitas' WHERE "flags" @> '["disability_assistance"]'::jsonb;
