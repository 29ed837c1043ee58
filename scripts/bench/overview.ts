// The overview's target: GET /api/overview answers in ≤ 50 ms p50 on PostgreSQL for a client
// with 50 contracts. Its own database, workdiary_bench_overview: the client's company with 50
// contracts, nine other companies with 450 more (so the reads must find the 50 among them),
// three weeks of working days on each, disputes open and escalated, terms changes and
// approvals; then one client over HTTP, as the week's figures are measured.
import pg from 'pg';
import { openDatabase } from '#server/db/client.ts';
import { hashPassword } from '#server/lib/password.ts';
import { startApiServer } from './api.ts';
import { BENCH } from './data.ts';
import { startLoadClient } from './load.ts';
import { fmtMs, row } from './report.ts';
import { summarize, type Summary } from './stats.ts';

const DB = 'workdiary_bench_overview';
const OURS = 50;
const OTHERS = 450;
const TARGET_P50_MS = 50;

export interface OverviewResult {
  contracts: number;
  slots: number;
  summary: Summary;
  errors: number;
  bodyBytes: number;
}

/** The dataset, in a handful of set-based statements (the same on every run, so it is remade each time). */
async function load(c: pg.Client) {
  const hash = await hashPassword(BENCH.password);
  const q = (text: string, params: unknown[] = []) => c.query(text, params);
  await q(`insert into companies (name) select 'Company ' || g from generate_series(0, 9) g`);
  await q(
    `insert into users (email, name, role, company_id, password_hash)
     select $1, 'Olive Overview', 'client', id, $2 from companies where name = 'Company 0'`,
    [BENCH.clientEmail, hash],
  );
  await q(
    `insert into users (email, name, role, password_hash)
     select 'c' || g || '@bench.test', 'Contractor ' || g, 'contractor', $1 from generate_series(1, $2::int) g`,
    [hash, OURS + OTHERS],
  );
  // The first 50 contractors work for Company 0; the rest are spread over the others. Rates,
  // caps and currencies vary so every rule of the week has work to do.
  await q(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours, manual_time_allowed)
     select (select id from companies where name = 'Company ' || case when n <= $1 then 0 else 1 + n % 9 end),
            u.id, 'Contract ' || n, 3000 + (n % 40) * 125, (array['USD', 'EUR', 'GBP'])[1 + n % 3],
            case when n % 4 = 0 then null else 30 + n % 15 end, n % 5 = 0
       from users u cross join lateral (select nullif(regexp_replace(split_part(u.email, '@', 1), '[^0-9]', '', 'g'), '')::int as n) x
      where u.role = 'contractor'`,
    [OURS],
  );
  // Working days 08:00–16:00 UTC from two weeks before the measured week's Monday up to the
  // bench's "now": about 48 slots a day, one in 13 idle.
  await q(
    `insert into slots (contract_id, contractor_id, start, kind, keyboard, mouse, active_minutes, memo, window_title)
     select k.id, k.contractor_id, t, 'tracked', '{5,5,5,5,5,5,5,5,5,5}', '{3,3,3,3,3,3,3,3,3,3}',
            case when (extract(epoch from t)::bigint / 600 + length(k.title)) % 13 = 0 then 0 else 4 + (extract(epoch from t)::bigint / 600) % 7 end,
            'Work on ' || k.title, 'editor — ' || k.title
       from contracts k
      cross join generate_series($1::timestamptz, $2::timestamptz - interval '10 minutes', interval '10 minutes') t
      where extract(isodow from t) <= 5 and extract(hour from t) between 8 and 15`,
    [new Date(Date.parse(`${BENCH.week}T00:00:00Z`) - 7 * 86_400_000), BENCH.now],
  );
  const client = `(select id from users where email = '${BENCH.clientEmail}')`;
  // Disputes on last week: six slots of one in five contracts; half of them past their answer deadline.
  await q(
    `with d as (
       insert into disputes (contract_id, week_start, status, reason, comment, created_by, created_at, answer_due)
       select k.id, $1::timestamptz, 'open', 'low_activity', '', ${client}, $2::timestamptz - interval '2 days',
              $2::timestamptz + case when row_number() over (order by k.id) % 2 = 0 then interval '1 day' else interval '-1 hour' end
         from contracts k join users u on u.id = k.contractor_id
        where nullif(regexp_replace(split_part(u.email, '@', 1), '[^0-9]', '', 'g'), '')::int % 5 = 1
       returning id, contract_id)
     insert into dispute_slots (contract_id, slot_start, dispute_id, status)
     select d.contract_id, $1::timestamptz + interval '1 day 9 hours' + g * interval '10 minutes', d.id, 'open'
       from d cross join generate_series(0, 5) g`,
    [BENCH.week, BENCH.now],
  );
  // A terms change from this week on one in seven contracts, and last week approved on one in six.
  await q(
    `insert into contract_terms (contract_id, effective_from, hourly_rate, weekly_limit_hours, manual_time_allowed, changed_at)
     select id, $1::timestamptz, hourly_rate, 20, true, $1::timestamptz - interval '3 days' from contracts where right(title, 1) = '7'`,
    [new Date(Date.parse(`${BENCH.week}T00:00:00Z`) + 7 * 86_400_000)],
  );
  await q(
    `insert into week_approvals (contract_id, week_start, kind, approved_at, approved_by, hourly_rate, weekly_limit_hours,
                                 manual_time_allowed, currency, minutes, amounts)
     select k.id, $1::timestamptz, 'manual', $2::timestamptz - interval '1 day', ${client}, k.hourly_rate, k.weekly_limit_hours,
            k.manual_time_allowed, k.currency, '{"billable":0,"manual":0,"inactive":0,"overLimit":0,"held":0,"refunded":0,"total":0}', '{"billable":0,"held":0,"refunded":0}'
       from contracts k where right(k.title, 1) = '6' and not exists (select 1 from disputes d where d.contract_id = k.id)`,
    [BENCH.week, BENCH.now],
  );
  await q(`vacuum (analyze) slots`);
  await q(`analyze`);
}

/** Measures the overview and adds its row to the report; a failure is an ERROR row, not a crash of the bench. */
export async function benchOverview(adminUrl: string, log: (msg: string) => void): Promise<OverviewResult | { error: string }> {
  console.log(`\nOverview (PostgreSQL, ${DB})`);
  const result = await measure(adminUrl, log).catch((err: Error) => ({ error: err.message }));
  if ('error' in result) {
    log(result.error);
    row('Overview', `GET /api/overview (${OURS} contracts, PostgreSQL)`, result.error, `p50 ≤ ${TARGET_P50_MS} ms`, 'ERROR');
  }
  return result;
}

async function measure(adminUrl: string, log: (msg: string) => void): Promise<OverviewResult | { error: string }> {
  const url = new URL(adminUrl);
  url.pathname = `/${DB}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DB} with (force)`);
    await admin.query(`create database ${DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: url.toString(), poolSize: 10 });
  const loader = new pg.Client({ connectionString: url.toString() });
  await loader.connect();
  const t0 = performance.now();
  try {
    await load(loader);
  } finally {
    await loader.end();
  }
  const [facts] = await database.query<{ contracts: number; slots: number }>(
    `select (select count(*)::int from contracts) as contracts, (select count(*)::int from slots) as slots`,
  );
  log(`${facts!.contracts} contracts (${OURS} the client's), ${facts!.slots.toLocaleString('en-US')} slots, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const server = await startApiServer(database);
  const client = startLoadClient();
  try {
    const overviewUrl = `${server.base}/api/overview`;
    const first = await fetch(overviewUrl, { headers: { cookie: server.cookie } });
    const body = await first.text();
    const seen = (JSON.parse(body) as { contracts?: unknown[] }).contracts?.length;
    if (first.status !== 200 || seen !== OURS) return { error: `GET /api/overview answered ${first.status} with ${seen} contracts, not ${OURS}` };
    log(`GET /api/overview: 100 warm-up + 500 requests, one client, keep-alive, gzip`);
    const r = await client.run({ kind: 'sequential', url: overviewUrl, headers: { cookie: server.cookie, 'accept-encoding': 'gzip' }, n: 500, warmup: 100 });
    const summary = summarize(r.latencies);
    const result = { contracts: OURS, slots: facts!.slots, summary, errors: r.errors, bodyBytes: Buffer.byteLength(body) };
    row('Overview', `GET /api/overview p50 / p99 (${OURS} contracts, PostgreSQL)`, `${fmtMs(summary.p50)} / ${fmtMs(summary.p99)}`, `p50 ≤ ${TARGET_P50_MS} ms`, r.errors ? 'ERROR' : summary.p50 <= TARGET_P50_MS ? 'PASS' : 'MISS');
    if (r.errors) row('Overview', 'errors', `${r.errors}: ${r.firstError}`, '0', 'ERROR');
    return result;
  } finally {
    await client.close();
    await server.close();
    await database.close();
  }
}
