CREATE TABLE "clock_origin" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"real_at" timestamp with time zone NOT NULL
);
