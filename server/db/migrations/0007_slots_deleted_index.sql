-- The week read (server/data/slots.ts, findWeekSlots) also returns the week's deleted slots,
-- which the diary shows as deleted. slots_week_idx holds live slots only, and finding the
-- deleted ones through the primary key reads a heap page per slot of the week; they are few,
-- so this small index answers them alone. Written by hand, as 0004 is.
CREATE INDEX "slots_deleted_idx" ON "slots" USING btree ("contract_id","start")
  INCLUDE ("kind","deleted_at")
  WHERE "deleted_at" IS NOT NULL;
