CREATE TABLE "chain_heads" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"contract_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"slot_start" timestamp with time zone,
	"body" text NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "receipts_contract_id_seq_pk" PRIMARY KEY("contract_id","seq"),
	CONSTRAINT "receipts_seq_check" CHECK ("receipts"."seq" > 0)
);
--> statement-breakpoint
ALTER TABLE "chain_heads" ADD CONSTRAINT "chain_heads_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "receipts_slot_idx" ON "receipts" USING btree ("contract_id","slot_start");--> statement-breakpoint
-- Receipts are append-only: a chain link is never rewritten or removed.
CREATE FUNCTION "receipts_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'receipts are append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "receipts_no_update_or_delete" BEFORE UPDATE OR DELETE ON "receipts"
  FOR EACH ROW EXECUTE FUNCTION "receipts_append_only"();
--> statement-breakpoint
CREATE TRIGGER "receipts_no_truncate" BEFORE TRUNCATE ON "receipts"
  FOR EACH STATEMENT EXECUTE FUNCTION "receipts_append_only"();
