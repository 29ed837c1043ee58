// Builds the week of slots the diary shows: compact columns, per-day minutes by state in
// the requested zone, and the week's totals. The server derives every state; the SPA shows it.
import { SLOT_KINDS, SLOT_STATES, type StateMinutes, type Week } from '../../contract/week.ts';
import { SLOT_MS, SLOT_MINUTES } from '../../contract/common.ts';
import type { Contract } from '../../contract/contracts.ts';
import type { Database } from '../db/client.ts';
import { findWeekSlots } from '../data/slots.ts';
import { visibleSlotStates } from '../domain/slot-state.ts';
import { localDays } from '../domain/local-days.ts';
import { addWeeks, weekKey } from '../domain/week.ts';

const STATE_INDEX = Object.fromEntries(SLOT_STATES.map((s, i) => [s, i])) as Record<(typeof SLOT_STATES)[number], number>;
const KIND_INDEX = Object.fromEntries(SLOT_KINDS.map((s, i) => [s, i])) as Record<(typeof SLOT_KINDS)[number], number>;

export const emptyMinutes = (): StateMinutes => ({
  billable: 0,
  manual: 0,
  inactive: 0,
  overLimit: 0,
  held: 0,
  refunded: 0,
  total: 0,
});

export function addSlotMinutes(m: StateMinutes, state: (typeof SLOT_STATES)[number], manual: boolean) {
  switch (state) {
    case 'billable':
      m.billable += SLOT_MINUTES;
      if (manual) m.manual += SLOT_MINUTES;
      break;
    case 'inactive':
      m.inactive += SLOT_MINUTES;
      break;
    case 'over_limit':
      m.overLimit += SLOT_MINUTES;
      break;
    case 'held':
      m.held += SLOT_MINUTES;
      break;
    case 'refunded':
      m.refunded += SLOT_MINUTES;
      break;
    case 'deleted':
      return;
  }
  m.total += SLOT_MINUTES;
}

/** Interns strings: each distinct memo or title is sent once. */
function interner() {
  const list: string[] = [];
  const index = new Map<string, number>();
  return {
    list,
    id(s: string) {
      if (!s) return -1;
      let i = index.get(s);
      if (i === undefined) {
        i = list.length;
        list.push(s);
        index.set(s, i);
      }
      return i;
    },
  };
}

export async function buildWeek(database: Database, contract: Contract, weekStart: Date, tz: string, now: Date): Promise<Week> {
  const weekEnd = addWeeks(weekStart, 1);
  const rows = await findWeekSlots(database, contract.id, weekStart, weekEnd);
  const states = visibleSlotStates(rows, contract);

  const memos = interner();
  const titles = interner();
  const n = rows.length;
  const slots = {
    offset: new Array<number>(n),
    kind: new Array<number>(n),
    state: new Array<number>(n),
    active: new Array<number>(n),
    memo: new Array<number>(n),
    title: new Array<number>(n),
    shot: new Array<number>(n),
    dup: new Array<number>(n),
  };

  const days = localDays(weekStart, weekEnd, tz).map((d) => ({
    date: d.date,
    start: d.start.toISOString(),
    end: d.end.toISOString(),
    hoursInDay: d.hoursInDay,
    partial: d.partial,
    minutes: emptyMinutes(),
    endMs: d.end.getTime(),
  }));
  const totals = emptyMinutes();
  let day = 0;
  const base = weekStart.getTime();

  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const state = states[i]!;
    slots.offset[i] = r.o;
    slots.kind[i] = KIND_INDEX[r.kind];
    slots.state[i] = STATE_INDEX[state];
    slots.active[i] = r.active;
    slots.memo[i] = memos.id(r.memo);
    slots.title[i] = titles.id(r.title);
    slots.shot[i] = r.shot ? 1 : 0;
    slots.dup[i] = r.dup ? 1 : 0;
    const at = base + r.o * SLOT_MS;
    while (day < days.length - 1 && at >= days[day]!.endMs) day++;
    addSlotMinutes(days[day]!.minutes, state, r.kind === 'manual');
    addSlotMinutes(totals, state, r.kind === 'manual');
  }

  return {
    contractId: contract.id,
    weekStart: weekKey(weekStart),
    start: weekStart.toISOString(),
    end: weekEnd.toISOString(),
    timeZone: tz,
    now: now.toISOString(),
    memos: memos.list,
    titles: titles.list,
    slots,
    days: days.map(({ endMs: _endMs, ...d }) => d),
    totals,
  };
}
