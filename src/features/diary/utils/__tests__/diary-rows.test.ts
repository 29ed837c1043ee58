import { describe, expect, it } from 'vitest';
import { buildDiaryLayout, neighbourSlot, NO_SLOT, OUTSIDE, type DiaryRow, type GapRow, type HourRow } from '../diary-rows.ts';
import { slotRange } from '../slot-labels.ts';
import { allOffsets, hourOffsets, makeWeek } from './week-fixture.ts';

const hours = (rows: DiaryRow[]) => rows.filter((r): r is HourRow => r.type === 'hour');
/** The hour labels down one day's column. */
const hourLabels = (rows: DiaryRow[], dayIndex: number) =>
  hours(rows)
    .filter((r) => r.dayIndex === dayIndex)
    .map((r) => r.label);
const gaps = (rows: DiaryRow[]) => rows.filter((r): r is GapRow => r.type === 'gap');
const rowsOfDay = (rows: DiaryRow[], dayIndex: number) => rows.filter((r) => r.dayIndex === dayIndex && r.type !== 'day');

function expectEverySlotPlaced(layout: ReturnType<typeof buildDiaryLayout>) {
  layout.slotStart.forEach((_, slot) => {
    const row = layout.rows[layout.slotRow[slot]!] as HourRow;
    expect(row.type).toBe('hour');
    expect(row.cells[layout.slotCell[slot]!]).toBe(slot);
  });
}

describe('buildDiaryLayout', () => {
  it('shows a fully tracked UTC week as 7 days of 24 hour rows of six slots, in time order', () => {
    const layout = buildDiaryLayout(makeWeek('2026-11-23', 'UTC', allOffsets()));
    expect(layout.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(hours(layout.rows)).toHaveLength(168);
    expect(gaps(layout.rows)).toHaveLength(0);
    expect(layout.rows).toHaveLength(175);
    const tuesday = hours(layout.rows).filter((r) => r.dayIndex === 1);
    expect(tuesday.map((r) => r.label).slice(0, 3)).toEqual(['00:00', '01:00', '02:00']);
    expect(tuesday[9]!.cells).toEqual([198, 199, 200, 201, 202, 203]);
    expectEverySlotPlaced(layout);
    expect(layout.days.every((d) => d.slotCount === 144)).toBe(true);
  });

  it('collapses hours without slots into "no activity" rows and leaves missing slots as gaps', () => {
    // Tuesday 09:00 (without 09:20) and 10:00, and Tuesday 14:30.
    const offsets = [...hourOffsets(1, 9, [0, 1, 3, 4, 5]), ...hourOffsets(1, 10), ...hourOffsets(1, 14, [3])];
    const layout = buildDiaryLayout(makeWeek('2026-11-23', 'UTC', offsets));
    const tuesday = rowsOfDay(layout.rows, 1);
    expect(tuesday.map((r) => (r.type === 'gap' ? `gap ${r.from}–${r.to}` : `hour ${(r as HourRow).label}`))).toEqual([
      'gap 00:00–09:00',
      'hour 09:00',
      'hour 10:00',
      'gap 11:00–14:00',
      'hour 14:00',
      'gap 15:00–24:00',
    ]);
    const nine = tuesday[1] as HourRow;
    expect(nine.cells[2]).toBe(NO_SLOT);
    expect(nine.cells[3]).toBe(2);
    expect((tuesday[4] as HourRow).cells).toEqual([NO_SLOT, NO_SLOT, NO_SLOT, 11, NO_SLOT, NO_SLOT]);
    // A day without any slot is one row.
    expect(rowsOfDay(layout.rows, 0)).toEqual([expect.objectContaining({ type: 'gap', from: '00:00', to: '24:00', wholeDay: true })]);
    expect(layout.days[1]!.slotCount).toBe(12);
  });

  it('in a zone ahead of UTC, starts and ends the week with partial local days', () => {
    // Europe/Berlin in November is UTC+1: Monday 00:00 UTC is Monday 01:00 local.
    const layout = buildDiaryLayout(makeWeek('2026-11-23', 'Europe/Berlin', allOffsets()));
    expect(layout.days).toHaveLength(8);
    expect(layout.days[0]).toMatchObject({ date: '2026-11-23', partial: true, from: '01:00', to: '24:00' });
    expect(layout.days[7]).toMatchObject({ date: '2026-11-30', partial: true, from: '00:00', to: '01:00' });
    expect(hours(layout.rows)).toHaveLength(168);
    const first = hours(layout.rows)[0]!;
    expect(first.label).toBe('01:00');
    expect(slotRange(layout.slotStart[first.cells[0]!]!, 'Europe/Berlin')).toBe('01:00–01:10');
    expectEverySlotPlaced(layout);
  });

  it('shows the repeated hour of a fall-back DST day twice, told apart by zone', () => {
    // Europe/Berlin leaves summer time on Sunday 25 Oct 2026 at 03:00 CEST → 02:00 CET.
    const layout = buildDiaryLayout(makeWeek('2026-10-19', 'Europe/Berlin', allOffsets()));
    const sunday = layout.days.findIndex((d) => d.date === '2026-10-25');
    expect(layout.days[sunday]!.hoursInDay).toBe(25);
    const labels = hourLabels(layout.rows, sunday);
    expect(labels).toHaveLength(25);
    expect(labels.slice(1, 5)).toEqual(['01:00', '02:00 GMT+2', '02:00 GMT+1', '03:00']);
    expect(hours(layout.rows)).toHaveLength(168);
    expectEverySlotPlaced(layout);
  });

  it('skips the missing hour of a spring-forward DST day', () => {
    // Europe/Berlin springs forward on Sunday 29 Mar 2026: 02:00 CET → 03:00 CEST.
    const layout = buildDiaryLayout(makeWeek('2026-03-23', 'Europe/Berlin', allOffsets()));
    const sunday = layout.days.findIndex((d) => d.date === '2026-03-29');
    expect(layout.days[sunday]).toMatchObject({ hoursInDay: 23, partial: false });
    const labels = hourLabels(layout.rows, sunday);
    expect(labels).toHaveLength(23);
    expect(labels.slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00']);
    expect(hours(layout.rows)).toHaveLength(168);
    expectEverySlotPlaced(layout);

    // America/New_York springs forward on its last, partial day of the week (Sunday 8 Mar
    // until 20:00 EDT, which is Monday 00:00 UTC).
    const ny = buildDiaryLayout(makeWeek('2026-03-02', 'America/New_York', allOffsets()));
    const last = ny.days[ny.days.length - 1]!;
    expect(last).toMatchObject({ date: '2026-03-08', hoursInDay: 23, partial: true, from: '00:00', to: '20:00' });
    const nyLabels = hourLabels(ny.rows, ny.days.length - 1);
    expect(nyLabels).toHaveLength(19);
    expect(nyLabels).not.toContain('02:00');
    expectEverySlotPlaced(ny);
  });

  it('places slots in the right cells in zones with :30 and :45 offsets', () => {
    // Asia/Kolkata is UTC+5:30: Monday 00:00 UTC is 05:30, the fourth cell of the 05:00 row.
    const kolkata = buildDiaryLayout(makeWeek('2026-11-23', 'Asia/Kolkata', [0, 1, 2, 3]));
    const row = hours(kolkata.rows)[0]!;
    expect(row.label).toBe('05:00');
    expect(row.cells).toEqual([OUTSIDE, OUTSIDE, OUTSIDE, 0, 1, 2]);
    expect(kolkata.rows[kolkata.slotRow[3]!]).toMatchObject({ type: 'hour', label: '06:00' });

    // Asia/Kathmandu is UTC+5:45: slots start at :05, :15 … local, each in its 10-minute cell.
    const kathmandu = buildDiaryLayout(makeWeek('2026-11-23', 'Asia/Kathmandu', [0, 1, 2]));
    const k = hours(kathmandu.rows);
    expect(k[0]!.label).toBe('05:00');
    expect(k[0]!.cells).toEqual([OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, 0, 1]);
    expect(k[1]!.cells[0]).toBe(2);
    expect(slotRange(kathmandu.slotStart[0]!, 'Asia/Kathmandu')).toBe('05:45–05:55');
    expectEverySlotPlaced(kathmandu);
  });

  it('finds slots by their start instant', () => {
    const layout = buildDiaryLayout(makeWeek('2026-11-23', 'UTC', hourOffsets(1, 9)));
    expect(layout.slotByStart.get(Date.parse('2026-11-24T09:10:00Z'))).toBe(1);
    expect(layout.slotByStart.get(Date.parse('2026-11-24T11:10:00Z'))).toBeUndefined();
  });
});

describe('neighbourSlot', () => {
  // Tuesday 09:00 full; 10:00 only :40; 12:00 only :00 and :50.
  const offsets = [...hourOffsets(1, 9), ...hourOffsets(1, 10, [4]), ...hourOffsets(1, 12, [0, 5])];
  const layout = buildDiaryLayout(makeWeek('2026-11-23', 'UTC', offsets));

  it('steps through slots in time order with ←/→, across rows', () => {
    expect(neighbourSlot(layout, 5, 'right')).toBe(6);
    expect(neighbourSlot(layout, 6, 'left')).toBe(5);
    expect(neighbourSlot(layout, 0, 'left')).toBe(-1);
    expect(neighbourSlot(layout, 8, 'right')).toBe(-1);
  });

  it('moves by hour row with ↑/↓ to the same or the nearest column', () => {
    expect(neighbourSlot(layout, 1, 'down')).toBe(6); // 09:10 → 10:40, the only one
    expect(neighbourSlot(layout, 6, 'down')).toBe(8); // 10:40 → 12:50 (nearer than 12:00)
    expect(neighbourSlot(layout, 8, 'up')).toBe(6);
    expect(neighbourSlot(layout, 6, 'up')).toBe(4); // 10:40 → 09:40
    expect(neighbourSlot(layout, 2, 'up')).toBe(-1);
    expect(neighbourSlot(layout, 7, 'down')).toBe(-1);
  });

  it('goes to the ends of the row and of the week', () => {
    expect(neighbourSlot(layout, 3, 'rowStart')).toBe(0);
    expect(neighbourSlot(layout, 3, 'rowEnd')).toBe(5);
    expect(neighbourSlot(layout, 3, 'first')).toBe(0);
    expect(neighbourSlot(layout, 3, 'last')).toBe(8);
  });
});
