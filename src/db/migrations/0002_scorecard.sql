CREATE TYPE "public"."employee_relations_case_type" AS ENUM('Disciplinary', 'Grievance', 'Bullying and harassment', 'Capability');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('applied', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TYPE "public"."metric_polarity" AS ENUM('increase', 'decrease', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."signal_kind" AS ENUM('concern', 'improvement');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('new', 'acknowledged', 'closed');--> statement-breakpoint
CREATE TYPE "public"."spot_kind" AS ENUM('dark', 'bright', 'watch');--> statement-breakpoint
CREATE TABLE "appraisal" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"appraisal_date" date NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"unit_id" integer NOT NULL,
	"subject" text NOT NULL,
	"outcome" text,
	"import_id" integer NOT NULL,
	CONSTRAINT "complaint_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "compliment" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"unit_id" integer NOT NULL,
	"theme" text NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "compliment_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "employee_relations_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"case_type" "employee_relations_case_type" NOT NULL,
	"staff_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"outcome" text,
	"import_id" integer NOT NULL,
	CONSTRAINT "employee_relations_case_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "establishment" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"unit_id" integer NOT NULL,
	"budgeted_fte" numeric(9, 2) NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" "import_status" NOT NULL,
	"rows" integer NOT NULL,
	"summary" jsonb,
	"errors" jsonb,
	"error_count" integer DEFAULT 0 NOT NULL,
	"account_id" integer,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_header_mapping" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"header" text NOT NULL,
	"column" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaver" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"job_title" text NOT NULL,
	"staff_group" text NOT NULL,
	"band" text NOT NULL,
	"fte" numeric(4, 2) NOT NULL,
	"termination_date" date NOT NULL,
	"reason" text NOT NULL,
	"length_of_service_years" numeric(5, 2) NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operational_figure" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"unit_id" integer NOT NULL,
	"measure" text NOT NULL,
	"value" numeric(14, 3) NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sickness_episode" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"calendar_days_lost" numeric(7, 2) NOT NULL,
	"fte_days_lost" numeric(7, 2) NOT NULL,
	"reason" text NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speak_up_concern_record" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"unit_id" integer NOT NULL,
	"raised" text NOT NULL,
	"categories" jsonb NOT NULL,
	"detriment_indicated" boolean NOT NULL,
	"worker_group" text,
	"acknowledged_on" date,
	"closed_on" date,
	"would_speak_up_again" text,
	"import_id" integer NOT NULL,
	CONSTRAINT "speak_up_concern_record_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "starter" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_number" text NOT NULL,
	"unit_id" integer NOT NULL,
	"job_title" text NOT NULL,
	"staff_group" text NOT NULL,
	"band" text NOT NULL,
	"fte" numeric(4, 2) NOT NULL,
	"start_date" date NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_year" integer NOT NULL,
	"respondent_id" text NOT NULL,
	"unit_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_team_result" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"measure" text NOT NULL,
	"respondents" integer NOT NULL,
	"score" numeric(8, 4) NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_compliance" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"unit_id" integer NOT NULL,
	"competence" text NOT NULL,
	"required" integer NOT NULL,
	"compliant" integer NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"polarity" "metric_polarity" NOT NULL,
	"format" text NOT NULL,
	"numerator_label" text NOT NULL,
	"denominator_label" text NOT NULL,
	"suppression_rule" text NOT NULL,
	"minimum_group_size" integer,
	"target" double precision,
	"provisional" integer DEFAULT 0 NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "recompute_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" integer,
	"scope" text NOT NULL,
	"series_written" integer NOT NULL,
	"signals_created" integer NOT NULL,
	"milliseconds" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_action" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"signal_id" integer,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"review_on" date NOT NULL,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"outcome" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scorecard_series" (
	"unit_id" integer NOT NULL,
	"metric_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"latest_period" text,
	"latest_value" double precision,
	"variation" text,
	"assurance" text,
	"funnel_position" text,
	"hash" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scorecard_series_unit_id_metric_key_pk" PRIMARY KEY("unit_id","metric_key")
);
--> statement-breakpoint
CREATE TABLE "signal" (
	"id" serial PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"unit_id" integer NOT NULL,
	"metric_key" text NOT NULL,
	"source" text NOT NULL,
	"kind" "signal_kind" NOT NULL,
	"rule" text NOT NULL,
	"since_period" text NOT NULL,
	"last_period" text NOT NULL,
	"strength" double precision NOT NULL,
	"evidence" text NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"status" "signal_status" DEFAULT 'new' NOT NULL,
	"import_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "spot" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" "spot_kind" NOT NULL,
	"rank" integer NOT NULL,
	"sources" integer NOT NULL,
	"strength" double precision NOT NULL,
	"headcount" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_message" (
	"id" serial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"context" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assignment" ADD COLUMN "assignment_number" text;--> statement-breakpoint
ALTER TABLE "appraisal" ADD CONSTRAINT "appraisal_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal" ADD CONSTRAINT "appraisal_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliment" ADD CONSTRAINT "compliment_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliment" ADD CONSTRAINT "compliment_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_relations_case" ADD CONSTRAINT "employee_relations_case_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_relations_case" ADD CONSTRAINT "employee_relations_case_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment" ADD CONSTRAINT "establishment_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment" ADD CONSTRAINT "establishment_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver" ADD CONSTRAINT "leaver_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaver" ADD CONSTRAINT "leaver_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_figure" ADD CONSTRAINT "operational_figure_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_figure" ADD CONSTRAINT "operational_figure_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_episode" ADD CONSTRAINT "sickness_episode_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sickness_episode" ADD CONSTRAINT "sickness_episode_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_concern_record" ADD CONSTRAINT "speak_up_concern_record_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_concern_record" ADD CONSTRAINT "speak_up_concern_record_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starter" ADD CONSTRAINT "starter_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starter" ADD CONSTRAINT "starter_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_team_result" ADD CONSTRAINT "survey_team_result_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_team_result" ADD CONSTRAINT "survey_team_result_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_compliance" ADD CONSTRAINT "training_compliance_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_compliance" ADD CONSTRAINT "training_compliance_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric" ADD CONSTRAINT "metric_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recompute_run" ADD CONSTRAINT "recompute_run_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_action" ADD CONSTRAINT "scorecard_action_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_action" ADD CONSTRAINT "scorecard_action_signal_id_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_action" ADD CONSTRAINT "scorecard_action_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_series" ADD CONSTRAINT "scorecard_series_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_series" ADD CONSTRAINT "scorecard_series_metric_key_metric_key_fk" FOREIGN KEY ("metric_key") REFERENCES "public"."metric"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_metric_key_metric_key_fk" FOREIGN KEY ("metric_key") REFERENCES "public"."metric"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_acknowledged_by_account_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal" ADD CONSTRAINT "signal_closed_by_account_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot" ADD CONSTRAINT "spot_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_key_idx" ON "appraisal" USING btree ("staff_number","appraisal_date");--> statement-breakpoint
CREATE INDEX "appraisal_unit_idx" ON "appraisal" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "complaint_unit_idx" ON "complaint" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "compliment_unit_idx" ON "compliment" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employee_relations_case_unit_idx" ON "employee_relations_case" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "establishment_key_idx" ON "establishment" USING btree ("month","unit_id");--> statement-breakpoint
CREATE INDEX "import_batch_kind_idx" ON "import_batch" USING btree ("kind","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "import_header_mapping_key_idx" ON "import_header_mapping" USING btree ("kind","header");--> statement-breakpoint
CREATE UNIQUE INDEX "leaver_key_idx" ON "leaver" USING btree ("staff_number","termination_date");--> statement-breakpoint
CREATE INDEX "leaver_unit_idx" ON "leaver" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operational_figure_key_idx" ON "operational_figure" USING btree ("month","unit_id","measure");--> statement-breakpoint
CREATE UNIQUE INDEX "sickness_episode_key_idx" ON "sickness_episode" USING btree ("staff_number","start_date");--> statement-breakpoint
CREATE INDEX "sickness_episode_unit_idx" ON "sickness_episode" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "speak_up_concern_record_unit_idx" ON "speak_up_concern_record" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "starter_key_idx" ON "starter" USING btree ("staff_number","start_date");--> statement-breakpoint
CREATE INDEX "starter_unit_idx" ON "starter" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_key_idx" ON "survey_response" USING btree ("survey_year","respondent_id");--> statement-breakpoint
CREATE INDEX "survey_response_unit_idx" ON "survey_response" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_team_result_key_idx" ON "survey_team_result" USING btree ("survey_year","unit_id","measure");--> statement-breakpoint
CREATE UNIQUE INDEX "training_compliance_key_idx" ON "training_compliance" USING btree ("month","unit_id","competence");--> statement-breakpoint
CREATE INDEX "scorecard_action_unit_idx" ON "scorecard_action" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "scorecard_action_signal_idx" ON "scorecard_action" USING btree ("signal_id");--> statement-breakpoint
CREATE INDEX "scorecard_series_metric_idx" ON "scorecard_series" USING btree ("metric_key");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_fingerprint_idx" ON "signal" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "signal_unit_idx" ON "signal" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "spot_kind_idx" ON "spot" USING btree ("kind","rank");--> statement-breakpoint
CREATE INDEX "spot_unit_idx" ON "spot" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "outbox_message_created_idx" ON "outbox_message" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_token_hash_idx" ON "api_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_token_account_idx" ON "api_token" USING btree ("account_id");--> statement-breakpoint
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_assignment_number_unique" UNIQUE("assignment_number");