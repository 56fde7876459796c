CREATE TABLE "training_class_teachers" (
	"class_id" integer NOT NULL,
	"account_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"name" text NOT NULL,
	"target_group" text NOT NULL,
	"curriculum" text NOT NULL,
	"syllabus" text DEFAULT '' NOT NULL,
	"trade_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"college_unit_id" integer,
	"venue" text DEFAULT '' NOT NULL,
	"organizers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_start_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"actual_start_on" date,
	"actual_end_on" date,
	"graduation_on" date,
	"planned_size" integer NOT NULL,
	"quota" integer NOT NULL,
	"unit_quota" integer,
	"completion_rule" jsonb NOT NULL,
	"training_fee_yuan" numeric(10, 2) DEFAULT 0 NOT NULL,
	"appraisal_fee_yuan" numeric(10, 2) DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"planned_trainees" integer,
	"planned_classes" integer,
	"training_fee_yuan" numeric(10, 2) DEFAULT 0 NOT NULL,
	"appraisal_fee_yuan" numeric(10, 2) DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"day" date NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"topic" text NOT NULL,
	"teacher_name" text DEFAULT '' NOT NULL,
	"teacher_account_id" integer,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"checkin_opened_at" timestamp with time zone,
	"checkin_closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_enrolments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"unit_id" integer,
	"nominated_by" integer,
	"confirmed_level" smallint,
	"exam_number" text,
	"reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" integer NOT NULL,
	"enrolment_id" integer NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_checkins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" integer NOT NULL,
	"account_id" integer,
	"enrolment_id" integer,
	"step" bigint,
	"device_hash" text,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_business_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_business_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrolment_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"file_id" integer,
	"submitted_at" timestamp with time zone NOT NULL,
	"score" numeric(6, 2),
	"commended" boolean DEFAULT false NOT NULL,
	"commended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"enrolment_id" integer PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL,
	"completed" boolean NOT NULL,
	"sessions_held" integer NOT NULL,
	"sessions_attended" integer NOT NULL,
	"attendance_pct" numeric(5, 2) NOT NULL,
	"plan_submitted" boolean NOT NULL,
	"appraisal_passed" boolean,
	"reason" text,
	"rule" jsonb NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_mark_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_mark_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"panel_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"plan_id" integer,
	"reviewer_id" integer,
	"criterion_code" text,
	"value" numeric(10, 2),
	"previous_value" numeric(10, 2),
	"version" integer,
	"reason" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_assignments" (
	"panel_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_marks" (
	"plan_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"value" numeric(6, 2) NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_panel_members" (
	"panel_id" integer NOT NULL,
	"account_id" integer NOT NULL,
	"chair" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_plan_panels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_plan_panels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"name" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"commend_count" integer,
	"commend_min_score" numeric(6, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_appraisals" (
	"enrolment_id" integer PRIMARY KEY NOT NULL,
	"class_id" integer NOT NULL,
	"exam_number" text NOT NULL,
	"theory" numeric(5, 2),
	"practical" numeric(5, 2),
	"absent" boolean DEFAULT false NOT NULL,
	"passed" boolean NOT NULL,
	"appraised_on" date NOT NULL,
	"qualification_record_id" integer,
	"imported_by" integer,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_subsidy_claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_subsidy_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"class_id" integer NOT NULL,
	"college_unit_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"training_fee_yuan" numeric(10, 2) NOT NULL,
	"appraisal_fee_yuan" numeric(10, 2) NOT NULL,
	"trainees" integer NOT NULL,
	"eligible" integer NOT NULL,
	"total_yuan" numeric(12, 2) NOT NULL,
	"lines_hash" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_subsidy_lines" (
	"claim_id" integer NOT NULL,
	"enrolment_id" integer NOT NULL,
	"sessions_held" integer NOT NULL,
	"sessions_attended" integer NOT NULL,
	"attendance_pct" numeric(5, 2) NOT NULL,
	"appraised" boolean NOT NULL,
	"eligible" boolean NOT NULL,
	"reason" text,
	"training_fee_yuan" numeric(10, 2) NOT NULL,
	"appraisal_fee_yuan" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_class_teachers" ADD CONSTRAINT "training_class_teachers_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class_teachers" ADD CONSTRAINT "training_class_teachers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_teacher_account_id_accounts_id_fk" FOREIGN KEY ("teacher_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_nominated_by_accounts_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_checkins" ADD CONSTRAINT "training_checkins_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_checkins" ADD CONSTRAINT "training_checkins_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_business_plans" ADD CONSTRAINT "training_business_plans_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_business_plans" ADD CONSTRAINT "training_business_plans_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_business_plans" ADD CONSTRAINT "training_business_plans_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_mark_events" ADD CONSTRAINT "training_mark_events_panel_id_training_plan_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."training_plan_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_mark_events" ADD CONSTRAINT "training_mark_events_actor_id_accounts_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_assignments" ADD CONSTRAINT "training_plan_assignments_panel_id_training_plan_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."training_plan_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_assignments" ADD CONSTRAINT "training_plan_assignments_plan_id_training_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_business_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_assignments" ADD CONSTRAINT "training_plan_assignments_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_marks" ADD CONSTRAINT "training_plan_marks_plan_id_training_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_business_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_marks" ADD CONSTRAINT "training_plan_marks_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_panel_members" ADD CONSTRAINT "training_plan_panel_members_panel_id_training_plan_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."training_plan_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_panel_members" ADD CONSTRAINT "training_plan_panel_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plan_panels" ADD CONSTRAINT "training_plan_panels_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_appraisals" ADD CONSTRAINT "training_appraisals_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_appraisals" ADD CONSTRAINT "training_appraisals_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_appraisals" ADD CONSTRAINT "training_appraisals_qualification_record_id_qualification_records_id_fk" FOREIGN KEY ("qualification_record_id") REFERENCES "public"."qualification_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_appraisals" ADD CONSTRAINT "training_appraisals_imported_by_accounts_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_lines" ADD CONSTRAINT "training_subsidy_lines_claim_id_training_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."training_subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_lines" ADD CONSTRAINT "training_subsidy_lines_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_class_teachers_uq" ON "training_class_teachers" USING btree ("class_id","account_id");--> statement-breakpoint
CREATE INDEX "training_class_teachers_account_idx" ON "training_class_teachers" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "training_classes_programme_idx" ON "training_classes" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "training_classes_college_idx" ON "training_classes" USING btree ("college_unit_id");--> statement-breakpoint
CREATE INDEX "training_programmes_campaign_idx" ON "training_programmes" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "training_sessions_class_idx" ON "training_sessions" USING btree ("class_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_uq" ON "training_enrolments" USING btree ("class_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_exam_number_uq" ON "training_enrolments" USING btree ("class_id","exam_number");--> statement-breakpoint
CREATE INDEX "training_enrolments_person_idx" ON "training_enrolments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_unit_idx" ON "training_enrolments" USING btree ("unit_id","class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("session_id","enrolment_id");--> statement-breakpoint
CREATE INDEX "training_attendance_enrolment_idx" ON "training_attendance" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "training_checkins_session_idx" ON "training_checkins" USING btree ("session_id","device_hash");--> statement-breakpoint
CREATE INDEX "training_checkins_account_idx" ON "training_checkins" USING btree ("account_id","session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_business_plans_enrolment_uq" ON "training_business_plans" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "training_business_plans_class_idx" ON "training_business_plans" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "training_completions_class_idx" ON "training_completions" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_mark_events_seq_uq" ON "training_mark_events" USING btree ("panel_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_assignments_uq" ON "training_plan_assignments" USING btree ("plan_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "training_plan_assignments_reviewer_idx" ON "training_plan_assignments" USING btree ("reviewer_id","panel_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_marks_uq" ON "training_plan_marks" USING btree ("plan_id","reviewer_id","criterion_code");--> statement-breakpoint
CREATE INDEX "training_plan_marks_reviewer_idx" ON "training_plan_marks" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_panel_members_uq" ON "training_plan_panel_members" USING btree ("panel_id","account_id");--> statement-breakpoint
CREATE INDEX "training_plan_panel_members_account_idx" ON "training_plan_panel_members" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plan_panels_name_uq" ON "training_plan_panels" USING btree ("programme_id","name");--> statement-breakpoint
CREATE INDEX "training_appraisals_class_idx" ON "training_appraisals" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_subsidy_claims_class_uq" ON "training_subsidy_claims" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_subsidy_lines_uq" ON "training_subsidy_lines" USING btree ("claim_id","enrolment_id");