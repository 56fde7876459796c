CREATE TABLE "competition_staff" (
	"competition_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"role" text NOT NULL,
	"granted_by" integer,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "competitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"trade_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"venue" text NOT NULL,
	"stations" integer NOT NULL,
	"code_prefix" text NOT NULL,
	"registration_opens_at" timestamp with time zone NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"default_quota" integer,
	"unit_quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"parts" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marking_schemes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marking_schemes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"version" integer NOT NULL,
	"scheme" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheme_aspects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scheme_aspects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"scheme_id" integer NOT NULL,
	"competition_id" integer NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"criterion_code" text NOT NULL,
	"criterion_name" text NOT NULL,
	"sub_criterion_code" text NOT NULL,
	"sub_criterion_name" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"max_mark" numeric(6, 2) NOT NULL,
	"bands" jsonb,
	"levels" jsonb
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reason" text,
	"registered_by" integer,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"exam_number" text,
	"code" text,
	"station" integer,
	"round" integer
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"competition_id" integer PRIMARY KEY NOT NULL,
	"seed_commitment" text NOT NULL,
	"seed_enc" text NOT NULL,
	"committed_by" integer,
	"committed_at" timestamp with time zone NOT NULL,
	"seed" text,
	"entry_ids" jsonb,
	"result" jsonb,
	"drawn_by" integer,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aspect_judges" (
	"competition_id" integer NOT NULL,
	"aspect_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"seat" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "judge_conflicts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "judge_conflicts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"judge_id" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" integer,
	"person_id" integer,
	"reason" text NOT NULL,
	"note" text,
	"declared_by" integer,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "amendments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"aspect_id" integer,
	"judge_id" integer,
	"part" text NOT NULL,
	"old_value" numeric(6, 2) NOT NULL,
	"new_value" numeric(6, 2) NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "mark_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mark_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"entry_id" integer,
	"aspect_id" integer,
	"judge_id" integer,
	"part" text,
	"value" numeric(6, 2),
	"previous_value" numeric(6, 2),
	"version" integer,
	"source" text,
	"reason" text,
	"device" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "marks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"aspect_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"value" numeric(6, 2) NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "paper_keys" (
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"aspect_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"slot" smallint NOT NULL,
	"value" numeric(6, 2) NOT NULL,
	"operator_id" integer NOT NULL,
	"keyed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "part_scores" (
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"part" text NOT NULL,
	"value" numeric(6, 2) NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signoffs" (
	"competition_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"signed_by" integer NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spread_confirmations" (
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"aspect_id" integer NOT NULL,
	"versions" text NOT NULL,
	"reason" text NOT NULL,
	"confirmed_by" integer NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_staff" ADD CONSTRAINT "competition_staff_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_staff" ADD CONSTRAINT "competition_staff_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_staff" ADD CONSTRAINT "competition_staff_granted_by_accounts_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marking_schemes" ADD CONSTRAINT "marking_schemes_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marking_schemes" ADD CONSTRAINT "marking_schemes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_aspects" ADD CONSTRAINT "scheme_aspects_scheme_id_marking_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."marking_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_aspects" ADD CONSTRAINT "scheme_aspects_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_registered_by_accounts_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_committed_by_accounts_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_drawn_by_accounts_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspect_judges" ADD CONSTRAINT "aspect_judges_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspect_judges" ADD CONSTRAINT "aspect_judges_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspect_judges" ADD CONSTRAINT "aspect_judges_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_declared_by_accounts_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_events" ADD CONSTRAINT "mark_events_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_events" ADD CONSTRAINT "mark_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_events" ADD CONSTRAINT "mark_events_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_events" ADD CONSTRAINT "mark_events_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_events" ADD CONSTRAINT "mark_events_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marks" ADD CONSTRAINT "marks_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_keys" ADD CONSTRAINT "paper_keys_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_keys" ADD CONSTRAINT "paper_keys_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_keys" ADD CONSTRAINT "paper_keys_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_keys" ADD CONSTRAINT "paper_keys_judge_id_accounts_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_keys" ADD CONSTRAINT "paper_keys_operator_id_accounts_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_scores" ADD CONSTRAINT "part_scores_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_scores" ADD CONSTRAINT "part_scores_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signoffs" ADD CONSTRAINT "signoffs_signed_by_accounts_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spread_confirmations" ADD CONSTRAINT "spread_confirmations_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spread_confirmations" ADD CONSTRAINT "spread_confirmations_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spread_confirmations" ADD CONSTRAINT "spread_confirmations_aspect_id_scheme_aspects_id_fk" FOREIGN KEY ("aspect_id") REFERENCES "public"."scheme_aspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spread_confirmations" ADD CONSTRAINT "spread_confirmations_confirmed_by_accounts_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_staff_uq" ON "competition_staff" USING btree ("competition_id","account_id","role");--> statement-breakpoint
CREATE INDEX "competition_staff_account_idx" ON "competition_staff" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "competitions_campaign_idx" ON "competitions" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marking_schemes_version_uq" ON "marking_schemes" USING btree ("competition_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_aspects_code_uq" ON "scheme_aspects" USING btree ("scheme_id","code");--> statement-breakpoint
CREATE INDEX "scheme_aspects_competition_idx" ON "scheme_aspects" USING btree ("competition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_person_uq" ON "entries" USING btree ("competition_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_code_uq" ON "entries" USING btree ("competition_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_exam_number_uq" ON "entries" USING btree ("competition_id","exam_number");--> statement-breakpoint
CREATE INDEX "entries_unit_idx" ON "entries" USING btree ("competition_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aspect_judges_uq" ON "aspect_judges" USING btree ("aspect_id","judge_id");--> statement-breakpoint
CREATE INDEX "aspect_judges_judge_idx" ON "aspect_judges" USING btree ("competition_id","judge_id");--> statement-breakpoint
CREATE INDEX "judge_conflicts_judge_idx" ON "judge_conflicts" USING btree ("judge_id");--> statement-breakpoint
CREATE INDEX "amendments_competition_idx" ON "amendments" USING btree ("competition_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mark_events_seq_uq" ON "mark_events" USING btree ("competition_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "marks_uq" ON "marks" USING btree ("entry_id","aspect_id","judge_id");--> statement-breakpoint
CREATE INDEX "marks_competition_idx" ON "marks" USING btree ("competition_id","aspect_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_keys_uq" ON "paper_keys" USING btree ("entry_id","aspect_id","judge_id","slot");--> statement-breakpoint
CREATE INDEX "paper_keys_competition_idx" ON "paper_keys" USING btree ("competition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "part_scores_uq" ON "part_scores" USING btree ("entry_id","part");--> statement-breakpoint
CREATE INDEX "part_scores_competition_idx" ON "part_scores" USING btree ("competition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signoffs_uq" ON "signoffs" USING btree ("competition_id","criterion_code");--> statement-breakpoint
CREATE UNIQUE INDEX "spread_confirmations_uq" ON "spread_confirmations" USING btree ("entry_id","aspect_id");