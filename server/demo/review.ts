// The demo's review history, made with the first seed through the same services the API uses,
// so every screen has something real to show (a later start adds last week's two again):
// - the week before last: the designer's low-activity dispute, one slot accepted (refunded),
//   one contested and resolved by the admin for the designer (billable); the sweep then
//   approves that week automatically;
// - last week: an open dispute on the developer's slots, waiting for his answer, and an
//   escalated one on the designer's, waiting for the admin;
// - this week: one of the developer's screenshots, redacted by him.
import type { DisputeReason } from '#contract/disputes.ts';
import type { Database } from '../db/client.ts';
import { findUserForLogin, type User } from '../data/users.ts';
import { findContractsById } from '../data/contracts.ts';
import { findWeekDisputes } from '../data/disputes.ts';
import { addWeeks, weekStartOf } from '../domain/week.ts';
import { answerSlot, commentOnDispute, createDispute, resolveSlot } from '../services/dispute-service.ts';
import { loadWeekState } from '../services/week-state.ts';
import { redactSlot } from '../services/redaction-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { demoHasWorkAt, openDisputeCreatedAt } from './clock.ts';
import type { DemoContract } from './seed.ts';

const HOUR = 3_600_000;
const at = (t: number) => new Date(t);

async function user(database: Database, email: string): Promise<User> {
  const u = await findUserForLogin(database, email);
  if (!u) throw new Error(`demo: no account ${email}`);
  const { passwordHash: _h, ...rest } = u;
  return rest;
}

/** `n` billable slots of the week, the least active first, each at least an hour apart. */
async function pickSlots(database: Database, contractId: string, weekStart: Date, now: Date, n: number): Promise<string[]> {
  const [contract] = await findContractsById(database, [contractId]);
  const ws = await loadWeekState(database, contract!, weekStart, now);
  const candidates = ws.rows
    .map((r, i) => ({ start: weekStart.getTime() + r.o * 600_000, active: r.active, state: ws.states[i], kind: r.kind }))
    .filter((c) => c.state === 'billable' && c.kind === 'tracked')
    .sort((a, b) => a.active - b.active || a.start - b.start);
  const picked: number[] = [];
  for (const c of candidates) {
    if (picked.length === n) break;
    if (picked.every((p) => Math.abs(p - c.start) >= HOUR)) picked.push(c.start);
  }
  return picked.sort((a, b) => a - b).map((t) => new Date(t).toISOString());
}

/**
 * On the first run, the whole history. On a later run, last week's two disputes when last week
 * has none yet and the demo is at a time they wait (./clock.ts), so a demo started again weeks
 * later still has a dispute for the developer and one for the admin.
 */
export async function seedDemoReview(
  database: Database,
  blobs: BlobStore,
  demo: DemoContract[],
  now: Date,
  log: (m: string) => void,
  firstRun: boolean,
): Promise<void> {
  const client = await user(database, 'client@demo.test');
  const designer = await user(database, 'designer@demo.test');
  const admin = await user(database, 'admin@demo.test');
  const contractOf = (key: DemoContract['key']) => demo.find((c) => c.key === key)!.contractId;
  const thisWeek = weekStartOf(now);
  const lastWeek = addWeeks(thisWeek, -1);
  const weekBefore = addWeeks(thisWeek, -2);
  // The client disputes these slots of one demo contract.
  const dispute = (key: DemoContract['key'], starts: string[], reason: DisputeReason, comment: string, when: number) =>
    createDispute(database, client, { slots: starts.map((start) => ({ contractId: contractOf(key), start })), reason, comment }, at(when));

  if (!firstRun) {
    const waiting = demoHasWorkAt(now) && (await findWeekDisputes(database, contractOf('dev'), lastWeek)).length === 0;
    if (!waiting) return;
  }

  // The week before last: settled while in review (its Tuesday, Wednesday and Thursday).
  if (firstRun) {
    const t = addWeeks(weekBefore, 1).getTime() + 33 * HOUR; // Tuesday 09:00 after the week
    const starts = await pickSlots(database, contractOf('designer'), weekBefore, now, 2);
    if (starts.length === 2) {
      const d = await dispute('designer', starts, 'low_activity', 'Barely any input in these two slots. What was happening?', t);
      await answerSlot(database, designer, d.id, starts[0]!, { answer: 'accept', reply: 'Fair: I was on a call that was not about this project.' }, at(t + 5 * HOUR));
      await answerSlot(
        database,
        designer,
        d.id,
        starts[1]!,
        { answer: 'contest', reply: 'I was sketching on paper for the onboarding flow; the photo of the sketch is in the shared folder.' },
        at(t + 5 * HOUR + 60_000),
      );
      await commentOnDispute(database, admin, d.id, 'The sketch is in the folder with the right date. Resolving for the designer.', at(t + 26 * HOUR));
      await resolveSlot(database, admin, d.id, starts[1]!, { for: 'contractor', note: 'Offline design work, evidenced by the sketch.' }, at(t + 26 * HOUR + 60_000));
    }
  }

  // Last week: one dispute still open, one escalated. Both made before now.
  {
    const created = openDisputeCreatedAt(lastWeek, now).getTime();
    const devStarts = await pickSlots(database, contractOf('dev'), lastWeek, now, 3);
    if (devStarts.length === 3) {
      await dispute('dev', devStarts, 'not_work_related', 'These look like reading unrelated to the motion planner. Please explain.', created);
    }
    const designStarts = await pickSlots(database, contractOf('designer'), lastWeek, now, 2);
    if (designStarts.length === 2) {
      const d = await dispute('designer', designStarts, 'outside_scope', 'The brand refresh was not part of this contract.', created + 60_000);
      for (const [i, start] of designStarts.entries()) {
        await answerSlot(
          database,
          designer,
          d.id,
          start,
          { answer: 'contest', reply: 'The brand colours feed the app screens; we agreed on it in the kickoff call.' },
          at(Math.min(now.getTime() - 60_000, created + 20 * 60_000 + i * 60_000)),
        );
      }
    }
  }
  // This week: the developer redacted one screenshot (it showed a private message).
  if (firstRun) {
    const [start] = await pickSlots(database, contractOf('dev'), thisWeek, now, 1);
    const [contract] = await findContractsById(database, [contractOf('dev')]);
    if (start && contract) await redactSlot(database, blobs, await user(database, 'dev@demo.test'), contract, new Date(start), now);
  }
  log(firstRun ? 'demo: review history added (a settled dispute, an open one, an escalated one)' : "demo: last week's disputes added (an open one, an escalated one)");
}
