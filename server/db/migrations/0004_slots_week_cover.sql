-- The week read (server/data/slots.ts, findWeekSlots) answered from one index: a week's
-- live slots are neighbours here, so the read touches a few index pages instead of one
-- heap page per slot (a week's slots arrive among every other contractor's). Drizzle's
-- schema has no INCLUDE, so this index is written by hand and named in schema.ts.
CREATE INDEX "slots_week_idx" ON "slots" USING btree ("contract_id","start")
  INCLUDE ("kind","active_minutes","memo","window_title","screenshot_sha256","duplicate")
  WHERE "deleted_at" IS NULL;
