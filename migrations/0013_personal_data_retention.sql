ALTER TABLE "audit_log" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "whatsapp_inbound" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_redaction_due_idx" ON "audit_log" USING btree ("at") WHERE "audit_log"."redacted_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_redaction_due_idx" ON "outbox" USING btree ("created_at") WHERE "outbox"."redacted_at" is null;--> statement-breakpoint
CREATE INDEX "requests_anonymise_due_idx" ON "requests" USING btree ("state_entered_at") WHERE "requests"."anonymised_at" is null;--> statement-breakpoint
CREATE INDEX "whatsapp_inbound_redaction_due_idx" ON "whatsapp_inbound" USING btree ("received_at") WHERE "whatsapp_inbound"."redacted_at" is null;--> statement-breakpoint
-- The audit log stays append-only, with one narrow exception for UU PDP retention: after its
-- period an entry's personal values may be stripped, once. The update passes only if
--  * the transaction declared it is redacting (set_config('kencot.redacting', 'on', true), local
--    to that transaction; only the retention worker and an audited erasure set it),
--  * every column that says who did what, to what and when is unchanged,
--  * the new details hold no key or value the old ones did not (plus the `redacted` mark), the IP
--    is cleared, and the entry was not redacted before.
-- No SECURITY DEFINER and no role switch: the product's own database user still cannot rewrite or
-- delete an entry, nor add anything to one. DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_LEVEL = 'ROW' THEN
    IF current_setting('kencot.redacting', true) = 'on'
      AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
      AND NEW.id = OLD.id AND NEW.at = OLD.at
      AND NEW.office_code IS NOT DISTINCT FROM OLD.office_code
      AND NEW.actor_type = OLD.actor_type
      AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
      AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
      AND NEW.action = OLD.action
      AND NEW.entity_type = OLD.entity_type
      AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
      AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
      AND NEW.ip IS NULL
      AND NEW.details -> 'redacted' = 'true'::jsonb
      AND OLD.details @> (NEW.details - 'redacted')
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
