// The 10M-slot dataset's SQL (load-10m.ts runs it): one company and its client, 40 contracts
// with a contractor each, and five years of full weeks on every one of them, made on the
// server with `insert … select … from generate_series(…)` a few weeks at a time, in time
// order as a live installation receives them. The columns are the ones the upload writes:
// activity arrays, memo, window title, the screenshot row and its sha, the capture time; and
// now and then a manual slot, a deleted slot (no image, no title, as markSlotDeleted leaves
// it) and two neighbours showing the same image (both flagged duplicate, one screenshots row).
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import { BENCH, MEMO, PATTERN, TITLE, createBase, weekStartDate, type BenchWorld, type Exec } from './data.ts';

export const SCALE = {
  contracts: 40,
  weeks: 260,
  /** Weeks written per statement. */
  chunkWeeks: 4,
  /** The measured weeks: spread over the five years, each on another contract. */
  measured: 8,
} as const;

const WEEK_MS = 7 * 86_400_000;
/** The first week's Monday: the dataset ends with the bench's measured week. */
export const firstWeek = () => new Date(weekStartDate().getTime() - (SCALE.weeks - 1) * WEEK_MS);

/**
 * Image sizes as the tracker sends them (WebP at quality 70, 1920 px wide at most) and the
 * server's WebP thumbnail: 50–114 KB and about 4 KB from the demo's screens and the bench's
 * desktops (docs/scaling.md, "Bytes per slot"). Each row's size varies around those.
 */
export const SHOT = { mime: 'image/webp', width: 1920, height: 1080, bytes: 50_000, spread: 64_000, thumbBytes: 3_400, thumbSpread: 1_600 };

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'America/Sao_Paulo', 'Europe/Warsaw', 'Asia/Manila', 'Africa/Lagos'];

/** The company, its client, the first contract (createBase's) and 39 more, with yearly raises and approved weeks. */
export async function createScaleBase(exec: Exec, passwordHash: string): Promise<BenchWorld> {
  const world = await createBase(exec, passwordHash);
  await exec(
    `insert into users (email, name, role, password_hash, time_zone)
     select 's' || g || '@bench.test', 'Scale Contractor ' || g, 'contractor', $1, ($2::text[])[1 + g % $3::int]
       from generate_series(2, $4::int) g`,
    [passwordHash, ZONES, ZONES.length, SCALE.contracts],
  );
  await exec(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours, time_zone, manual_time_allowed, created_at)
     select $1, u.id, 'Scale #' || g.i, 2500 + (g.i % 30) * 150, (array['USD', 'EUR', 'GBP'])[1 + g.i % 3],
            case when g.i % 4 = 0 then null else 40 + g.i % 20 end, u.time_zone, g.i % 3 = 0, $2::timestamptz
       from users u cross join lateral (select split_part(split_part(u.email, '@', 1), 's', 2)::int as i) g
      where u.email like 's%@bench.test'`,
    [world.companyId, firstWeek()],
  );
  // A raise on the first Monday of each year after the first, and every week approved (one in
  // five automatically) except the last two, which are in review.
  await exec(
    `insert into contract_terms (contract_id, effective_from, hourly_rate, weekly_limit_hours, manual_time_allowed, changed_at)
     select k.id, m, k.hourly_rate + 200 * y, k.weekly_limit_hours, k.manual_time_allowed, m - interval '5 days'
       from contracts k
       cross join generate_series(1, 4) y
       cross join lateral (select $2::timestamptz + y * 52 * interval '7 days' as m) w
      where k.company_id = $1`,
    [world.companyId, firstWeek()],
  );
  await exec(
    `insert into week_approvals (contract_id, week_start, kind, approved_at, approved_by, hourly_rate, weekly_limit_hours,
                                 manual_time_allowed, currency, minutes, amounts)
     select k.id, w, case when auto then 'auto' else 'manual' end, w + interval '9 days', case when auto then null else c.id end,
            k.hourly_rate, k.weekly_limit_hours, k.manual_time_allowed, k.currency,
            '{"billable":2400,"manual":60,"inactive":310,"overLimit":7310,"held":0,"refunded":0,"total":10080}',
            json_build_object('billable', k.hourly_rate * 40, 'held', 0, 'refunded', 0)
       from contracts k
       cross join generate_series($2::timestamptz, $3::timestamptz, interval '7 days') w
       cross join lateral (select (extract(epoch from w)::bigint / 604800 + length(k.title)) % 5 = 0 as auto) a
       join users c on c.email = $4
      where k.company_id = $1`,
    [world.companyId, firstWeek(), new Date(weekStartDate().getTime() - 2 * WEEK_MS), BENCH.clientEmail],
  );
  return world;
}

// For slot n (10-minute steps from the first week's Monday) of contract k.i: a hash, and the
// classes it falls in. No class overlaps another, and two image-sharing slots never chain
// (consecutive hashes differ by 856, not a multiple of 41).
const hash = (n: string) => `((${n}) * 7919 + k.i * 104729 + 13) % 1009`;
const manual = (h: string) => `(${h} % 97 = 5)`;
const deleted = (h: string) => `(${h} % 499 = 7)`;
/** Slot n shows slot n - 1's image (the screen did not change). */
const reuses = (n: string) => `(${n} > 0 and ${hash(n)} % 41 = 0 and not ${manual(hash(`${n} - 1`))} and not ${deleted(hash(`${n} - 1`))})`;
const sha = (n: string) => `md5(k.id::text || (${n})) || md5((${n}) || k.id::text)`;

/**
 * Slots `from`…`to` (inclusive step numbers) of every contract, and their screenshots rows, in
 * one statement; `last` is the dataset's last step (its successor is never written).
 */
export async function addScaleSlots(exec: Exec, companyId: string, from: number, to: number, last: number) {
  await exec(
    `with ${PATTERN},
     k as (select id, contractor_id, coalesce(nullif(split_part(title, '#', 2), '')::int, 1) as i from contracts where company_id = $1),
     r as materialized (
       select k.id, k.contractor_id, k.i, s.n, $2::timestamptz + s.n * interval '10 minutes' as start,
              x.h, ${manual('x.h')} as manual, ${deleted('x.h')} as deleted, ${reuses('s.n')} as reuses,
              s.n < $5::int and ${reuses('s.n + 1')} as reused,
              case when ${reuses('s.n')} then ${sha('s.n - 1')} else ${sha('s.n')} end as sha
         from generate_series($3::int, $4::int) s(n)
         cross join k
         cross join lateral (select ${hash('s.n')} as h) x),
     b as (
       select r.*, case when r.manual or r.h % 19 = 0 then 0 else 3 + r.h % 8 end as a, r.n / (6 + r.i % 7) as memo, r.n / 2 as title
         from r),
     shots as (
       insert into screenshots (contract_id, sha256, mime, bytes, width, height, thumb_sha256, thumb_bytes, created_at)
       select b.id, b.sha, $6, $7::int + (b.h * 7919) % $8::int, $9, $10, md5(b.sha || 't') || md5('t' || b.sha),
              $11::int + (b.h * 104729) % $12::int, b.start + interval '10 minutes 40 seconds'
         from b where not (b.manual or b.deleted or b.reuses)
        order by b.n, b.i)
     insert into slots (contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo, window_title,
                        screenshot_sha256, captured_at, duplicate, deleted_at, created_at)
     select b.id, b.contractor_id, b.start, case when b.manual then 'manual' else 'tracked' end,
            case when b.manual then '{}' else p.kb end, case when b.manual then '{}' else p.ms end, b.a,
            ${MEMO},
            case when b.manual or b.deleted then '' else ${TITLE} end,
            case when b.manual or b.deleted then null else b.sha end,
            case when b.manual then null else b.start + make_interval(secs => 20 + (b.n * 37) % 560) end,
            b.reuses or b.reused,
            case when b.deleted then b.start + interval '3 hours' end,
            b.start + interval '10 minutes 40 seconds'
       from b join pattern p on p.a = b.a
      order by b.n, b.i`,
    [companyId, firstWeek(), from, to, last, SHOT.mime, SHOT.bytes, SHOT.spread, SHOT.width, SHOT.height, SHOT.thumbBytes, SHOT.thumbSpread],
  );
}

/**
 * Every slot of the dataset, SCALE.chunkWeeks weeks a statement, the statements shared out in
 * time order between the connections of `execs` (each takes the next when it is done);
 * `progress` after each one, with the weeks written so far.
 */
export async function addAllScaleSlots(execs: Exec[], companyId: string, progress: (weeksDone: number) => void) {
  const last = SCALE.weeks * SLOTS_PER_WEEK - 1;
  let next = 0;
  let done = 0;
  await Promise.all(
    execs.map(async (exec) => {
      for (let w = next; w < SCALE.weeks; w = next) {
        next += SCALE.chunkWeeks;
        const to = Math.min(SCALE.weeks, w + SCALE.chunkWeeks);
        await addScaleSlots(exec, companyId, w * SLOTS_PER_WEEK, to * SLOTS_PER_WEEK - 1, last);
        progress((done += to - w));
      }
    }),
  );
}

/**
 * The measured weeks: SCALE.measured of them from the first week to the last, in turn on the
 * contracts whose memo changes every 9 slots (i mod 7 = 3), like the 1M database's measured
 * contract, so that a week here carries as many memos as a week there.
 */
export async function measuredWeeks(exec: Exec, companyId: string): Promise<{ contractId: string; week: string }[]> {
  const i = `coalesce(nullif(split_part(title, '#', 2), '')::int, 1)`;
  const rows = await exec(`select id from contracts where company_id = $1 and ${i} % 7 = 3 order by ${i}`, [companyId]);
  return Array.from({ length: SCALE.measured }, (_, j) => {
    const w = Math.round((j * (SCALE.weeks - 1)) / (SCALE.measured - 1));
    return { contractId: String(rows[j % rows.length]!.id), week: new Date(firstWeek().getTime() + w * WEEK_MS).toISOString().slice(0, 10) };
  });
}
