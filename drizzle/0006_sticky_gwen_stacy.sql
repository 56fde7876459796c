ALTER TABLE "campaign_activities" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- A database that already holds the same competition twice keeps both: the later ones are renamed (…（#id）) first.
UPDATE "competitions" c SET "name" = c."name" || '（#' || c."id" || '）' WHERE EXISTS (SELECT 1 FROM "competitions" d WHERE d."campaign_id" = c."campaign_id" AND d."trade_id" = c."trade_id" AND d."level" = c."level" AND d."name" = c."name" AND d."id" < c."id");--> statement-breakpoint
CREATE UNIQUE INDEX "competitions_identity_uq" ON "competitions" USING btree ("campaign_id","trade_id","level","name");