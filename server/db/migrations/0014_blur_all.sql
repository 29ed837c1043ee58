CREATE TABLE "encrypted_originals" (
	"contract_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"blob_sha256" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "encrypted_originals_contract_id_sha256_pk" PRIMARY KEY("contract_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "screenshots" ADD COLUMN "sheet_sha256" text;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "original_sha256" text;--> statement-breakpoint
ALTER TABLE "encrypted_originals" ADD CONSTRAINT "encrypted_originals_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenshots" DROP COLUMN "encrypted_sha256";