// The bench's report: one row a figure, beside its target and verdict, printed as a table.
import { SLOTS_PER_WEEK } from '#contract/common.ts';
import type { DashboardResult } from './dashboard.ts';
import { INGEST, type IngestResult } from './ingest.ts';
import { HOSTILE, type HostileResult } from './hostile.ts';
import { round } from './stats.ts';
import type { Breakdown, HttpBreakdown, LoadFigures, WeekCheck } from './api.ts';
import type { Prepared } from './databases.ts';

/** The load of an API section's concurrent runs. */
export const CONCURRENCY = { clients: 32, durationMs: 5_000 };
const KB = 1024;

export interface ApiSection {
  dataset: Prepared['facts'] & { origin: Prepared['origin']; loadSeconds: number };
  week: WeekCheck;
  sequential: LoadFigures;
  concurrent?: LoadFigures;
  floor?: LoadFigures;
  ratio?: number;
  browserEncoding?: LoadFigures;
  breakdown: Breakdown;
  http: HttpBreakdown;
  /** GET the timesheet of the same 1,008-slot week (in review), one client. */
  timesheet: LoadFigures;
}

export const log = (msg: string) => console.log(`  · ${msg}`);
export const fmtMs = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
export const fmtKb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
export const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');

type Verdict = 'PASS' | 'MISS' | 'ERROR' | '';
interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  verdict: Verdict;
}
export const rows: Row[] = [];
export const row = (section: string, figure: string, value: string, target = '', verdict: Verdict = '') => rows.push({ section, figure, value, target, verdict });
const check = (ok: boolean | null): Verdict => (ok === null ? 'ERROR' : ok ? 'PASS' : 'MISS');

/** A run's result to report, or nothing: a run that did not happen adds no row, a failed one its error. */
function reported<T extends object>(section: string, figure: string, r: T | { error: string } | undefined): T | undefined {
  if (!r) return undefined;
  if ('error' in r) {
    row(section, figure, r.error, '', 'ERROR');
    return undefined;
  }
  return r;
}


export function apiRows(section: string, result: ApiSection | { error: string } | undefined, p50Target: number, p99Target?: number) {
  const r = reported(section, 'week API', result);
  if (!r) return;
  const s = r.sequential.summary;
  row(section, 'table size', `${fmtInt(r.dataset.slotsTotal)} slots (${r.dataset.origin})`, section === 'PostgreSQL' ? '≥ 1,000,000' : '', section === 'PostgreSQL' ? check(r.dataset.slotsTotal >= 1_000_000) : '');
  row(section, 'week slots / memos / titles', `${r.week.slots} / ${r.week.memos} / ${r.week.titles}`, '1008 slots', check(r.week.slots === SLOTS_PER_WEEK));
  row(section, 'week p50 (1 client, HTTP, gzip)', fmtMs(s.p50), `≤ ${p50Target} ms`, check(s.p50 <= p50Target));
  row(section, 'week p99 (1 client, HTTP, gzip)', fmtMs(s.p99), p99Target ? `≤ ${p99Target} ms` : '', p99Target ? check(s.p99 <= p99Target) : '');
  if (r.sequential.errors) row(section, 'errors (sequential)', `${r.sequential.errors}: ${r.sequential.firstError}`, '0', 'ERROR');
  if (r.concurrent && r.floor && r.ratio !== undefined) {
    const c = r.concurrent;
    row(section, `week req/s (${CONCURRENCY.clients} clients, HTTP)`, `${fmtInt(c.perSecond)} req/s (p50 ${fmtMs(c.summary.p50)}, p99 ${fmtMs(c.summary.p99)})`);
    row(section, `floor ops/s (${CONCURRENCY.clients}-way, in process)`, `${fmtInt(r.floor.perSecond)} ops/s (p50 ${fmtMs(r.floor.summary.p50)})`);
    row(section, 'ratio API / floor', r.ratio.toFixed(2), '≥ 0.5', check(r.ratio >= 0.5));
    if (c.errors) row(section, 'errors (concurrent)', `${c.errors}: ${c.firstError}`, '0', 'ERROR');
  }
  const ts = r.timesheet.summary;
  row(section, 'timesheet p50 / p99 (1 client, HTTP)', `${fmtMs(ts.p50)} / ${fmtMs(ts.p99)}`, section === 'PostgreSQL' ? 'p99 ≤ 25 ms' : '', section === 'PostgreSQL' ? check(ts.p99 <= 25) : '');
  row(section, 'week body gzip', fmtKb(r.week.gzipBytes), '≤ 60 KB', check(r.week.gzipBytes <= 60 * KB));
  row(section, 'week body raw', fmtKb(r.week.rawBytes));
  if (r.browserEncoding) {
    row(section, "week p50 / p99, browser's accept-encoding (br)", `${fmtMs(r.browserEncoding.summary.p50)} / ${fmtMs(r.browserEncoding.summary.p99)}`);
  }
  const b = r.breakdown;
  row(section, 'HTTP p50: GET /api/auth/me / week uncompressed', `${fmtMs(r.http.me.p50)} / ${fmtMs(r.http.weekIdentity.p50)}`);
  row(
    section,
    'breakdown p50: session / context / slots SQL',
    `${fmtMs(b.sessionQuery.p50)} / ${fmtMs(b.contextQuery.p50)} / ${fmtMs(b.weekQuery.p50)}`,
  );
  row(section, 'breakdown p50: reads + weekPayload / stringify / gzip', `${fmtMs(b.buildWeek.p50)} / ${fmtMs(b.stringify.p50)} / ${fmtMs(b.gzip.p50)}`);
  if (b.plan) row(section, 'EXPLAIN ANALYZE week query', `${fmtMs(b.plan.executionMs)} exec, ${fmtMs(b.plan.planningMs)} plan; ${b.plan.lines[0]?.trim().replace(/\s+\(cost.*$/, '')}`);
}

export function ingestRows(result: IngestResult | { error: string } | undefined) {
  const section = 'Ingestion';
  const r = reported(section, 'ingestion', result);
  if (!r) return;
  const u = r.uploads;
  row(section, `slots/s (${INGEST.uploaders} trackers, 1920×1080 PNG, HTTP)`, `${u.perSecond.toFixed(1)} slots/s (${fmtInt(u.count)} in ${INGEST.durationMs / 1000} s; ${fmtKb(r.images.meanBytes)} each)`);
  row(section, 'upload p50 / p99', `${fmtMs(u.summary.p50)} / ${fmtMs(u.summary.p99)}`);
  row(
    section,
    `floor: makeThumbnail alone (${INGEST.uploaders} in flight)`,
    `${r.floor.perSecond.toFixed(1)} thumbnails/s (before ${r.floor.before.toFixed(1)}, after ${r.floor.after.toFixed(1)}; p50 ${fmtMs(r.floor.summary.p50)})`,
  );
  row(section, 'ratio ingestion / floor', r.ratio.toFixed(2), '≥ 0.6', check(r.ratio >= 0.6));
  row(section, 'slots stored / uploads answered 201', `${fmtInt(r.stored.rows)} / ${fmtInt(r.stored.expected)}`, 'equal', check(r.stored.rows === r.stored.expected));
  if (u.errors) row(section, 'errors', `${u.errors}: ${u.firstError}`, '0', 'ERROR');
}

/** The issue's line: how many of the burst were refused, and the server's peak memory. */
export function hostileLine(r: HostileResult) {
  const ok = r.refused4xx === r.sent && r.rssMb.peak < HOSTILE.rssTargetMb;
  return `hostile burst: ${r.refused4xx} of ${r.sent} answered 4xx, peak RSS ${Math.round(r.rssMb.peak)} MB (target < 1 GB): ${ok ? 'PASS' : 'MISS'}`;
}

export function hostileRows(result: HostileResult | { error: string } | undefined) {
  const section = 'Hostile';
  const r = reported(section, 'hostile burst', result);
  if (!r) return;
  row(section, `${r.sent} hostile uploads at once: answered 4xx`, `${r.refused4xx} of ${r.sent} in ${(r.burstMs / 1000).toFixed(1)} s`, `${r.sent} of ${r.sent}`, check(r.refused4xx === r.sent));
  row(section, 'server peak RSS (VmHWM)', `${Math.round(r.rssMb.peak)} MB (${Math.round(r.rssMb.started)} MB once started)`, '< 1 GB', check(r.rssMb.peak < HOSTILE.rssTargetMb));
  row(section, 'a normal upload afterwards', String(r.normalStatus), '201', check(r.normalStatus === 201));
}

export function dashboardRows(d: DashboardResult | undefined) {
  if (!d) return;
  const section = 'Dashboard';
  if (!d.built) {
    row(section, 'dashboard', `not built${d.reason ? `: ${d.reason.split('\n')[0]}` : ''}`);
    return;
  }
  const js = d.initialJs!;
  row(section, `initial JS gzip -9 (${js.files.length} files)`, `${fmtKb(js.gzipBytes)} (${fmtKb(js.bytes)} raw)`, '≤ 160 KB', check(js.gzipBytes <= 160 * KB));
  const diary = d.diary;
  if (!diary) {
    row(section, 'diary in Chromium', d.reason ?? 'not measured', '', 'ERROR');
    return;
  }
  if (diary.thumbnailsMs !== null) {
    row(
      section,
      `first-viewport thumbnails complete (${diary.thumbnailsInViewport} imgs)`,
      `${fmtMs(diary.thumbnailsMs)} (median of ${diary.visits.map((v) => (v === null ? 'error' : Math.round(v))).join(', ')})`,
      '≤ 800 ms',
      check(diary.thumbnailsMs <= 800),
    );
  } else {
    row(section, 'first-viewport thumbnails complete', diary.thumbnailsError ?? 'error', '≤ 800 ms', 'ERROR');
  }
  const click = diary.firstClick;
  const clickErrors = diary.clicks.filter((c) => c.lightboxMs === null);
  if (click) {
    row(
      section,
      'first working click: lightbox shown',
      `${fmtMs(click.lightboxMs)}; thumbnail visible at ${fmtMs(click.visibleMs)}, click answered at ${fmtMs(click.answeredMs)} (median of ${diary.clicks.map((c) => (c.lightboxMs === null ? 'error' : Math.round(c.lightboxMs))).join(', ')})`,
      '≤ 1,000 ms',
      check(click.lightboxMs! <= 1000),
    );
    const lost = diary.clicks.map((c) => c.lostClicks ?? 0);
    row(section, 'clicks lost before it (all visits)', `${lost.reduce((a, n) => a + n, 0)} (per visit: ${lost.join(', ')})`, '0', check(lost.every((n) => n === 0)));
  }
  if (clickErrors.length) row(section, 'first working click', `${clickErrors.length} visits: ${clickErrors[0]!.error ?? 'no lightbox'}`, '', 'ERROR');
  const warm = diary.warmMedian;
  if (warm) {
    row(
      section,
      'warm revisit: first-viewport thumbnails complete',
      `${fmtMs(warm.thumbnailsMs)} (median of ${diary.warm.map((w) => (w.thumbnailsMs === null ? 'error' : Math.round(w.thumbnailsMs))).join(', ')})`,
      '≤ 400 ms',
      check(warm.thumbnailsMs! <= 400),
    );
    const fromServer = diary.warm.reduce((a, w) => a + w.thumbnailsFromServer, 0);
    const loaded = diary.warm.reduce((a, w) => a + w.thumbnailsLoaded, 0);
    const cached = diary.warm.reduce((a, w) => a + w.thumbnailsFromCache, 0);
    row(section, 'warm revisit: thumbnails downloaded again', `${fromServer} reached the server; the cache served ${cached} of ${loaded} loaded`, '0', check(fromServer === 0 && cached === loaded));
  } else {
    row(section, 'warm revisit', diary.warm.find((w) => w.error)?.error ?? 'not measured', '≤ 400 ms', 'ERROR');
  }
  const tl = diary.timeline;
  if (diary.timelineError) row(section, 'timeline', diary.timelineError, '', 'ERROR');
  if (tl) {
    const firstLoad = tl.requests.filter((r) => /\.(js|css)$/.test(r.path) && r.start < tl.htmlEnd + 200).length;
    row(section, 'timeline: HTML / JS+CSS loaded', `${fmtMs(tl.htmlEnd)} / ${fmtMs(tl.scriptsEnd)} (${firstLoad} files)`);
    // `sent` is when the request had a connection: a gap from `start` is a wait for one.
    for (const a of tl.api) row(section, `timeline: GET ${a.path}`, `${fmtMs(a.start)}, sent ${fmtMs(a.sent)} → ${fmtMs(a.end)}`);
    row(
      section,
      'timeline: thumbnails before the viewport was complete',
      `${tl.thumbnailsStartedBefore} requested from ${fmtMs(tl.firstThumbnailStart)}; each p50 ${fmtMs(tl.thumbnailP50)}, max ${fmtMs(tl.thumbnailMax)}`,
    );
    const busy = tl.longTasks.reduce((a, t) => a + t.duration, 0);
    row(section, 'timeline: main-thread long tasks until then', `${tl.longTasks.length} tasks, ${fmtMs(busy)} (longest ${fmtMs(Math.max(0, ...tl.longTasks.map((t) => t.duration)))})`);
  }
  const ra = diary.reviewActions;
  if (ra.error) row(section, 'dispute / approve shown (optimistic)', ra.error, '< 100 ms', 'ERROR');
  else {
    row(section, 'dispute shown after the click (optimistic)', fmtMs(ra.disputeMs), '< 100 ms', check(ra.disputeMs === null ? null : ra.disputeMs < 100));
    row(section, 'approval shown after the click (optimistic)', fmtMs(ra.approveMs), '< 100 ms', check(ra.approveMs === null ? null : ra.approveMs < 100));
  }
  row(section, 'thumbnail requests (whole visit)', fmtInt(diary.thumbnailRequests));
  if (diary.entryJs) {
    row(
      section,
      'entry JS GET alone: p50 br / uncompressed',
      `${fmtMs(diary.entryJs.brMs)} (${fmtKb(diary.entryJs.brBytes)}) / ${fmtMs(diary.entryJs.identityMs)} (compressed per request)`,
    );
  }
  row(
    section,
    'thumbnail GET alone: p50 / 30 over 6 connections',
    `${fmtMs(diary.thumbnails.sequential.p50)} / ${fmtMs(diary.thumbnails.burst30Ms)} (PGlite, no browser)`,
  );
  if (diary.domError) row(section, 'DOM elements', diary.domError, '≤ 4,000', 'ERROR');
  else {
    row(section, 'DOM elements after load', fmtInt(diary.domAfterLoad ?? NaN), '≤ 4,000', check(diary.domAfterLoad === null ? null : diary.domAfterLoad <= 4000));
    row(section, 'DOM elements at the bottom (max while scrolling)', `${fmtInt(diary.domAtBottom ?? NaN)} (${fmtInt(diary.domMaxWhileScrolling ?? NaN)})`, '≤ 4,000', check(diary.domMaxWhileScrolling === null ? null : diary.domMaxWhileScrolling <= 4000));
  }
  if (diary.consoleErrors.length) row(section, 'console errors', diary.consoleErrors.join(' | '), '', 'ERROR');
}

export function printTable() {
  const head: Row = { section: 'section', figure: 'figure', value: 'measured', target: 'target', verdict: '' };
  const all = [head, ...rows];
  const w = (k: keyof Row, max: number) => Math.min(max, Math.max(...all.map((r) => r[k].length)));
  const ws = { section: w('section', 12), figure: w('figure', 52), value: w('value', 70), target: w('target', 14) };
  const line = (r: Row) =>
    `${r.section.padEnd(ws.section)}  ${r.figure.padEnd(ws.figure)}  ${r.value.padEnd(ws.value)}  ${r.target.padEnd(ws.target)}  ${r.verdict}`.trimEnd();
  console.log(`\n${line(head)}\n${'-'.repeat(ws.section + ws.figure + ws.value + ws.target + 14)}`);
  let last = '';
  for (const r of rows) {
    console.log(line({ ...r, section: r.section === last ? '' : r.section }));
    last = r.section;
  }
  const judged = rows.filter((r) => r.verdict);
  const pass = judged.filter((r) => r.verdict === 'PASS').length;
  console.log(`\n${pass} of ${judged.length} targets met${judged.length > pass ? `: ${judged.filter((r) => r.verdict !== 'PASS').map((r) => `${r.section} ${r.figure} (${r.verdict})`).join('; ')}` : ''}. KB = 1,024 bytes.`);
}

/** Rounds every number in the results for the JSON file. */
export const tidy = (v: unknown): unknown =>
  typeof v === 'number' ? round(v, 3) : Array.isArray(v) ? v.map(tidy) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tidy(x)])) : v;
