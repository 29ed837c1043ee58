// @vitest-environment jsdom
// A slot the contractor deleted, in an hour of the diary grid: it says so and when (in the
// diary's zone), shows no thumbnail, and cannot be selected to dispute, unlike its neighbour.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { buildDiaryLayout, type HourRow } from '../../utils/diary-rows.ts';
import { HourLine } from '../grid-rows.tsx';

afterEach(cleanup);

const DELETED = 0;

/** Monday 09:00 and 09:10 (UTC); the 09:10 slot deleted on `deletedAt`. */
function hourWith(deletedAt: string, timeZone: string) {
  const week = makeWeek('2026-11-23', timeZone, [54, 55]);
  week.slots.state[1] = DELETED;
  week.slots.shot[1] = 0;
  week.slots.memo[1] = -1;
  week.slots.deletedAt[1] = deletedAt;
  const layout = buildDiaryLayout(week);
  const row = layout.rows.find((r): r is HourRow => r.type === 'hour')!;
  render(
    <HourLine
      row={row}
      week={week}
      layout={layout}
      contractId={week.contractId}
      dayLabel="Monday 23 November"
      tabbableSlot={0}
      eager={false}
      onOpen={vi.fn()}
      onSelect={vi.fn()}
      selectedCells={0}
      memoStarts={new Uint8Array([1, 1])}
    />,
  );
}

describe('a deleted slot in the grid', () => {
  it('says "Deleted by the contractor" with the time in the diary’s zone, without a thumbnail or a checkbox', () => {
    hourWith('2026-11-23T13:03:00.000Z', 'Europe/Berlin');
    const card = screen.getByRole('group', { name: 'Monday 23 November, 10:10–10:20, deleted by the contractor at 14:03' });
    expect(card.textContent).toContain('Deleted by the contractor · 14:03');
    expect(within(card).queryByRole('img')).toBeNull();
    expect(card.querySelector('img')).toBeNull();
    expect(within(card).queryByRole('checkbox')).toBeNull();
    expect(within(card).getByRole('button', { name: '10:10–10:20, deleted by the contractor at 14:03' })).toBeTruthy();
    // The live neighbour keeps its screenshot and its checkbox.
    const live = screen.getByRole('group', { name: /10:00–10:10/ });
    expect(within(live).getByRole('checkbox', { name: 'Select 10:00–10:10' })).toBeTruthy();
    expect(live.querySelector('img')).not.toBeNull();
  });

  it('names the day of a deletion made on another day than the slot’s', () => {
    hourWith('2026-11-25T08:30:00.000Z', 'UTC');
    expect(screen.getByRole('group', { name: /deleted by the contractor at 25 Nov, 08:30$/ }).textContent).toContain('· 25 Nov, 08:30');
  });
});
