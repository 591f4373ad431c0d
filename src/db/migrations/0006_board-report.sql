CREATE TYPE "public"."board_report_status" AS ENUM('draft', 'ready', 'published');--> statement-breakpoint
CREATE TABLE "board_commentary" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"metric_key" text NOT NULL,
	"chart_tells_us" text NOT NULL,
	"actions" text NOT NULL,
	"expect_change" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "board_metric" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"metric_key" text NOT NULL,
	"position" integer NOT NULL,
	"owner" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_report" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"status" "board_report_status" DEFAULT 'draft' NOT NULL,
	"snapshot" json,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "strategic_objective" (
	"id" serial PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"commitment" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategic_priority" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"vision" text NOT NULL,
	"period" text NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "strategy_value" (
	"id" serial PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "success_measure" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"metric_key" text,
	"baseline_value" double precision,
	"baseline_period" text,
	"target_value" double precision,
	"target_period" text
);
--> statement-breakpoint
ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_report_id_board_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."board_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_metric_key_metric_key_fk" FOREIGN KEY ("metric_key") REFERENCES "public"."metric"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_commentary" ADD CONSTRAINT "board_commentary_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_metric" ADD CONSTRAINT "board_metric_objective_id_strategic_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategic_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_metric" ADD CONSTRAINT "board_metric_metric_key_metric_key_fk" FOREIGN KEY ("metric_key") REFERENCES "public"."metric"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report" ADD CONSTRAINT "board_report_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report" ADD CONSTRAINT "board_report_published_by_account_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategic_priority" ADD CONSTRAINT "strategic_priority_objective_id_strategic_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategic_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy" ADD CONSTRAINT "strategy_updated_by_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_measure" ADD CONSTRAINT "success_measure_objective_id_strategic_objective_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."strategic_objective"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_measure" ADD CONSTRAINT "success_measure_metric_key_metric_key_fk" FOREIGN KEY ("metric_key") REFERENCES "public"."metric"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_commentary_metric_idx" ON "board_commentary" USING btree ("report_id","metric_key");--> statement-breakpoint
CREATE UNIQUE INDEX "board_metric_key_idx" ON "board_metric" USING btree ("metric_key");--> statement-breakpoint
CREATE UNIQUE INDEX "board_report_month_idx" ON "board_report" USING btree ("month");--> statement-breakpoint
CREATE INDEX "strategic_priority_objective_idx" ON "strategic_priority" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "success_measure_objective_idx" ON "success_measure" USING btree ("objective_id");