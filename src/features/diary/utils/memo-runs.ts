// A memo is written once for a stretch of work, so the diary shows it once per run (as Upwork
// does): on a slot whose previous 10 minutes were not tracked or had another memo, and on the
// first card of each hour row, so that every row reads on its own. The other cards keep the
// memo in their accessible name and title; only the repeated text goes.
import type { Week } from '#contract/week.ts';
import type { DiaryLayout } from './diary-rows.ts';

/** Per slot (in the week's order): 1 where its memo is shown, 0 where it continues the run before it. */
export function memoRunStarts(slots: Pick<Week['slots'], 'offset' | 'memo'>, layout: Pick<DiaryLayout, 'slotRow'>): Uint8Array {
  const { offset, memo } = slots;
  const starts = new Uint8Array(offset.length);
  for (let i = 0; i < offset.length; i++) {
    const continues = i > 0 && offset[i - 1] === offset[i]! - 1 && memo[i - 1] === memo[i] && layout.slotRow[i - 1] === layout.slotRow[i];
    starts[i] = continues ? 0 : 1;
  }
  return starts;
}
