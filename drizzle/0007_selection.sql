CREATE TABLE "qualification_eligibilities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "qualification_eligibilities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" integer NOT NULL,
	"level" smallint NOT NULL,
	"early" boolean NOT NULL,
	"trade_id" integer,
	"granted_on" date NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stored_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"body" "bytea" NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"name" text NOT NULL,
	"rules" jsonb NOT NULL,
	"stage" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_stage_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_stage_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"event" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer
);
--> statement-breakpoint
CREATE TABLE "selection_candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"consent_kind" text,
	"consent_file_id" integer,
	"consent_at" timestamp with time zone,
	"equivalent_skill" text,
	"check" jsonb,
	"return_reason" text,
	"exam_number" text,
	"exam_room" text,
	"exam_seat" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"candidate_id" integer NOT NULL,
	"condition_key" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"candidate_id" integer NOT NULL,
	"claim_id" integer,
	"purpose" text NOT NULL,
	"file_id" integer NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_nominations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_nominations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"channel" text NOT NULL,
	"nominator_account_id" integer,
	"nominator_unit_id" integer,
	"nominator_name" text,
	"nominator_org" text,
	"nominator_contact_enc" text,
	"nominator_contact_masked" text,
	"statement" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_verifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_verifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"candidate_id" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"conditions_accepted" jsonb NOT NULL,
	"equivalent_skill_accepted" text,
	"verified_by" integer NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_scores" (
	"round_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"part" text NOT NULL,
	"value" numeric(6, 2),
	"absent" boolean DEFAULT false NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_assignments" (
	"round_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"panel_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_mark_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_mark_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"stage_key" text,
	"candidate_id" integer,
	"reviewer_id" integer,
	"criterion_code" text,
	"part" text,
	"value" numeric(10, 2),
	"previous_value" numeric(10, 2),
	"version" integer,
	"source" text,
	"reason" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_marks" (
	"round_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"candidate_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"value" numeric(6, 2) NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_panel_members" (
	"panel_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"chair" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_panels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_panels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_cuts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_cuts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"stage_key" text NOT NULL,
	"rules" jsonb NOT NULL,
	"ranking" jsonb NOT NULL,
	"selected" integer NOT NULL,
	"hash" text NOT NULL,
	"status" text DEFAULT 'frozen' NOT NULL,
	"supersedes" integer,
	"frozen_by" integer,
	"frozen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_approvals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"cut_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selection_awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "selection_awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"title" text NOT NULL,
	"amount" numeric(10, 2) NOT NULL,
	"promotion" text NOT NULL,
	"qualification_record_id" integer,
	"bank_name" text,
	"bank_account_enc" text,
	"bank_account_masked" text,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "outcome_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "competition_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "industry_id" integer;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "source_kind" text DEFAULT 'competition-outcome' NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "source_id" integer;--> statement-breakpoint
UPDATE "certificates" SET "source_id" = "outcome_id" WHERE "source_id" IS NULL;--> statement-breakpoint
ALTER TABLE "qualification_eligibilities" ADD CONSTRAINT "qualification_eligibilities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_eligibilities" ADD CONSTRAINT "qualification_eligibilities_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_rounds" ADD CONSTRAINT "selection_rounds_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_rounds" ADD CONSTRAINT "selection_rounds_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_stage_events" ADD CONSTRAINT "selection_stage_events_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_stage_events" ADD CONSTRAINT "selection_stage_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_candidates" ADD CONSTRAINT "selection_candidates_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_candidates" ADD CONSTRAINT "selection_candidates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_candidates" ADD CONSTRAINT "selection_candidates_consent_file_id_stored_files_id_fk" FOREIGN KEY ("consent_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_claims" ADD CONSTRAINT "selection_claims_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_evidence" ADD CONSTRAINT "selection_evidence_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_evidence" ADD CONSTRAINT "selection_evidence_claim_id_selection_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."selection_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_evidence" ADD CONSTRAINT "selection_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_evidence" ADD CONSTRAINT "selection_evidence_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_nominator_account_id_accounts_id_fk" FOREIGN KEY ("nominator_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_nominations" ADD CONSTRAINT "selection_nominations_nominator_unit_id_units_id_fk" FOREIGN KEY ("nominator_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_verifications" ADD CONSTRAINT "selection_verifications_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_verifications" ADD CONSTRAINT "selection_verifications_verified_by_accounts_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_scores" ADD CONSTRAINT "selection_scores_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignments" ADD CONSTRAINT "selection_assignments_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignments" ADD CONSTRAINT "selection_assignments_panel_id_selection_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."selection_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignments" ADD CONSTRAINT "selection_assignments_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_assignments" ADD CONSTRAINT "selection_assignments_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_mark_events" ADD CONSTRAINT "selection_mark_events_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_mark_events" ADD CONSTRAINT "selection_mark_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_marks" ADD CONSTRAINT "selection_marks_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_marks" ADD CONSTRAINT "selection_marks_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_marks" ADD CONSTRAINT "selection_marks_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_panel_members" ADD CONSTRAINT "selection_panel_members_panel_id_selection_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."selection_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_panel_members" ADD CONSTRAINT "selection_panel_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_panels" ADD CONSTRAINT "selection_panels_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_cuts" ADD CONSTRAINT "selection_cuts_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_cuts" ADD CONSTRAINT "selection_cuts_frozen_by_accounts_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_approvals" ADD CONSTRAINT "selection_approvals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_awards" ADD CONSTRAINT "selection_awards_round_id_selection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."selection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_awards" ADD CONSTRAINT "selection_awards_candidate_id_selection_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."selection_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_awards" ADD CONSTRAINT "selection_awards_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_awards" ADD CONSTRAINT "selection_awards_qualification_record_id_qualification_records_id_fk" FOREIGN KEY ("qualification_record_id") REFERENCES "public"."qualification_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qualification_eligibilities_person_idx" ON "qualification_eligibilities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "stored_files_sha_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "selection_rounds_campaign_idx" ON "selection_rounds" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "selection_stage_events_round_idx" ON "selection_stage_events" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_candidates_person_uq" ON "selection_candidates" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_candidates_exam_uq" ON "selection_candidates" USING btree ("round_id","exam_number");--> statement-breakpoint
CREATE INDEX "selection_candidates_status_idx" ON "selection_candidates" USING btree ("round_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_claims_uq" ON "selection_claims" USING btree ("candidate_id","condition_key");--> statement-breakpoint
CREATE INDEX "selection_evidence_candidate_idx" ON "selection_evidence" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "selection_nominations_candidate_idx" ON "selection_nominations" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "selection_nominations_round_idx" ON "selection_nominations" USING btree ("round_id","channel");--> statement-breakpoint
CREATE INDEX "selection_nominations_account_idx" ON "selection_nominations" USING btree ("nominator_account_id");--> statement-breakpoint
CREATE INDEX "selection_verifications_candidate_idx" ON "selection_verifications" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_scores_uq" ON "selection_scores" USING btree ("candidate_id","stage_key","part");--> statement-breakpoint
CREATE INDEX "selection_scores_round_idx" ON "selection_scores" USING btree ("round_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_assignments_uq" ON "selection_assignments" USING btree ("round_id","stage_key","candidate_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "selection_assignments_reviewer_idx" ON "selection_assignments" USING btree ("reviewer_id","round_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_mark_events_seq_uq" ON "selection_mark_events" USING btree ("round_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_marks_uq" ON "selection_marks" USING btree ("round_id","stage_key","candidate_id","reviewer_id","criterion_code");--> statement-breakpoint
CREATE INDEX "selection_marks_reviewer_idx" ON "selection_marks" USING btree ("reviewer_id","round_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_panel_members_uq" ON "selection_panel_members" USING btree ("panel_id","account_id");--> statement-breakpoint
CREATE INDEX "selection_panel_members_account_idx" ON "selection_panel_members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_panels_name_uq" ON "selection_panels" USING btree ("round_id","stage_key","name");--> statement-breakpoint
CREATE INDEX "selection_cuts_round_idx" ON "selection_cuts" USING btree ("round_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_cuts_hash_uq" ON "selection_cuts" USING btree ("hash","id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_approvals_uq" ON "selection_approvals" USING btree ("cut_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "selection_awards_uq" ON "selection_awards" USING btree ("round_id","candidate_id");--> statement-breakpoint
CREATE INDEX "selection_awards_person_idx" ON "selection_awards" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_industry_id_units_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_industry_idx" ON "units" USING btree ("industry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_source_uq" ON "certificates" USING btree ("source_kind","source_id");