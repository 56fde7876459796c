ALTER TABLE "campaign_activities" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "competitions_identity_uq" ON "competitions" USING btree ("campaign_id","trade_id","level","name");