// The home page across every contract the user may see: this week and last week of each, with
// the timesheet's rules (terms of the week, the cap, dispute holds, amounts rounded once), what
// waits on the viewer, and totals per currency. Reads only: a week past its review window reads
// as approved automatically and an overdue dispute as escalated, as every other read shows them.
import type { CurrencyTotals, DisputeDue, Overview, OverviewContract, OverviewDay, OverviewWeek, ReviewDue } from '#contract/overview.ts';
import type { DisputeSummary } from '#contract/disputes.ts';
import type { SlotState, StateMinutes } from '#contract/week.ts';
import type { Database } from '../db/client.ts';
import { findVisibleContracts, type ContractRow } from '../data/contracts.ts';
import { findContractsContext, findContractsSlots, findLatestTrackedSlot, type ContractsContext } from '../data/overview.ts';
import type { User } from '../data/users.ts';
import { weekStatus } from '../domain/lifecycle.ts';
import { weekAmounts, type WeekAmounts } from '../domain/money.ts';
import { visibleSlotStates } from '../domain/slot-state.ts';
import { weekTerms } from '../domain/terms.ts';
import { addWeeks, weekDeadlines, weekKey, weekStartOf } from '../domain/week.ts';
import { listDisputes } from './dispute-view.ts';
import { questionsDue } from './question-service.ts';
import { addSlotMinutes, emptyMinutes } from './week-service.ts';

const SLOTS_PER_DAY = 144;
const SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;

/** A slot as the states need it: its offset from its week's Monday, its kind, and whether it had any input. */
interface SlotFact {
  o: number;
  kind: 'tracked' | 'manual';
  /** 1 when tracked with input, else 0: the states only ask whether a tracked slot was active. */
  active: number;
}

const countOf = (states: readonly SlotState[], s: SlotState) => states.reduce((n, x) => n + (x === s ? 1 : 0), 0);

/**
 * One contract week from its slots (offsets from the week's Monday, in time order) and the
 * context read from `shift` slots before that Monday.
 */
function weekOf(contract: ContractRow, weekStart: Date, shift: number, slots: SlotFact[], ctx: ContractsContext, now: Date) {
  const approval = ctx.approvals.find((a) => a.contractId === contract.id && a.weekStart.getTime() === weekStart.getTime()) ?? null;
  const changes = ctx.changes.filter((c) => c.contractId === contract.id);
  const terms = weekTerms(contract, changes, weekStart, approval);
  const disputed = new Map(ctx.disputed.filter((d) => d.contractId === contract.id).map((d) => [d.o - shift, d.status]));
  const rows = slots.map((s) => ({ kind: s.kind, active: s.active, ds: disputed.get(s.o) ?? null }));
  const states = visibleSlotStates(rows, terms);
  const minutes = emptyMinutes();
  const days: OverviewDay[] = Array.from({ length: 7 }, (_, i) => ({
    date: weekKey(new Date(weekStart.getTime() + i * 86_400_000)),
    total: 0,
    billable: 0,
  }));
  states.forEach((state, i) => {
    const manual = slots[i]!.kind === 'manual';
    addSlotMinutes(minutes, state, manual);
    const day = days[Math.floor(slots[i]!.o / SLOTS_PER_DAY)]!;
    if (state !== 'deleted') day.total += 10;
    if (state === 'billable') day.billable += 10;
  });
  const amounts = weekAmounts({ billable: countOf(states, 'billable'), held: countOf(states, 'held'), refunded: countOf(states, 'refunded') }, terms.hourlyRate);
  const week: OverviewWeek = {
    weekStart: weekKey(weekStart),
    status: weekStatus(weekStart, now, approval),
    reviewUntil: weekDeadlines(weekStart).reviewUntil.toISOString(),
    hourlyRate: terms.hourlyRate,
    weeklyLimitHours: terms.weeklyLimitHours,
    minutes,
    amounts,
  };
  return { week, days };
}

const addMinutes = (a: StateMinutes, b: StateMinutes) => {
  for (const k of Object.keys(a) as (keyof StateMinutes)[]) a[k] += b[k];
};
const addAmounts = (a: WeekAmounts, b: WeekAmounts) => {
  a.billable += b.billable;
  a.held += b.held;
  a.refunded += b.refunded;
};

/** Sums per currency: amounts in different currencies are never added together. */
function totalsOf(contracts: OverviewContract[]): CurrencyTotals[] {
  const by = new Map<string, CurrencyTotals>();
  const period = () => ({ minutes: emptyMinutes(), amounts: { billable: 0, held: 0, refunded: 0 } });
  for (const c of contracts) {
    let t = by.get(c.currency);
    if (!t) by.set(c.currency, (t = { currency: c.currency, thisWeek: period(), lastWeek: period() }));
    addMinutes(t.thisWeek.minutes, c.thisWeek.minutes);
    addAmounts(t.thisWeek.amounts, c.thisWeek.amounts);
    addMinutes(t.lastWeek.minutes, c.lastWeek.minutes);
    addAmounts(t.lastWeek.amounts, c.lastWeek.amounts);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Whether the next move on the dispute is this viewer's (see DisputeDue). */
function waitsOn(user: User, d: DisputeSummary): boolean {
  if (user.role === 'contractor') return d.status === 'open' && d.pendingCount > 0;
  return d.status === 'escalated' && d.pendingCount > 0;
}

export async function buildOverview(database: Database, user: User, now: Date): Promise<Overview> {
  const thisWeek = weekStartOf(now);
  const lastWeek = addWeeks(thisWeek, -1);
  const end = addWeeks(thisWeek, 1);
  // A contract still waiting for its contractor to accept has no work to show: it is on the contracts page, marked so.
  const contracts = (await findVisibleContracts(database, user)).filter((c) => c.status !== 'pending');
  const ids = contracts.map((c) => c.id);
  const [slots, ctx, disputes, latest, questions] = await Promise.all([
    // A read per week: on PostgreSQL the two run at once on two connections.
    Promise.all([findContractsSlots(database, ids, lastWeek, thisWeek), findContractsSlots(database, ids, thisWeek, end)]),
    findContractsContext(database, ids, lastWeek, end),
    listDisputes(database, user, { status: ['open', 'escalated'] }, now),
    user.role === 'contractor' ? findLatestTrackedSlot(database, user.id, now) : Promise.resolve(null),
    questionsDue(database, user, contracts),
  ]);

  const byContract = new Map<string, [SlotFact[], SlotFact[]]>(ids.map((id) => [id, [[], []]]));
  slots.forEach((week, w) => {
    for (const { contractId, o, k } of week) {
      const facts = byContract.get(contractId)![w]!;
      for (let i = 0; i < o.length; i++) facts.push({ o: o[i]!, kind: k[i] === 'm' ? 'manual' : 'tracked', active: k[i] === 't' ? 1 : 0 });
    }
  });
  const openBy = new Map<string, { open: number; escalated: number }>();
  for (const d of disputes.disputes) {
    const n = openBy.get(d.contract.id) ?? { open: 0, escalated: 0 };
    if (d.status === 'open' || d.status === 'escalated') n[d.status]++;
    openBy.set(d.contract.id, n);
  }

  const rows: OverviewContract[] = contracts.map((c) => {
    const [lastSlots, thisSlots] = byContract.get(c.id)!;
    const last = weekOf(c, lastWeek, 0, lastSlots, ctx, now);
    const current = weekOf(c, thisWeek, SLOTS_PER_WEEK, thisSlots, ctx, now);
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      currency: c.currency,
      company: c.company,
      contractor: { id: c.contractor.id, name: c.contractor.name },
      thisWeek: { ...current.week, days: current.days },
      lastWeek: last.week,
      disputes: openBy.get(c.id) ?? { open: 0, escalated: 0 },
    };
  });

  // Only a client approves, and only a week with time in it needs their look.
  const reviews: ReviewDue[] =
    user.role !== 'client'
      ? []
      : rows
          .filter((r) => r.lastWeek.status === 'in_review' && r.lastWeek.minutes.total > 0)
          .map((r) => ({
            contractId: r.id,
            contractTitle: r.title,
            contractorName: r.contractor.name,
            weekStart: r.lastWeek.weekStart,
            reviewUntil: r.lastWeek.reviewUntil,
            minutes: r.lastWeek.minutes.billable,
            amount: r.lastWeek.amounts.billable,
            currency: r.currency,
          }));
  const due: DisputeDue[] = disputes.disputes.filter((d) => waitsOn(user, d)).sort((a, b) => a.answerDue.localeCompare(b.answerDue));

  return {
    now: now.toISOString(),
    role: user.role,
    weekStart: weekKey(thisWeek),
    lastWeekStart: weekKey(lastWeek),
    contracts: rows,
    totals: totalsOf(rows),
    needs: { reviews, disputes: due, questions },
    lastUpload: latest ? latest.toISOString() : null,
  };
}
