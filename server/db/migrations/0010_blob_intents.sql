CREATE TABLE "blob_intents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blob_intents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"namespace" text NOT NULL,
	"keys" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blob_intents_namespace_idx" ON "blob_intents" USING btree ("namespace","created_at");--> statement-breakpoint
CREATE INDEX "blob_intents_created_idx" ON "blob_intents" USING btree ("created_at");