CREATE TABLE "completion_times" (
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"seconds" integer NOT NULL,
	"version" integer NOT NULL,
	"recorded_by" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "completion_times_entry_id_pk" PRIMARY KEY("entry_id")
);
--> statement-breakpoint
CREATE TABLE "entry_scores" (
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"practical" numeric(6, 2),
	"theory" numeric(6, 2),
	"oral" numeric(6, 2),
	"seconds" integer,
	CONSTRAINT "entry_scores_entry_id_pk" PRIMARY KEY("entry_id")
);
--> statement-breakpoint
CREATE TABLE "score_computations" (
	"competition_id" integer PRIMARY KEY NOT NULL,
	"chain_seq" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"lodged_by" integer NOT NULL,
	"lodger_kind" text NOT NULL,
	"content" text NOT NULL,
	"lodged_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'lodged' NOT NULL,
	"decision" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"amendment_id" integer
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"name" text NOT NULL,
	"contact_enc" text NOT NULL,
	"contact_masked" text NOT NULL,
	"content" text NOT NULL,
	"lodged_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"handled_by" integer,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"round" smallint NOT NULL,
	"title" text NOT NULL,
	"intro" text NOT NULL,
	"columns" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"status" text NOT NULL,
	"working_days" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"published_by" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"competition_id" integer NOT NULL,
	"kind" text NOT NULL,
	"entry_id" integer,
	"person_id" integer,
	"unit_id" integer,
	"rank" integer,
	"level" smallint,
	"title" text NOT NULL,
	"qualification_record_id" integer,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"serial" text NOT NULL,
	"outcome_id" integer NOT NULL,
	"competition_id" integer NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_masked" text,
	"unit_name" text NOT NULL,
	"trade_name" text NOT NULL,
	"competition_name" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	"revoke_reason" text,
	"issued_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mark_events" ALTER COLUMN "value" SET DATA TYPE numeric(10, 2);--> statement-breakpoint
ALTER TABLE "mark_events" ALTER COLUMN "previous_value" SET DATA TYPE numeric(10, 2);--> statement-breakpoint
ALTER TABLE "competitions" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "completion_times" ADD CONSTRAINT "completion_times_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_times" ADD CONSTRAINT "completion_times_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_times" ADD CONSTRAINT "completion_times_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_scores" ADD CONSTRAINT "entry_scores_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_scores" ADD CONSTRAINT "entry_scores_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_computations" ADD CONSTRAINT "score_computations_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_lodged_by_accounts_id_fk" FOREIGN KEY ("lodged_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_amendment_id_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_handled_by_accounts_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_qualification_record_id_qualification_records_id_fk" FOREIGN KEY ("qualification_record_id") REFERENCES "public"."qualification_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_accounts_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "completion_times_competition_idx" ON "completion_times" USING btree ("competition_id");--> statement-breakpoint
CREATE INDEX "entry_scores_competition_idx" ON "entry_scores" USING btree ("competition_id");--> statement-breakpoint
CREATE INDEX "appeals_competition_idx" ON "appeals" USING btree ("competition_id","status");--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_round_uq" ON "notices" USING btree ("kind","subject_id","round");--> statement-breakpoint
CREATE INDEX "notices_status_idx" ON "notices" USING btree ("status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_uq" ON "outcomes" USING btree ("competition_id","kind","entry_id","unit_id");--> statement-breakpoint
CREATE INDEX "outcomes_person_idx" ON "outcomes" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_serial_uq" ON "certificates" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_outcome_uq" ON "certificates" USING btree ("outcome_id");--> statement-breakpoint
CREATE INDEX "certificates_competition_idx" ON "certificates" USING btree ("competition_id");