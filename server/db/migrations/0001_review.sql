CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"contract_id" uuid,
	"week_start" timestamp with time zone,
	"dispute_id" uuid,
	"subject" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "contract_terms" (
	"contract_id" uuid NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"hourly_rate" integer NOT NULL,
	"weekly_limit_hours" integer,
	"manual_time_allowed" boolean NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_terms_contract_id_effective_from_pk" PRIMARY KEY("contract_id","effective_from"),
	CONSTRAINT "contract_terms_rate_check" CHECK ("contract_terms"."hourly_rate" >= 0),
	CONSTRAINT "contract_terms_limit_check" CHECK ("contract_terms"."weekly_limit_hours" is null or "contract_terms"."weekly_limit_hours" between 0 and 168),
	CONSTRAINT "contract_terms_monday_check" CHECK (extract(isodow from "contract_terms"."effective_from" at time zone 'UTC') = 1)
);
--> statement-breakpoint
CREATE TABLE "dispute_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_slots" (
	"contract_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"dispute_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reply" text,
	"answered_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	CONSTRAINT "dispute_slots_contract_id_slot_start_pk" PRIMARY KEY("contract_id","slot_start"),
	CONSTRAINT "dispute_slots_status_check" CHECK ("dispute_slots"."status" in ('open', 'accepted', 'contested', 'resolved_client', 'resolved_contractor', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answer_due" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" in ('open', 'escalated', 'settled', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "week_approvals" (
	"contract_id" uuid NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"hourly_rate" integer NOT NULL,
	"weekly_limit_hours" integer,
	"manual_time_allowed" boolean NOT NULL,
	"currency" text NOT NULL,
	"minutes" jsonb NOT NULL,
	"amounts" jsonb NOT NULL,
	CONSTRAINT "week_approvals_contract_id_week_start_pk" PRIMARY KEY("contract_id","week_start"),
	CONSTRAINT "week_approvals_kind_check" CHECK ("week_approvals"."kind" in ('manual', 'auto')),
	CONSTRAINT "week_approvals_by_check" CHECK (("week_approvals"."kind" = 'manual') = ("week_approvals"."approved_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_comments" ADD CONSTRAINT "dispute_comments_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_comments" ADD CONSTRAINT "dispute_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_slots" ADD CONSTRAINT "dispute_slots_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_slots" ADD CONSTRAINT "dispute_slots_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_slots" ADD CONSTRAINT "dispute_slots_slot_fk" FOREIGN KEY ("contract_id","slot_start") REFERENCES "public"."slots"("contract_id","start") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_approvals" ADD CONSTRAINT "week_approvals_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_approvals" ADD CONSTRAINT "week_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_dispute_idx" ON "audit_log" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "audit_log_contract_week_idx" ON "audit_log" USING btree ("contract_id","week_start");--> statement-breakpoint
CREATE INDEX "dispute_comments_dispute_idx" ON "dispute_comments" USING btree ("dispute_id","created_at");--> statement-breakpoint
CREATE INDEX "dispute_slots_dispute_idx" ON "dispute_slots" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "disputes_contract_week_idx" ON "disputes" USING btree ("contract_id","week_start");--> statement-breakpoint
CREATE INDEX "disputes_status_due_idx" ON "disputes" USING btree ("status","answer_due");--> statement-breakpoint
-- The audit trail is append-only: nothing in it is ever updated or deleted.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
