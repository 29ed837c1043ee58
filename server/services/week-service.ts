// Builds the week of slots the diary shows: compact columns, per-day minutes by state in
// the requested zone, and the week's totals. The server derives every state; the SPA shows it.
import { SLOT_KINDS, SLOT_STATES, type StateMinutes, type Week, type WeekDay } from '#contract/week.ts';
import { SLOT_MS, SLOT_MINUTES } from '#contract/common.ts';
import type { Queryable } from '../db/client.ts';
import { findWeekSlots } from '../data/slots.ts';
import type { User } from '../data/users.ts';
import { findVisibleWeekContext } from '../data/weeks.ts';
import { weekActions } from '../domain/lifecycle.ts';
import { localDays } from '../domain/local-days.ts';
import { addWeeks, weekKey } from '../domain/week.ts';
import { weekState, type WeekState } from './week-state.ts';

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

// Where a slot's minutes count, by its state; a deleted slot counts nowhere, not even in the total.
const BUCKET: Record<(typeof SLOT_STATES)[number], Exclude<keyof StateMinutes, 'manual' | 'total'> | null> = {
  billable: 'billable',
  inactive: 'inactive',
  over_limit: 'overLimit',
  held: 'held',
  refunded: 'refunded',
  deleted: null,
};

export function addSlotMinutes(m: StateMinutes, state: (typeof SLOT_STATES)[number], manual: boolean) {
  const bucket = BUCKET[state];
  if (!bucket) return;
  m[bucket] += SLOT_MINUTES;
  if (bucket === 'billable' && manual) m.manual += SLOT_MINUTES;
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

/** Per local day in `tz`, minutes by state; and the week's totals. */
export function tallyDays(ws: Pick<WeekState, 'weekStart' | 'weekEnd' | 'rows' | 'states'>, tz: string): { days: WeekDay[]; totals: StateMinutes } {
  const days = localDays(ws.weekStart, ws.weekEnd, tz).map((d) => ({
    date: d.date,
    start: d.start.toISOString(),
    end: d.end.toISOString(),
    hoursInDay: d.hoursInDay,
    partial: d.partial,
    minutes: emptyMinutes(),
    endMs: d.end.getTime(),
  }));
  const totals = emptyMinutes();
  const base = ws.weekStart.getTime();
  let day = 0;
  for (let i = 0; i < ws.rows.length; i++) {
    const r = ws.rows[i]!;
    const state = ws.states[i]!;
    const at = base + r.o * SLOT_MS;
    while (day < days.length - 1 && at >= days[day]!.endMs) day++;
    addSlotMinutes(days[day]!.minutes, state, r.kind === 'manual');
    addSlotMinutes(totals, state, r.kind === 'manual');
  }
  return { days: days.map(({ endMs: _endMs, ...d }) => d), totals };
}

/** What the week and the timesheet both begin with: which week, where it stands, and its minutes per local day in `tz`. */
export function weekHeading(ws: WeekState, tz: string, now: Date) {
  const { days, totals } = tallyDays(ws, tz);
  return {
    contractId: ws.contract.id,
    weekStart: weekKey(ws.weekStart),
    start: ws.weekStart.toISOString(),
    end: ws.weekEnd.toISOString(),
    timeZone: tz,
    now: now.toISOString(),
    status: ws.status,
    days,
    totals,
  };
}

/** The API's week: compact slot columns, each memo and title once, per-day minutes in `tz`. */
export function weekPayload(ws: WeekState, user: User, tz: string, now: Date): Week {
  const { weekStart, rows, states, deleted } = ws;
  const actions = weekActions(weekStart, now, ws.approval);

  const memos = interner();
  const titles = interner();
  const n = rows.length + deleted.length;
  const slots = {
    offset: new Array<number>(n),
    kind: new Array<number>(n),
    state: new Array<number>(n),
    active: new Array<number>(n),
    memo: new Array<number>(n),
    title: new Array<number>(n),
    shot: new Array<number>(n),
    dup: new Array<number>(n),
    disputed: new Array<number>(n),
    deletedAt: new Array<string | null>(n),
  };
  // The live and the deleted slots, merged in time order (both lists are). A deleted slot
  // says only that and when: its activity, memo and screenshot went with it.
  for (let i = 0, live = 0, gone = 0; i < n; i++) {
    const isDeleted = gone < deleted.length && (live >= rows.length || deleted[gone]!.o < rows[live]!.o);
    const r = isDeleted ? deleted[gone++]! : rows[live]!;
    slots.offset[i] = r.o;
    slots.kind[i] = KIND_INDEX[r.kind];
    slots.state[i] = isDeleted ? STATE_INDEX.deleted : STATE_INDEX[states[live++]!];
    slots.active[i] = isDeleted ? 0 : r.active;
    slots.memo[i] = isDeleted ? -1 : memos.id(r.memo);
    slots.title[i] = isDeleted ? -1 : titles.id(r.title);
    slots.shot[i] = r.shot && !isDeleted ? 1 : 0;
    slots.dup[i] = r.dup && !isDeleted ? 1 : 0;
    slots.disputed[i] = r.ds ? 1 : 0;
    slots.deletedAt[i] = isDeleted ? new Date(r.deletedAt!).toISOString() : null;
  }
  return {
    ...weekHeading(ws, tz, now),
    canDispute: user.role === 'client' && actions.dispute.ok,
    canEdit: user.role === 'contractor' && actions.edit.ok,
    memos: memos.list,
    titles: titles.list,
    slots,
  };
}

/**
 * The API's week with its access check: the contract and the week's context in one statement,
 * beside the slots' read, so the diary's hottest read is one round trip. Null when the user
 * may not see the contract (or it does not exist).
 */
export async function visibleWeek(q: Queryable, user: User, contractId: string, weekStart: Date, tz: string, now: Date): Promise<Week | null> {
  const weekEnd = addWeeks(weekStart, 1);
  const [context, rows] = await Promise.all([
    findVisibleWeekContext(q, user, contractId, weekStart, weekEnd),
    findWeekSlots(q, contractId, weekStart, weekEnd),
  ]);
  if (!context) return null;
  return weekPayload(weekState(context.contract, context, rows, weekStart, now), user, tz, now);
}
