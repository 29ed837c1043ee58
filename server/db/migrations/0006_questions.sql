CREATE TABLE "slot_question_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "slot_question_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slot_question_messages_body_check" CHECK (char_length("slot_question_messages"."body") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "slot_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "slot_questions_status_check" CHECK ("slot_questions"."status" in ('open', 'answered', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "slot_question_messages" ADD CONSTRAINT "slot_question_messages_question_id_slot_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."slot_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_question_messages" ADD CONSTRAINT "slot_question_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_questions" ADD CONSTRAINT "slot_questions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_questions" ADD CONSTRAINT "slot_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_questions" ADD CONSTRAINT "slot_questions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_questions" ADD CONSTRAINT "slot_questions_slot_fk" FOREIGN KEY ("contract_id","slot_start") REFERENCES "public"."slots"("contract_id","start") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slot_question_messages_question_idx" ON "slot_question_messages" USING btree ("question_id","id");--> statement-breakpoint
CREATE INDEX "slot_questions_slot_idx" ON "slot_questions" USING btree ("contract_id","slot_start");--> statement-breakpoint
CREATE INDEX "slot_questions_contract_status_idx" ON "slot_questions" USING btree ("contract_id","status","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "slot_questions_one_unclosed_idx" ON "slot_questions" USING btree ("contract_id","slot_start") WHERE "slot_questions"."status" <> 'closed';