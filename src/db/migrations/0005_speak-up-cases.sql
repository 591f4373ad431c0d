CREATE TYPE "public"."speak_up_author" AS ENUM('reporter', 'guardian', 'investigator');--> statement-breakpoint
CREATE TYPE "public"."speak_up_origin" AS ENUM('raised', 'imported');--> statement-breakpoint
CREATE TYPE "public"."speak_up_raised_as" AS ENUM('anonymous', 'confidential', 'open');--> statement-breakpoint
CREATE TYPE "public"."speak_up_status" AS ENUM('new', 'acknowledged', 'referred', 'closed');--> statement-breakpoint
CREATE TYPE "public"."speak_up_urgency" AS ENUM('routine', 'urgent');--> statement-breakpoint
CREATE TABLE "speak_up_attachment" (
	"id" serial PRIMARY KEY NOT NULL,
	"message_id" integer NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content_sealed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speak_up_case" (
	"id" serial PRIMARY KEY NOT NULL,
	"origin" "speak_up_origin" NOT NULL,
	"reference" text NOT NULL,
	"raised_as" "speak_up_raised_as" NOT NULL,
	"received_on" date NOT NULL,
	"unit_id" integer,
	"categories" jsonb NOT NULL,
	"detriment_indicated" boolean NOT NULL,
	"worker_group" text,
	"urgency" "speak_up_urgency" DEFAULT 'routine' NOT NULL,
	"status" "speak_up_status" NOT NULL,
	"acknowledged_on" date,
	"first_feedback_on" date,
	"closed_on" date,
	"investigator_account_id" integer,
	"would_speak_up_again" text,
	"detriment_after_closure" text,
	"outcome_sealed" text,
	"lessons_sealed" text,
	"reporter_name_sealed" text,
	"reporter_contact_sealed" text,
	"notify_address_sealed" text,
	"receipt_lookup" text,
	"passphrase_hash" text,
	"reply_waiting" boolean DEFAULT false NOT NULL,
	"redacted_on" date,
	"import_id" integer
);
--> statement-breakpoint
CREATE TABLE "speak_up_message" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"author" "speak_up_author" NOT NULL,
	"author_account_id" integer,
	"internal" boolean DEFAULT false NOT NULL,
	"sent_on" date NOT NULL,
	"body_sealed" text NOT NULL
);
--> statement-breakpoint
-- Imported Guardian logs become imported cases: nothing already stored is lost.
INSERT INTO "speak_up_case" ("origin", "reference", "raised_as", "received_on", "unit_id", "categories", "detriment_indicated", "worker_group", "status", "acknowledged_on", "closed_on", "would_speak_up_again", "import_id")
SELECT 'imported', "reference",
	(CASE "raised" WHEN 'Anonymously' THEN 'anonymous' WHEN 'Confidentially' THEN 'confidential' ELSE 'open' END)::"speak_up_raised_as",
	"received_on", "unit_id", "categories", "detriment_indicated", "worker_group",
	(CASE WHEN "closed_on" IS NOT NULL THEN 'closed' WHEN "acknowledged_on" IS NOT NULL THEN 'acknowledged' ELSE 'new' END)::"speak_up_status",
	"acknowledged_on", "closed_on",
	CASE lower(translate("would_speak_up_again", '''’', '')) WHEN 'yes' THEN 'yes' WHEN 'no' THEN 'no' WHEN 'maybe' THEN 'maybe' WHEN 'dont know' THEN 'dont_know' ELSE NULL END,
	"import_id"
FROM "speak_up_concern_record";--> statement-breakpoint
DROP TABLE "speak_up_concern_record" CASCADE;--> statement-breakpoint
ALTER TABLE "speak_up_attachment" ADD CONSTRAINT "speak_up_attachment_message_id_speak_up_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."speak_up_message"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_case" ADD CONSTRAINT "speak_up_case_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_case" ADD CONSTRAINT "speak_up_case_investigator_account_id_account_id_fk" FOREIGN KEY ("investigator_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_case" ADD CONSTRAINT "speak_up_case_import_id_import_batch_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_message" ADD CONSTRAINT "speak_up_message_case_id_speak_up_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."speak_up_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speak_up_message" ADD CONSTRAINT "speak_up_message_author_account_id_account_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speak_up_attachment_message_idx" ON "speak_up_attachment" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "speak_up_case_reference_idx" ON "speak_up_case" USING btree ("origin","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "speak_up_case_receipt_idx" ON "speak_up_case" USING btree ("receipt_lookup");--> statement-breakpoint
CREATE INDEX "speak_up_case_status_idx" ON "speak_up_case" USING btree ("status");--> statement-breakpoint
CREATE INDEX "speak_up_case_investigator_idx" ON "speak_up_case" USING btree ("investigator_account_id");--> statement-breakpoint
CREATE INDEX "speak_up_case_received_idx" ON "speak_up_case" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "speak_up_message_case_idx" ON "speak_up_message" USING btree ("case_id","id");