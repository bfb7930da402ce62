CREATE TABLE "tracking_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket" text NOT NULL,
	"client" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD COLUMN "applications" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pending_pin_hash" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pending_pin_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pending_pin_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tracking_failures_ticket_idx" ON "tracking_failures" USING btree ("ticket","at");--> statement-breakpoint
CREATE INDEX "tracking_failures_at_idx" ON "tracking_failures" USING btree ("at");--> statement-breakpoint
CREATE INDEX "requests_service_nik_idx" ON "requests" USING btree ("service_code","subject_nik");--> statement-breakpoint
ALTER TABLE "requests" DROP COLUMN "pin_failures";--> statement-breakpoint
ALTER TABLE "requests" DROP COLUMN "pin_locked_until";