// "Suspicious only" on the demo: the review's rule (contract/suspicion.ts) flags at most one
// slot in ten of the demo's weeks, and among them every slot the plan made suspicious on purpose
// (low activity, a copied screenshot, manual time). Memo advice is a hint and flags nothing.
import { describe, expect, it } from 'vitest';
import { judgeSlots, type SlotFacts } from '#contract/suspicion.ts';
import { addWeeks, weekStartOf } from '#server/domain/week.ts';
import { type DemoKey, planSlots, type PlannedSlot } from '../plan.ts';

const KEYS: DemoKey[] = ['dev', 'designer', 'writer'];
const SLOT_MS = 600_000;

/** A week of one contract as the review judges it; identical screenshots found as the seed finds them. */
function judgeWeek(planned: PlannedSlot[], weekStart: Date, copies: Map<string, number>) {
  const facts: SlotFacts[] = planned.map((p) => ({
    offset: (p.start.getTime() - weekStart.getTime()) / SLOT_MS,
    kind: p.kind,
    active: p.activeMinutes,
    memo: p.memo,
    title: p.windowTitle,
    dup: p.shot !== null && (copies.get(p.shot.key) ?? 0) > 1,
  }));
  return judgeSlots(facts);
}

/** The demo as seeded at `now` (the week before last, last week, this week so far), judged week by week. */
function demoAt(now: Date) {
  const out: { key: DemoKey; slot: PlannedSlot; flagged: boolean; hinted: boolean }[] = [];
  const thisWeek = weekStartOf(now);
  for (const key of KEYS) {
    const all = planSlots(key, addWeeks(thisWeek, -2), now).filter((s) => s.start.getTime() + SLOT_MS <= now.getTime());
    const copies = new Map<string, number>();
    for (const s of all) if (s.shot) copies.set(s.shot.key, (copies.get(s.shot.key) ?? 0) + 1);
    for (const w of [-2, -1, 0]) {
      const from = addWeeks(thisWeek, w);
      const week = all.filter((s) => s.start >= from && s.start < addWeeks(from, 1));
      judgeWeek(week, from, copies).forEach((j, i) => out.push({ key, slot: week[i]!, flagged: j.reasons.length > 0, hinted: j.hints.length > 0 }));
    }
  }
  return out;
}

// Demo starts: the demo clock's Wednesdays across the year (DST in both zones), and a Monday afternoon.
const STARTS = ['2026-03-04T15:00:00Z', '2026-03-30T13:00:00Z', '2026-06-17T15:00:00Z', '2026-10-28T15:00:00Z', '2026-11-25T15:00:00Z', '2026-12-02T15:00:00Z'];

describe('suspicious only, on the demo', () => {
  for (const start of STARTS) {
    it(`flags at most 10 % of the slots, every planted one among them (seeded ${start})`, () => {
      const demo = demoAt(new Date(start));
      const flagged = demo.filter((d) => d.flagged);
      expect(demo.length).toBeGreaterThan(900);
      expect(flagged.length / demo.length).toBeLessThanOrEqual(0.1);
      const planted = demo.filter((d) => d.slot.planted);
      expect(planted.filter((d) => !d.flagged).map((d) => `${d.key} ${d.slot.start.toISOString()} ${d.slot.planted}`)).toEqual([]);
      // Something of each kind is planted, so the review has each to find.
      expect(new Set(planted.map((d) => d.slot.planted))).toEqual(new Set(['duplicate', 'low_activity', 'manual']));
      // The memo advice is there, and flags nothing on its own.
      expect(demo.filter((d) => d.hinted && !d.flagged).length).toBeGreaterThan(20);
    });
  }
});
