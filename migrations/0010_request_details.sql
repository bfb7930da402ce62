-- A request keeps the service's other data fields (keyed by the catalogue's field code) and the facts its conditions read.
ALTER TABLE "requests" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "circumstances" jsonb DEFAULT '{}'::jsonb NOT NULL;