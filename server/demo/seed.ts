// The demo: two client companies, three contractors and an admin, with the week before
// last, last week and this week so far filled with tracked work. Seeded relative to the
// server's clock; a later start adds the slots that have passed since the last one.
import { chainUnchainedSlots, signedSlotFields } from '../services/chain-service.ts';
import os from 'node:os';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { companies, contracts, screenshots, settings, slots, users } from '../db/schema.ts';
import { addWeeks, floorToSlot, weekStartOf } from '../domain/week.ts';
import { hashPassword } from '../lib/password.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { type DemoKey, DEMO_TIME_ZONES, planSlots, type PlannedSlot } from './plan.ts';
import { jobKey, renderShots, type ShotJob } from './render.ts';
import type { Progress } from './progress.ts';
import { PEOPLE } from './scenes/catalog.ts';
import { seedDemoReview } from './review.ts';
import { demoDeviceKey, seedDemoTrackers, signSlot } from './trackers.ts';

export const DEMO_PASSWORD = 'workdiary-demo';

/** The key in `settings` holding the instant up to which the demo has been seeded. */
export const SEEDED_UNTIL_KEY = 'demo.seededUntil';

/** How far back the demo reaches: the week before last. A longer gap is not back-filled. */
export const DEMO_WEEKS_BACK = 2;

type Role = 'client' | 'contractor' | 'admin';

interface AccountSpec {
  email: string;
  name: string;
  role: Role;
  company?: 'acme' | 'globex';
  timeZone: string;
  note: string;
}

const ACCOUNTS: readonly AccountSpec[] = [
  {
    email: 'client@demo.test',
    name: 'Alice Client',
    role: 'client',
    company: 'acme',
    timeZone: 'Europe/Berlin',
    note: 'Client at Acme Robotics: reviews the developer and the designer.',
  },
  {
    email: 'dev@demo.test',
    name: PEOPLE.dev,
    role: 'contractor',
    timeZone: DEMO_TIME_ZONES.dev,
    note: 'Developer for Acme Robotics (Europe/Berlin): 65 USD/h, 40 h weekly limit, coding a motion planner.',
  },
  {
    email: 'designer@demo.test',
    name: PEOPLE.designer,
    role: 'contractor',
    timeZone: DEMO_TIME_ZONES.designer,
    note: 'Designer for Acme Robotics (America/New_York): 55 USD/h, manual time allowed, 30 h weekly limit he goes over (about 36 h a week).',
  },
  {
    email: 'client2@demo.test',
    name: 'Greg Client',
    role: 'client',
    company: 'globex',
    timeZone: 'America/Los_Angeles',
    note: 'Client at Globex: reviews the technical writer. Sees nothing of Acme.',
  },
  {
    email: 'writer@demo.test',
    name: PEOPLE.writer,
    role: 'contractor',
    timeZone: DEMO_TIME_ZONES.writer,
    note: 'Technical writer for Globex (Asia/Kolkata): 42 EUR/h, 25 h weekly limit, part-time mornings.',
  },
  {
    email: 'admin@demo.test',
    name: 'Ada Admin',
    role: 'admin',
    timeZone: 'UTC',
    note: 'Administrator: runs the installation and settles escalated disputes. No company.',
  },
];

export const DEMO_ACCOUNTS: { email: string; role: 'client' | 'contractor' | 'admin'; note: string }[] = ACCOUNTS.map(
  ({ email, role, note }) => ({ email, role, note }),
);

const COMPANIES = { acme: 'Acme Robotics', globex: 'Globex' } as const;

interface ContractSpec {
  key: DemoKey;
  contractor: string;
  company: keyof typeof COMPANIES;
  title: string;
  hourlyRate: number;
  currency: string;
  weeklyLimitHours: number;
  manualTimeAllowed: boolean;
}

const CONTRACTS: readonly ContractSpec[] = [
  { key: 'dev', contractor: 'dev@demo.test', company: 'acme', title: 'Motion planning software (TypeScript)', hourlyRate: 6500, currency: 'USD', weeklyLimitHours: 40, manualTimeAllowed: false },
  { key: 'designer', contractor: 'designer@demo.test', company: 'acme', title: 'Website, app and brand design', hourlyRate: 5500, currency: 'USD', weeklyLimitHours: 30, manualTimeAllowed: true },
  { key: 'writer', contractor: 'writer@demo.test', company: 'globex', title: 'API documentation', hourlyRate: 4200, currency: 'EUR', weeklyLimitHours: 25, manualTimeAllowed: false },
];

export interface DemoContract {
  key: DemoKey;
  contractId: string;
  contractorId: string;
}

export interface SeedOptions {
  /** Parallel image encodes (default: 2 per core, 4 to 16). */
  concurrency?: number;
  /**
   * For tests only: seed the slots of these contracts and no others (accounts are all created).
   * The high-water mark still moves, so the other contracts then miss that stretch for good.
   */
  contracts?: readonly DemoKey[];
  /** Told how far the drawing and the writing have come. */
  progress?: Progress;
}

const SLOT_BATCH = 200;

/** Creates whatever demo companies, users and contracts are missing; returns the contracts. */
async function ensureAccounts(database: Database, createdAt: Date, log: (m: string) => void): Promise<DemoContract[]> {
  const { db } = database;
  const companyIds = {} as Record<keyof typeof COMPANIES, string>;
  for (const [k, name] of Object.entries(COMPANIES) as [keyof typeof COMPANIES, string][]) {
    const [found] = await db.select({ id: companies.id }).from(companies).where(eq(companies.name, name)).limit(1);
    companyIds[k] = found?.id ?? (await db.insert(companies).values({ name, createdAt }).returning({ id: companies.id }))[0]!.id;
  }
  const existing = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ACCOUNTS.map((a) => a.email)));
  const userIds = new Map(existing.map((u) => [u.email, u.id]));
  const missing = ACCOUNTS.filter((a) => !userIds.has(a.email));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD); // once: scrypt is slow on purpose
    const rows = await db
      .insert(users)
      .values(
        missing.map((a) => ({
          email: a.email,
          name: a.name,
          role: a.role,
          companyId: a.company ? companyIds[a.company] : null,
          passwordHash,
          timeZone: a.timeZone,
          createdAt,
        })),
      )
      .returning({ id: users.id, email: users.email });
    for (const r of rows) userIds.set(r.email, r.id);
    log(`demo: created ${rows.length} accounts (password ${DEMO_PASSWORD})`);
  }
  const out: DemoContract[] = [];
  for (const c of CONTRACTS) {
    const contractorId = userIds.get(c.contractor)!;
    const companyId = companyIds[c.company];
    const [found] = await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.contractorId, contractorId), eq(contracts.companyId, companyId)))
      .limit(1);
    const contractId =
      found?.id ??
      (
        await db
          .insert(contracts)
          .values({
            companyId,
            contractorId,
            title: c.title,
            hourlyRate: c.hourlyRate,
            currency: c.currency,
            weeklyLimitHours: c.weeklyLimitHours,
            manualTimeAllowed: c.manualTimeAllowed,
            timeZone: DEMO_TIME_ZONES[c.key],
            createdAt,
          })
          .returning({ id: contracts.id })
      )[0]!.id;
    out.push({ key: c.key, contractId, contractorId });
  }
  return out;
}

/**
 * Seeds the demo up to the clock's now: on the first run the week before last, last week and
 * this week so far; on a later run the slots from where the last run stopped. A slot is seeded
 * only once it is over (start + 10 min <= now). Deterministic for a given clock.
 */
export async function seedDemo(
  database: Database,
  blobs: BlobStore,
  clock: Clock,
  log: (msg: string) => void = () => {},
  options: SeedOptions = {},
): Promise<{ firstRun: boolean; slotsAdded: number; seededUntil: Date }> {
  const t0 = performance.now();
  const { db } = database;
  const now = clock.now();
  const until = floorToSlot(now);
  const [mark] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SEEDED_UNTIL_KEY));
  const previous = mark ? new Date(mark.value) : null;
  const firstRun = previous === null;
  const horizon = addWeeks(weekStartOf(now), -DEMO_WEEKS_BACK);
  const demo = await ensureAccounts(database, addWeeks(horizon, -1), log);
  if (previous && previous >= until) {
    return { firstRun, slotsAdded: 0, seededUntil: previous };
  }
  let from = horizon;
  if (previous && previous > horizon) from = previous;
  else if (previous) log(`demo: last seeded up to ${previous.toISOString()}; skipping to ${horizon.toISOString()}`);

  // Plan
  const scope = options.contracts ? demo.filter((c) => options.contracts!.includes(c.key)) : demo;
  const planned = scope.map((c) => ({ c, slots: planSlots(c.key, from, until) }));
  const jobs: ShotJob[] = [];
  for (const { c, slots: ps } of planned) for (const s of ps) if (s.shot) jobs.push({ namespace: c.contractId, shot: s.shot });
  const tPlan = performance.now();

  // Render and store the images
  const concurrency = options.concurrency ?? Math.min(16, Math.max(4, 2 * (os.availableParallelism?.() ?? os.cpus().length)));
  const progress = options.progress ?? (() => {});
  const { images, stats } = await renderShots(blobs, jobs, concurrency, (done, total) => progress('Drawing the demo screenshots', done, total));
  const tRender = performance.now();

  // Write the rows
  let slotsAdded = 0;
  const slotCount = planned.reduce((n, p) => n + p.slots.length, 0);
  let slotsWritten = 0;
  progress('Writing the demo slots', 0, slotCount);
  await db.transaction(async (tx) => {
    for (const { c, slots: ps } of planned) {
      const shotRows = new Map<string, typeof screenshots.$inferInsert>();
      const slotRows: (typeof slots.$inferInsert)[] = [];
      const device = demoDeviceKey(c.key).privateKey;
      for (const s of ps) {
        const img = s.shot ? images.get(jobKey({ namespace: c.contractId, shot: s.shot })) : undefined;
        if (s.shot && !img) throw new Error(`demo: no image for ${s.start.toISOString()}`);
        if (img && !shotRows.has(img.sha256)) {
          shotRows.set(img.sha256, { contractId: c.contractId, ...img, createdAt: uploadedAt(s, now) });
        }
        const accepted = { ...s, screenshotSha256: img?.sha256 ?? null };
        slotRows.push({
          contractId: c.contractId,
          contractorId: c.contractorId,
          start: s.start,
          kind: s.kind,
          keyboard: s.keyboard,
          mouse: s.mouse,
          activeMinutes: s.activeMinutes,
          memo: s.memo,
          windowTitle: s.windowTitle,
          screenshotSha256: accepted.screenshotSha256,
          capturedAt: s.capturedAt,
          // The contractor's tracker signed what it sent (manual time is typed in the dashboard: unsigned).
          deviceSignature: s.kind === 'tracked' ? signSlot(device, signedSlotFields(c.contractId, accepted)) : null,
          createdAt: uploadedAt(s, now),
        });
      }
      const shotList = [...shotRows.values()];
      for (let i = 0; i < shotList.length; i += SLOT_BATCH) {
        await tx.insert(screenshots).values(shotList.slice(i, i + SLOT_BATCH)).onConflictDoNothing();
      }
      for (let i = 0; i < slotRows.length; i += SLOT_BATCH) {
        const added = await tx
          .insert(slots)
          .values(slotRows.slice(i, i + SLOT_BATCH))
          .onConflictDoNothing()
          .returning({ start: slots.start });
        slotsAdded += added.length;
        slotsWritten += Math.min(SLOT_BATCH, slotRows.length - i);
        progress('Writing the demo slots', slotsWritten, slotCount);
      }
    }
    // Identical screenshots within a contract: every slot sharing one is flagged
    await tx.execute(sql`
      update ${slots} s set duplicate = true
      from (
        select contract_id, screenshot_sha256 from ${slots}
        where screenshot_sha256 is not null and deleted_at is null
          and contract_id in (${sql.join(demo.map((c) => sql`${c.contractId}::uuid`), sql`, `)})
        group by contract_id, screenshot_sha256 having count(*) > 1
      ) d
      where s.contract_id = d.contract_id and s.screenshot_sha256 = d.screenshot_sha256 and not s.duplicate`);
    await seedDemoTrackers(tx, scope, addWeeks(horizon, -1));
    await tx
      .insert(settings)
      .values({ key: SEEDED_UNTIL_KEY, value: until.toISOString() })
      .onConflictDoUpdate({ target: settings.key, set: { value: until.toISOString() } });
  });
  // Written in bulk above, the demo's slots get their receipts here, before the review's disputes.
  const devices = new Map(demo.map((c) => [c.contractId, demoDeviceKey(c.key).publicKey]));
  await chainUnchainedSlots(database, demo.map((c) => c.contractId), (contractId) => devices.get(contractId) ?? null);
  if (!options.contracts) await seedDemoReview(database, blobs, demo, now, log, firstRun);
  const tEnd = performance.now();
  log(
    `demo: ${firstRun ? 'seeded' : 'extended'} ${slotsAdded} slots from ${from.toISOString()} to ${until.toISOString()} ` +
      `(${stats.images} screenshots, ${stats.scenes} scenes) in ${((tEnd - t0) / 1000).toFixed(1)} s ` +
      `[plan ${((tPlan - t0) / 1000).toFixed(1)} s, images ${((tRender - tPlan) / 1000).toFixed(1)} s (scenes ${(stats.sceneMs / 1000).toFixed(1)} s cpu), rows ${((tEnd - tRender) / 1000).toFixed(1)} s]`,
  );
  return { firstRun, slotsAdded, seededUntil: until };
}

/** When the tracker uploaded the slot (a few seconds after it ended), or the contractor added it. */
function uploadedAt(s: PlannedSlot, now: Date): Date {
  const end = s.start.getTime() + 600_000;
  const delay = s.kind === 'manual' ? 3 * 3_600_000 : 4_000 + (s.start.getTime() / 600_000) % 37 * 1000;
  return new Date(Math.min(now.getTime(), end + delay));
}
