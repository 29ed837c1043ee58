// The timesheet of a contract week, its approval (by a client, or automatically when the
// review window ends), its CSV export, and the client's change of a contract's terms.
import { findContractsById, type ContractRow as Contract } from '../data/contracts.ts';
import type { Contract as ContractPayload } from '../../contract/contracts.ts';
import type { Approval, Timesheet, WeekActions } from '../../contract/timesheet.ts';
import type { SlotState } from '../../contract/week.ts';
import { SLOT_MS } from '../../contract/common.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import type { User } from '../data/users.ts';
import { findApproval, findTermsChanges, insertApproval, lockWeek, upsertTermsChange, type ApprovalRow } from '../data/weeks.ts';
import { isPastReview, weekActions, type Allowed } from '../domain/lifecycle.ts';
import { weekAmounts } from '../domain/money.ts';
import { changeEffectiveFrom, termsForWeek, type ContractTerms } from '../domain/terms.ts';
import { weekDeadlines, weekKey, weekStartOf } from '../domain/week.ts';
import { HttpProblem } from '../lib/problem.ts';
import { tallyDays } from './week-service.ts';
import { baseTerms, loadWeekState, type WeekState } from './week-state.ts';

const count = (states: readonly SlotState[], s: SlotState) => states.reduce((n, x) => n + (x === s ? 1 : 0), 0);

const amountsOf = (ws: WeekState) =>
  weekAmounts({ billable: count(ws.states, 'billable'), held: count(ws.states, 'held'), refunded: count(ws.states, 'refunded') }, ws.terms.hourlyRate);

export function approvalPayload(a: ApprovalRow): Approval {
  return {
    contractId: a.contractId,
    weekStart: weekKey(new Date(a.weekStart)),
    kind: a.kind,
    approvedAt: new Date(a.approvedAt).toISOString(),
    approvedBy: a.approvedBy,
    currency: a.currency,
    terms: { hourlyRate: a.hourlyRate, weeklyLimitHours: a.weeklyLimitHours, manualTimeAllowed: a.manualTimeAllowed },
    minutes: a.minutes,
    amounts: a.amounts,
  };
}

/** Writes the week's approval with its terms and totals as they stand; the caller holds the week's lock. */
async function recordApproval(tx: Queryable, ws: WeekState, kind: 'manual' | 'auto', by: User | null, now: Date) {
  const { totals } = tallyDays(ws, 'UTC');
  const inserted = await insertApproval(tx, {
    contractId: ws.contract.id,
    weekStart: ws.weekStart,
    kind,
    // An automatic approval happens at the end of the review window, whenever it is recorded.
    approvedAt: kind === 'auto' ? weekDeadlines(ws.weekStart).reviewUntil : now,
    approvedById: by?.id ?? null,
    ...ws.terms,
    currency: ws.contract.currency,
    minutes: totals,
    amounts: amountsOf(ws),
  });
  if (inserted) {
    await appendAudit(tx, {
      at: now,
      actorId: by?.id ?? null,
      action: kind === 'manual' ? 'week.approved' : 'week.auto_approved',
      contractId: ws.contract.id,
      weekStart: ws.weekStart,
      before: { status: ws.status },
      after: { status: kind === 'manual' ? 'approved' : 'auto_approved', minutes: totals, amounts: amountsOf(ws), terms: ws.terms },
    });
  }
  return inserted;
}

/**
 * Records the automatic approval of a week whose review window has ended (every slot not
 * held is approved). Safe to call from several places at once: the week's lock and the
 * approval's key make it happen once.
 */
export async function autoApproveWeek(database: Database, contract: Contract, weekStart: Date, now: Date): Promise<boolean> {
  if (!isPastReview(weekStart, now)) return false;
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const ws = await loadWeekState(tx, contract, weekStart, now);
    if (ws.approval || ws.rows.length === 0) return false;
    return recordApproval(tx, ws, 'auto', null, now);
  });
}

const clientOf = (user: User, contract: Contract) => user.role === 'client' && user.companyId === contract.company.id;
const contractorOf = (user: User, contract: Contract) => user.role === 'contractor' && user.id === contract.contractor.id;

/** What this viewer may do to the week now; another role gets the reason it is not theirs. */
function viewerActions(user: User, contract: Contract, weekStart: Date, now: Date, approval: ApprovalRow | null): WeekActions {
  const a = weekActions(weekStart, now, approval);
  const as = (allowed: Allowed, mine: boolean, whose: string) =>
    !mine ? { allowed: false, reason: whose } : allowed.ok ? { allowed: true, reason: null } : { allowed: false, reason: allowed.reason };
  const client = clientOf(user, contract);
  const contractor = contractorOf(user, contract);
  return {
    approve: as(a.approve, client, `Only a client of ${contract.company.name} approves this timesheet.`),
    dispute: as(a.dispute, client, `Only a client of ${contract.company.name} disputes slots.`),
    edit: as(a.edit, contractor, `Only ${contract.contractor.name}, the contractor, edits these slots.`),
  };
}

export async function buildTimesheet(database: Database, user: User, contract: Contract, weekStart: Date, tz: string, now: Date): Promise<Timesheet> {
  // A read past the review window sees the automatic approval, even before the sweep ran.
  await autoApproveWeek(database, contract, weekStart, now);
  const disputes = { open: 0, escalated: 0, settled: 0, withdrawn: 0 };
  const [ws, rows] = await Promise.all([
    loadWeekState(database, contract, weekStart, now),
    database.query<{ status: keyof typeof disputes; n: number }>(
      `select status, count(*)::int as n from disputes where contract_id = $1 and week_start = $2 group by status`,
      [contract.id, weekStart],
    ),
  ]);
  const { days, totals } = tallyDays(ws, tz);
  const d = weekDeadlines(weekStart);
  for (const r of rows) disputes[r.status] = r.n;
  return {
    contractId: contract.id,
    weekStart: weekKey(weekStart),
    start: weekStart.toISOString(),
    end: ws.weekEnd.toISOString(),
    timeZone: tz,
    now: now.toISOString(),
    status: ws.status,
    deadlines: { editUntil: d.editUntil.toISOString(), reviewFrom: d.reviewFrom.toISOString(), reviewUntil: d.reviewUntil.toISOString() },
    currency: contract.currency,
    terms: ws.terms,
    days,
    totals,
    amounts: amountsOf(ws),
    approval: ws.approval ? approvalPayload(ws.approval) : null,
    disputes,
    actions: viewerActions(user, contract, weekStart, now, ws.approval),
  };
}

/**
 * A client approves the week: only in the review window; every slot not held is approved,
 * and the week is locked with its terms and totals. Approving again gives the same approval.
 */
export async function approveWeek(database: Database, user: User, contract: Contract, weekStart: Date, now: Date): Promise<Approval> {
  if (!clientOf(user, contract)) {
    throw new HttpProblem(403, `Only a client of ${contract.company.name} may approve this timesheet.`);
  }
  return database.transaction(async (tx) => {
    await lockWeek(tx, contract.id, weekStart);
    const existing = await findApproval(tx, contract.id, weekStart);
    if (existing?.kind === 'manual') return approvalPayload(existing);
    const ws = await loadWeekState(tx, contract, weekStart, now);
    const approve = weekActions(weekStart, now, ws.approval).approve;
    if (!approve.ok) throw new HttpProblem(409, approve.reason);
    await recordApproval(tx, ws, 'manual', user, now);
    return approvalPayload((await findApproval(tx, contract.id, weekStart))!);
  });
}

/** Every week of every contract whose review window has ended and that has no approval yet. */
export async function autoApproveDueWeeks(database: Database, now: Date): Promise<number> {
  // The latest week whose review window has closed: its Saturday 00:00 (Monday + 12 days) ≤ now.
  const lastDue = weekStartOf(new Date(now.getTime() - 12 * 86_400_000));
  const due = await database.query<{ contractId: string; weekStart: Date }>(
    `select k.id as "contractId", w.week_start as "weekStart"
       from contracts k
       cross join lateral (
         select generate_series(
                  date_trunc('week', (select min(s.start) from slots s where s.contract_id = k.id) at time zone 'UTC') at time zone 'UTC',
                  $1::timestamptz, interval '7 days') as week_start
       ) w
      where not exists (select 1 from week_approvals a where a.contract_id = k.id and a.week_start = w.week_start)
        and exists (select 1 from slots s where s.contract_id = k.id and s.start >= w.week_start
                                          and s.start < w.week_start + interval '7 days' and s.deleted_at is null)`,
    [lastDue],
  );
  if (due.length === 0) return 0;
  const contracts = new Map((await findContractsById(database, [...new Set(due.map((d) => d.contractId))])).map((c) => [c.id, c]));
  let n = 0;
  for (const d of due) {
    const contract = contracts.get(d.contractId);
    if (contract && (await autoApproveWeek(database, contract, new Date(d.weekStart), now))) n++;
  }
  return n;
}

/** The terms in force this week, and a change scheduled from the next Monday, if any. */
export function currentTerms(contract: Contract, changes: Awaited<ReturnType<typeof findTermsChanges>>, now: Date) {
  const thisWeek = weekStartOf(now);
  const { effectiveFrom: _f, ...terms } = termsForWeek(baseTerms(contract), changes, thisWeek);
  const next = changes.filter((c) => c.effectiveFrom.getTime() > thisWeek.getTime()).at(-1);
  return {
    ...terms,
    nextTerms: next ? { effectiveFrom: next.effectiveFrom.toISOString(), ...next.terms } : null,
  };
}

/** A client changes the weekly cap or manual-time permission; it applies from the next Monday 00:00 UTC. */
export async function changeTerms(
  database: Database,
  user: User,
  contract: Contract,
  change: { weeklyLimitHours?: number | null; manualTimeAllowed?: boolean },
  now: Date,
): Promise<ContractPayload> {
  if (!clientOf(user, contract)) {
    throw new HttpProblem(403, `Only a client of ${contract.company.name} may change this contract's weekly cap or manual time.`);
  }
  const effectiveFrom = changeEffectiveFrom(now);
  await database.transaction(async (tx) => {
    await tx.query(`select 1 from contracts where id = $1 for update`, [contract.id]);
    const changes = await findTermsChanges(tx, contract.id);
    const { effectiveFrom: _f, ...before } = termsForWeek(baseTerms(contract), changes, effectiveFrom);
    const after: ContractTerms = {
      ...before,
      ...(change.weeklyLimitHours !== undefined ? { weeklyLimitHours: change.weeklyLimitHours } : {}),
      ...(change.manualTimeAllowed !== undefined ? { manualTimeAllowed: change.manualTimeAllowed } : {}),
    };
    await upsertTermsChange(tx, contract.id, { effectiveFrom, terms: after }, user.id, now);
    await appendAudit(tx, {
      at: now,
      actorId: user.id,
      action: 'contract.terms_changed',
      contractId: contract.id,
      weekStart: effectiveFrom,
      subject: `from ${effectiveFrom.toISOString()}`,
      before,
      after,
    });
  });
  return { ...contract, ...currentTerms(contract, await findTermsChanges(database, contract.id), now) };
}

// --- CSV ---------------------------------------------------------------------------------

const STATE_WORDS: Record<SlotState, string> = {
  deleted: 'deleted',
  refunded: 'refunded',
  held: 'held',
  inactive: 'inactive',
  over_limit: 'over the limit',
  billable: 'billable',
};

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const minorToDecimal = (minor: number, currency: string) => {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
};

/** The week as CSV: one row per slot (UTC), then the totals and amounts. */
export async function timesheetCsv(database: Database, contract: Contract, weekStart: Date, now: Date): Promise<string> {
  await autoApproveWeek(database, contract, weekStart, now);
  const ws = await loadWeekState(database, contract, weekStart, now);
  const { totals: t } = tallyDays(ws, 'UTC');
  const amounts = amountsOf(ws);
  const extra = await database.query<{ o: number; sha: string | null; keyboard: number[]; mouse: number[]; ds: string | null }>(
    `select ((extract(epoch from s.start) - extract(epoch from $2::timestamptz)) / 600)::int as o,
            s.screenshot_sha256 as sha, s.keyboard, s.mouse, d.status as ds
       from slots s left join dispute_slots d on d.contract_id = s.contract_id and d.slot_start = s.start
      where s.contract_id = $1 and s.start >= $2 and s.start < $3 and s.deleted_at is null order by s.start`,
    [contract.id, weekStart, ws.weekEnd],
  );
  const byOffset = new Map(extra.map((e) => [e.o, e]));
  const lines: string[] = [];
  const row = (...cells: (string | number | null)[]) => lines.push(cells.map(cell).join(','));
  row('start_utc', 'end_utc', 'kind', 'state', 'active_minutes', 'keyboard_total', 'mouse_total', 'memo', 'window_title', 'screenshot_sha256', 'duplicate', 'dispute');
  ws.rows.forEach((r, i) => {
    const at = weekStart.getTime() + r.o * SLOT_MS;
    const e = byOffset.get(r.o);
    row(
      new Date(at).toISOString(),
      new Date(at + SLOT_MS).toISOString(),
      r.kind,
      STATE_WORDS[ws.states[i]!],
      r.kind === 'manual' ? null : r.active,
      e && r.kind === 'tracked' ? e.keyboard.reduce((a, b) => a + b, 0) : null,
      e && r.kind === 'tracked' ? e.mouse.reduce((a, b) => a + b, 0) : null,
      r.memo,
      r.title,
      e?.sha ?? null,
      r.dup ? 'yes' : 'no',
      e?.ds ?? null,
    );
  });
  const cur = contract.currency;
  lines.push('');
  row('total', 'minutes', 'hours', `amount_${cur}`);
  row('billable', t.billable, (t.billable / 60).toFixed(2), minorToDecimal(amounts.billable, cur));
  row('of which manual', t.manual, (t.manual / 60).toFixed(2), null);
  row('held', t.held, (t.held / 60).toFixed(2), minorToDecimal(amounts.held, cur));
  row('refunded', t.refunded, (t.refunded / 60).toFixed(2), minorToDecimal(amounts.refunded, cur));
  row('inactive', t.inactive, (t.inactive / 60).toFixed(2), null);
  row('over the limit', t.overLimit, (t.overLimit / 60).toFixed(2), null);
  row('all slots', t.total, (t.total / 60).toFixed(2), null);
  lines.push('');
  row('contract', contract.title);
  row('contractor', contract.contractor.name);
  row('company', contract.company.name);
  row('week', `${weekStart.toISOString()} to ${ws.weekEnd.toISOString()}`);
  row('status', ws.status);
  row('hourly_rate', minorToDecimal(ws.terms.hourlyRate, cur), cur);
  row('weekly_limit_hours', ws.terms.weeklyLimitHours);
  return `${lines.join('\r\n')}\r\n`;
}
