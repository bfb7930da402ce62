-- Search by name is a substring match (ILIKE '%…%'); trigram indexes make it fast at a regency's scale.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_subject_name_trgm_idx" ON "requests" USING gin ((subject->>'name') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_applicant_name_trgm_idx" ON "requests" USING gin ((applicant->>'name') gin_trgm_ops);
