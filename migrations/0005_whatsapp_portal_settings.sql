CREATE TABLE "office_service_settings" (
	"office_code" text NOT NULL,
	"service_code" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"requirements" jsonb,
	"sla_working_days" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "whatsapp_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_code" text NOT NULL,
	"wa_id" text NOT NULL,
	"contact_name" text,
	"locale" text DEFAULT 'id' NOT NULL,
	"mode" text DEFAULT 'bot' NOT NULL,
	"dialogue" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"waiting_for_staff" boolean DEFAULT false NOT NULL,
	"assigned_staff_id" uuid,
	"request_id" uuid,
	"last_inbound_at" timestamp with time zone,
	"last_message_at" timestamp with time zone NOT NULL,
	"unread_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_inbound" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_message_id" text NOT NULL,
	"phone_number_id" text NOT NULL,
	"office_code" text NOT NULL,
	"wa_id" text NOT NULL,
	"contact_name" text,
	"type" text NOT NULL,
	"message" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"file_id" uuid,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "whatsapp_numbers" (
	"phone_number_id" text PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"display_phone" text,
	"templates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "channel" text DEFAULT 'whatsapp' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sender" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sender_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "sent_body" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pin_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pin_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "office_service_settings" ADD CONSTRAINT "office_service_settings_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_verifications" ADD CONSTRAINT "phone_verifications_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_conversations" ADD CONSTRAINT "whatsapp_conversations_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_numbers" ADD CONSTRAINT "whatsapp_numbers_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "office_service_settings_uq" ON "office_service_settings" USING btree ("office_code","service_code");--> statement-breakpoint
CREATE INDEX "phone_verifications_phone_idx" ON "phone_verifications" USING btree ("office_code","phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "whatsapp_conversations_uq" ON "whatsapp_conversations" USING btree ("office_code","wa_id");--> statement-breakpoint
CREATE INDEX "whatsapp_conversations_inbox_idx" ON "whatsapp_conversations" USING btree ("office_code","last_message_at");--> statement-breakpoint
CREATE UNIQUE INDEX "whatsapp_inbound_message_uq" ON "whatsapp_inbound" USING btree ("wa_message_id");--> statement-breakpoint
CREATE INDEX "whatsapp_inbound_pending_idx" ON "whatsapp_inbound" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "whatsapp_inbound_sender_idx" ON "whatsapp_inbound" USING btree ("office_code","wa_id","id");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("office_code","recipient","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_provider_id_uq" ON "outbox" USING btree ("provider_message_id");