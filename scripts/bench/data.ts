// The bench's data, made in bulk with `insert … select … from generate_series(…)`: one company,
// one client user, the measured contract (every slot of several weeks tracked) and filler
// contracts, each with its own contractor (a contractor has one slot per start instant).
// The same SQL runs on PostgreSQL and on PGlite.
import { SLOTS_PER_WEEK } from '#contract/common.ts';

/** Runs one SQL statement with positional parameters and returns its rows. */
export type Exec = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The week that is measured, the server's clock, and the client who signs in. */
export const BENCH = {
  week: '2026-11-16',
  now: '2026-11-25T15:00:00Z',
  clientEmail: 'client@bench.test',
  password: 'bench-password',
} as const;

const WEEK_MS = 7 * 86_400_000;
export const weekStartDate = () => new Date(`${BENCH.week}T00:00:00.000Z`);

export interface BenchWorld {
  companyId: string;
  clientEmail: string;
  contractId: string;
  contractorId: string;
}

/** The company, its client user, and the measured contract with its contractor. */
export async function createBase(exec: Exec, passwordHash: string): Promise<BenchWorld> {
  const [company] = await exec(`insert into companies (name) values ('Bench Robotics') returning id`);
  const companyId = String(company!.id);
  await exec(
    `insert into users (email, name, role, company_id, password_hash) values ($1, 'Blake Bench', 'client', $2, $3)`,
    [BENCH.clientEmail, companyId, passwordHash],
  );
  const [dev] = await exec(
    `insert into users (email, name, role, password_hash, time_zone)
     values ('dev@bench.test', 'Dana Measured', 'contractor', $1, 'Europe/Berlin') returning id`,
    [passwordHash],
  );
  const contractorId = String(dev!.id);
  // A weekly cap below the tracked hours, so the week has billable, inactive and over-limit slots.
  const [contract] = await exec(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours, time_zone)
     values ($1, $2, 'Measured', 6000, 'USD', 60, 'Europe/Berlin') returning id`,
    [companyId, contractorId],
  );
  return { companyId, clientEmail: BENCH.clientEmail, contractId: String(contract!.id), contractorId };
}

/** Filler contracts `from`…`to` (inclusive): a contractor each, titled `Filler #i`, one screenshots row each. */
export async function addFillerContracts(exec: Exec, companyId: string, passwordHash: string, from: number, to: number) {
  await exec(
    `insert into users (email, name, role, password_hash)
     select 'k' || g || '@bench.test', 'Contractor ' || g, 'contractor', $1 from generate_series($2::int, $3::int) g`,
    [passwordHash, from, to],
  );
  await exec(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours)
     select $1, u.id, 'Filler #' || split_part(split_part(u.email, '@', 1), 'k', 2), 2500 + (g.i % 50) * 100, 'USD', 40
       from users u cross join lateral (select split_part(split_part(u.email, '@', 1), 'k', 2)::int as i) g
      where u.email like 'k%@bench.test' and g.i between $2 and $3`,
    [companyId, from, to],
  );
  await exec(
    `insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes)
     select c.id, md5(c.id::text) || md5(c.id::text || 's'), 'image/jpeg', 240000, 1600, 900,
            md5(c.id::text || 't') || md5(c.id::text || 'u'), 14000
       from contracts c
      where c.company_id = $1 and c.title like 'Filler #%' and split_part(c.title, '#', 2)::int between $2 and $3`,
    [companyId, from, to],
  );
}

// Per-minute input patterns for 0–10 active minutes: a minute is active when it had any input,
// so keyboard and mouse are non-zero on the same `a` minutes (m ↦ (7m + a) mod 10 is a bijection).
export const PATTERN = `pattern as (
  select a,
         array(select case when (m * 7 + a) % 10 < a then 12 + (a * 31 + m * 17) % 90 else 0 end from generate_series(0, 9) m) as kb,
         array(select case when (m * 7 + a) % 10 < a then 4 + (a * 13 + m * 7) % 50 else 0 end from generate_series(0, 9) m) as ms
    from generate_series(0, 10) a)`;

// A memo changes every 6–12 slots (per contract), a window title every 2 slots.
export const MEMO = `(array['Implement the week endpoint', 'Review pull requests', 'Fix flaky login test', 'Write the migration for disputes',
                     'Pair with Sam on the billing export', 'Investigate slow dashboard query', 'Refactor the slot state machine',
                     'Update API documentation', 'Triage support tickets', 'Design review: approval flow',
                     'Profile thumbnail loading', 'Standup and planning'])[1 + (b.memo % 12)]
       || ' — ' || (array['backend', 'dashboard', 'tracker', 'infra', 'QA', 'docs', 'billing', 'auth'])[1 + ((b.memo * 5) % 8)]
       || ' (#' || (1200 + b.memo) || ')'`;
export const TITLE = `format((array['week-service.ts — workdiary — Visual Studio Code', 'Pull request #%s · acme/workdiary — Chromium',
                             'Terminal — npm test — %s×48', 'Slack | #backend | Acme Robotics', 'Issue #%s: dispute thread — GitHub',
                             'psql — workdiary — %s rows', 'Figma — Diary grid v%s', 'Google Docs — Spec: weekly approval (%s)',
                             'Zoom Meeting', 'slots.ts — workdiary — Visual Studio Code', 'Stack Overflow — postgres index scan %s',
                             'localhost:5173/contracts — Chromium', 'Gmail — Inbox (%s)', 'Notion — Sprint %s board',
                             'docker compose logs — %s', 'MDN — IntersectionObserver — Firefox'])[1 + ((b.title * 7) % 16)],
                 10 + (b.title % 37))`;

/** Slot columns for step `s.n` of contract `k` (which has `k.i`), with `b.memo`, `b.title` and `p` in scope. */
function slotSelect(first: string, shaExpr: string, dupExpr: string) {
  return `select k.id, k.contractor_id, ${first} + s.n * interval '10 minutes', 'tracked', p.kb, p.ms, p.a,
                 ${MEMO}, ${TITLE}, ${shaExpr},
                 ${first} + s.n * interval '10 minutes' + make_interval(secs => 20 + (s.n * 37) % 560), ${dupExpr}`;
}

const ACTIVE = `cross join lateral (select (s.n * 7919 + k.i * 104729 + 13) % 1009 as h) x
  cross join lateral (select case when x.h % 19 = 0 then 0 else 3 + x.h % 8 end as a,
                             s.n / (6 + k.i % 7) as memo, s.n / 2 as title) b
  join pattern p on p.a = b.a`;

const COLUMNS = `(contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo, window_title,
                  screenshot_sha256, captured_at, duplicate)`;

/**
 * The slots of every filler contract and of the measured contract, in one statement and in
 * time order, as a live installation receives them: every contractor's slot of 10:00, then
 * every one of 10:10… so a contract's week is spread over the table, not packed together.
 * Filler contract i has `perContract` consecutive slots from (i mod 6) weeks before the
 * measured week, shifted by (i mod 144) slots; the measured contract has `measuredWeeks`
 * full weeks ending with the measured week, each slot with its own (fake) screenshots row.
 */
export async function addAllSlots(exec: Exec, world: BenchWorld, perContract: number, measuredWeeks: number) {
  const first = new Date(weekStartDate().getTime() - (measuredWeeks - 1) * WEEK_MS);
  const count = measuredWeeks * SLOTS_PER_WEEK;
  await addMeasuredScreenshots(exec, world, count);
  await exec(
    `with ${PATTERN},
     k as (
       select c.id, c.contractor_id, g.i, sh.sha256 as sha, false as measured, $3::int as cnt,
              $2::timestamptz - (g.i % 6) * interval '7 days' + (g.i % 144) * interval '10 minutes' as first
         from contracts c
         cross join lateral (select split_part(c.title, '#', 2)::int as i) g
         join screenshots sh on sh.contract_id = c.id
        where c.company_id = $1 and c.title like 'Filler #%'
       union all
       select id, contractor_id, 3, null, true, $5::int, $4::timestamptz from contracts where id = $6)
     insert into slots ${COLUMNS}
     ${slotSelect('k.first', `case when k.measured then ${MEASURED_SHA} else k.sha end`, 'false')}
       from k
       cross join lateral generate_series(0, k.cnt - 1) s(n)
       ${ACTIVE}
      order by 3, 1`,
    [world.companyId, weekStartDate(), perContract, first, count, world.contractId],
  );
}

const MEASURED_SHA = `md5(k.id::text || s.n) || md5(s.n || k.id::text)`;

/** One fake screenshots row per slot of the measured contract (see MEASURED_SHA). */
async function addMeasuredScreenshots(exec: Exec, world: BenchWorld, count: number) {
  await exec(
    `insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes)
     select $1::uuid, md5($1::uuid::text || n) || md5(n || $1::uuid::text), 'image/jpeg', 180000 + (n * 7919) % 120000, 1600, 900,
            md5($1::uuid::text || 't' || n) || md5('t' || n || $1::uuid::text), 9000 + (n * 104729) % 9000
       from generate_series(0, $2::int - 1) n`,
    [world.contractId, count],
  );
}

/**
 * One week of the measured contract on screenshots already stored (`shas`), used
 * round-robin; a repeated image is flagged as a duplicate, as the upload path does.
 */
export async function addMeasuredWeek(exec: Exec, world: BenchWorld, shas: string[]) {
  await exec(
    `with ${PATTERN}
     insert into slots ${COLUMNS}
     ${slotSelect('$2::timestamptz', `($4::text[])[1 + s.n % cardinality($4::text[])]`, `s.n >= cardinality($4::text[])`)}
       from (select id, contractor_id, 3 as i from contracts where id = $1) k
       cross join generate_series(0, $3::int - 1) s(n)
       ${ACTIVE}`,
    [world.contractId, weekStartDate(), SLOTS_PER_WEEK, shas],
  );
}

export interface DatasetFacts {
  slotsTotal: number;
  contracts: number;
  measuredWeekSlots: number;
}

export async function datasetFacts(exec: Exec, world: BenchWorld): Promise<DatasetFacts> {
  const [a] = await exec(`select count(*)::int as n from slots`);
  const [b] = await exec(`select count(*)::int as n from contracts`);
  const start = weekStartDate();
  const [c] = await exec(
    `select count(*)::int as n from slots where contract_id = $1 and start >= $2 and start < $3 and deleted_at is null`,
    [world.contractId, start, new Date(start.getTime() + WEEK_MS)],
  );
  return { slotsTotal: Number(a!.n), contracts: Number(b!.n), measuredWeekSlots: Number(c!.n) };
}

/**
 * Builds a whole dataset: the base, `fillerContracts` filler contracts (in batches,
 * reporting progress), then all slots: `perContract` per filler contract and
 * `measuredWeeks` full weeks for the measured contract.
 */
export async function buildDataset(
  exec: Exec,
  passwordHash: string,
  opts: { fillerContracts: number; perContract: number; measuredWeeks: number; batch?: number; progress?: (msg: string) => void },
): Promise<BenchWorld> {
  const world = await createBase(exec, passwordHash);
  const batch = opts.batch ?? 500;
  for (let from = 1; from <= opts.fillerContracts; from += batch) {
    await addFillerContracts(exec, world.companyId, passwordHash, from, Math.min(opts.fillerContracts, from + batch - 1));
  }
  const t = performance.now();
  await addAllSlots(exec, world, opts.perContract, opts.measuredWeeks);
  const n = opts.fillerContracts * opts.perContract + opts.measuredWeeks * SLOTS_PER_WEEK;
  opts.progress?.(`${n.toLocaleString('en-US')} slots inserted in time order in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return world;
}
