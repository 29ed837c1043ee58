CREATE TABLE "week_seals" (
	"contract_id" uuid NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"root" text NOT NULL,
	"statement" text NOT NULL,
	"signature" text NOT NULL,
	"public_key" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	"totals" jsonb NOT NULL,
	CONSTRAINT "week_seals_contract_id_week_start_pk" PRIMARY KEY("contract_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "tracker_tokens" ADD COLUMN "public_key" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "redacted_billable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "redactions_per_week" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "blur_all" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screenshots" ADD COLUMN "encrypted_sha256" text;--> statement-breakpoint
ALTER TABLE "screenshots" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "device_signature" text;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "week_seals" ADD CONSTRAINT "week_seals_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;