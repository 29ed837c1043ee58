// What each demo contractor did, slot by slot: a pure function of the contract and the time.
// A day's shape (start, lunch, tasks, manual block, duplicate) comes from a PRNG keyed by
// (contract, local date); a slot's details (activity, capture second, scroll, cursor) from
// one keyed by (contract, slot start). Nothing depends on when the seeding runs.
import { TZDate } from '@date-fns/tz';
import { SLOT_MS } from '#contract/common.ts';
import { type Rng, rngFor } from './prng.ts';
import { LOCK, sceneDef } from './scenes/catalog.ts';
import type { LocalTime, Os } from './scenes/desktop.ts';
import { type BuiltScene, buildScene, type ShotParams } from './scenes/scene.ts';

export type DemoKey = 'dev' | 'designer' | 'writer';

type Activity = 'code' | 'terminal' | 'browse' | 'design' | 'chat' | 'write' | 'sheet';

interface Task {
  memo: string;
  scenes: readonly (readonly [string, number])[];
}

interface Profile {
  key: DemoKey;
  tz: string;
  os: Os;
  /** Local start of the working day, minutes after midnight. */
  start: number;
  /** Minutes worked on a normal weekday. */
  workMinutes: number;
  /** Local time lunch starts, minutes after midnight; null for a short day without lunch. */
  lunchAt: number | null;
  saturdayChance: number;
  fridayShortChance: number;
  dayOffChance: number;
  manualChance: number;
  dupChance: number;
  tasks: readonly Task[];
  manual: readonly string[];
}

const PROFILES: Record<DemoKey, Profile> = {
  dev: {
    key: 'dev',
    tz: 'Europe/Berlin',
    os: 'linux',
    start: 9 * 60,
    workMinutes: 460,
    lunchAt: 12 * 60 + 40,
    saturdayChance: 0.05,
    fridayShortChance: 0.5,
    dayOffChance: 0.03,
    manualChance: 0,
    dupChance: 0.2,
    tasks: [
      { memo: 'Path planner: collision checks', scenes: [['code-collision', 5], ['code-planner', 3], ['term-tests', 2], ['web-broadphase', 2], ['code-planner-term', 2]] },
      { memo: 'Inverse kinematics: joint limits', scenes: [['code-kinematics', 6], ['web-wiki-ik', 2], ['web-so-dls', 2], ['term-tests', 1]] },
      { memo: 'Fix flaky planner test (timeout in CI)', scenes: [['code-test', 4], ['term-flaky', 3], ['code-planner', 3], ['term-git', 1]] },
      { memo: 'Code review: PR #142 trajectory smoothing', scenes: [['web-pr-files', 5], ['web-pr-conversation', 2], ['code-controller', 1]] },
      { memo: 'Controller: e-stop handling', scenes: [['code-controller', 6], ['term-sim', 3], ['term-git', 1]] },
      { memo: 'Telemetry: websocket backpressure', scenes: [['code-telemetry', 5], ['web-mdn-ws', 2], ['term-sim', 2]] },
      { memo: 'Sprint planning, standup notes', scenes: [['web-jira', 4], ['chat-arm', 3]] },
      { memo: 'Gripper BOM: cost estimate for Alice', scenes: [['web-bom', 5], ['chat-arm', 1]] },
      { memo: '', scenes: [['code-planner', 2], ['chat-arm', 2], ['term-git', 2], ['web-jira', 1]] },
    ],
    manual: [],
  },
  designer: {
    key: 'designer',
    tz: 'America/New_York',
    os: 'mac',
    start: 9 * 60,
    workMinutes: 420,
    lunchAt: 12 * 60 + 30,
    saturdayChance: 0.35,
    fridayShortChance: 0.1,
    dayOffChance: 0.02,
    manualChance: 0.45,
    dupChance: 0.2,
    tasks: [
      { memo: 'Homepage hero: high-fidelity option B', scenes: [['figma-landing', 7], ['web-shots-landing', 2], ['web-competitor', 1]] },
      { memo: 'Onboarding screens v2', scenes: [['figma-onboarding', 7], ['chat-design', 1]] },
      { memo: 'Fleet dashboard UI', scenes: [['figma-dashboard', 6], ['web-shots-dashboard', 2]] },
      { memo: 'Logo refinements, round 2', scenes: [['figma-logos', 6], ['web-fonts', 2]] },
      { memo: 'Icon set: 24 px line icons', scenes: [['figma-icons', 5], ['figma-system', 1]] },
      { memo: 'Design system: colour & type', scenes: [['figma-system', 5], ['web-fonts', 1]] },
      { memo: 'Client feedback, email', scenes: [['web-mail', 3], ['chat-design', 3], ['figma-landing', 1]] },
      { memo: '', scenes: [['web-shots-landing', 2], ['web-mail', 1], ['figma-onboarding', 2]] },
    ],
    manual: ['Call with Alice: homepage review', 'Paper sketches: onboarding flow', 'Brand workshop at Acme (on site)', 'Call with marketing: launch assets'],
  },
  writer: {
    key: 'writer',
    tz: 'Asia/Kolkata',
    os: 'windows',
    start: 10 * 60,
    workMinutes: 270,
    lunchAt: null,
    saturdayChance: 0.1,
    fridayShortChance: 0.2,
    dayOffChance: 0.03,
    manualChance: 0,
    dupChance: 0.2,
    tasks: [
      { memo: 'Quickstart guide: first draft', scenes: [['word-quickstart', 5], ['web-apiref', 2], ['term-curl', 2]] },
      { memo: 'Authentication chapter', scenes: [['word-auth', 5], ['web-oauth', 2], ['web-apiref', 1]] },
      { memo: 'Webhooks reference', scenes: [['md-webhooks', 5], ['term-curl', 2], ['web-apiref', 1]] },
      { memo: 'Changelog 2.4', scenes: [['md-changelog', 5], ['web-mail', 1]] },
      { memo: 'Review comments from Globex', scenes: [['web-mail', 3], ['word-auth', 3], ['word-quickstart', 1]] },
    ],
    manual: [],
  },
};

export const DEMO_TIME_ZONES: Record<DemoKey, string> = { dev: PROFILES.dev.tz, designer: PROFILES.designer.tz, writer: PROFILES.writer.tz };

const LOCK_TITLES: Record<Os, string> = {
  linux: 'gnome-shell — Screen locked',
  mac: 'loginwindow',
  windows: 'Windows Default Lock Screen',
};

function activityOf(app: string): Activity {
  if (app.startsWith('code-')) return 'code';
  if (app.startsWith('md-') || app.startsWith('word-')) return 'write';
  if (app.startsWith('term-')) return 'terminal';
  if (app.startsWith('figma-')) return 'design';
  if (app.startsWith('chat-')) return 'chat';
  if (app === 'web-bom') return 'sheet';
  return 'browse';
}

// ---------------------------------------------------------------------------------------------
// Scene geometry, for scroll and cursor ranges (built once per process; strings only)

const built = new Map<string, BuiltScene>();
export function sceneGeometry(id: string): BuiltScene {
  let b = built.get(id);
  if (!b) {
    b = buildScene(sceneDef(id));
    built.set(id, b);
  }
  return b;
}

function scrollRange(id: string): number {
  const g = sceneGeometry(id);
  return g.viewport && g.content ? Math.max(g.content.w - g.viewport.w, g.content.h - g.viewport.h) : 0;
}

// ---------------------------------------------------------------------------------------------
// Planned slots

export interface ShotSpec extends ShotParams {
  sceneId: string;
  /** Identifies the rendered image: equal keys, equal bytes. */
  key: string;
}

export interface PlannedSlot {
  start: Date;
  kind: 'tracked' | 'manual';
  memo: string;
  windowTitle: string;
  keyboard: number[];
  mouse: number[];
  activeMinutes: number;
  capturedAt: Date | null;
  shot: ShotSpec | null;
  /** The plan made this slot's screenshot a copy of the slot before. */
  copiesPrevious: boolean;
  /** What the plan made suspicious about this slot on purpose, for the review to find. */
  planted: 'duplicate' | 'low_activity' | 'manual' | null;
}

function localTime(instant: Date, tz: string): LocalTime {
  const t = new TZDate(instant.getTime(), tz);
  return { year: t.getFullYear(), month: t.getMonth(), day: t.getDate(), dow: t.getDay(), hour: t.getHours(), minute: t.getMinutes() };
}

const localInstant = (y: number, m: number, d: number, minutes: number, tz: string) =>
  new Date(new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, 0, tz).getTime());

const ISO_DATE = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The local minutes (multiples of 10) worked on a day, in order; idle and lunch marked. */
interface DaySlot {
  minute: number;
  idle: boolean;
}

function workMinutes(p: Profile, rng: Rng, dow: number): DaySlot[] {
  const out: DaySlot[] = [];
  const push = (from: number, to: number, idle = false) => {
    for (let m = from; m < to; m += 10) out.push({ minute: m, idle });
  };
  if (dow === 0) return out;
  if (dow === 6) {
    if (!rng.chance(p.saturdayChance)) return out;
    const from = rng.pick([10 * 60, 10 * 60 + 30, 14 * 60, 15 * 60]);
    push(from, from + rng.int(9, 18) * 10);
    return out;
  }
  if (rng.chance(p.dayOffChance)) return out;
  let total = p.workMinutes + rng.int(-3, 3) * 10;
  if (dow === 5 && rng.chance(p.fridayShortChance)) total -= rng.int(6, 12) * 10;
  const start = p.start + rng.int(-3, 3) * 10;
  let t = start;
  let left = total;
  const session = (len: number) => {
    push(t, t + len);
    t += len;
    left -= len;
  };
  if (p.lunchAt !== null) {
    const lunchAt = p.lunchAt + rng.int(-2, 2) * 10;
    // Morning, with a coffee break sometimes
    if (rng.chance(0.5)) {
      const first = Math.max(60, Math.round((lunchAt - t) * rng.range(0.35, 0.6) / 10) * 10);
      session(first);
      t += rng.int(1, 2) * 10;
    }
    session(Math.max(0, lunchAt - t));
    // Tracker left running into lunch now and then
    if (rng.chance(0.3)) {
      const n = rng.int(1, 2);
      push(t, t + n * 10, true);
    }
    t += rng.int(4, 6) * 10;
    if (rng.chance(0.5) && left > 150) {
      session(Math.round((left * rng.range(0.4, 0.6)) / 10) * 10);
      t += rng.int(1, 2) * 10;
    }
    session(left);
  } else {
    if (left > 150 && rng.chance(0.6)) {
      session(Math.round((left * rng.range(0.4, 0.6)) / 10) * 10);
      t += rng.int(2, 4) * 10;
    }
    session(left);
  }
  // Forgot to stop the tracker at the end of the day
  if (rng.chance(0.25)) push(t, t + rng.int(1, 3) * 10, true);
  return out;
}

interface DayEntry {
  start: Date;
  idle: boolean;
  manual: boolean;
  task: Task;
  memo: string;
  copiesPrevious: boolean;
}

function planDay(p: Profile, y: number, m: number, d: number): DayEntry[] {
  const date = ISO_DATE(y, m, d);
  const rng = rngFor('demo', p.key, 'day', date);
  const dow = new Date(Date.UTC(y, m, d)).getUTCDay();
  const mins = workMinutes(p, rng, dow);
  const entries: DayEntry[] = mins.map((s) => ({
    start: localInstant(y, m, d, s.minute, p.tz),
    idle: s.idle,
    manual: false,
    task: p.tasks[0]!,
    memo: '',
    copiesPrevious: false,
  }));
  // Tasks of an hour or two, one after the other
  let i = 0;
  let prev: Task | undefined;
  while (i < entries.length) {
    const choices = p.tasks.filter((t) => t !== prev);
    const task = rng.pick(choices);
    const len = rng.int(6, 13);
    const memo = task.memo && rng.chance(0.92) ? task.memo : '';
    for (let k = i; k < Math.min(entries.length, i + len); k++) {
      entries[k]!.task = task;
      entries[k]!.memo = memo;
    }
    prev = task;
    i += len;
  }
  // Manual time: a call or sketching away from the computer
  if (p.manual.length && dow >= 1 && dow <= 5 && entries.length > 12 && rng.chance(p.manualChance)) {
    const len = rng.int(3, 6);
    const at = rng.int(2, entries.length - len - 2);
    const memo = rng.pick(p.manual);
    for (let k = at; k < at + len; k++) {
      const e = entries[k]!;
      if (e.idle) continue;
      e.manual = true;
      e.memo = memo;
    }
  }
  // Now and then, an idle slot in the middle of work, or a screenshot identical to the one before
  for (const e of entries) if (!e.manual && !e.idle && rng.chance(0.02)) e.idle = true;
  if (entries.length > 4 && rng.chance(p.dupChance)) {
    const candidates = entries
      .map((_, k) => k)
      .filter((k) => {
        const a = entries[k - 1];
        const b = entries[k]!;
        return a && !a.idle && !a.manual && !b.idle && !b.manual && b.start.getTime() - a.start.getTime() === SLOT_MS;
      });
    if (candidates.length) entries[rng.pick(candidates)]!.copiesPrevious = true;
  }
  return entries;
}

/** Active minutes of 10 an ordinary slot has at the least (the review flags 1–3 as low). */
const NORMAL_ACTIVE_MIN = 4;

type MinuteRates = [keysLow: number, keysHigh: number, mouseLow: number, mouseHigh: number];
/** Keystrokes and mouse events a minute, by activity: on the slot's main task, and aside. */
const INPUT_RATES: Record<Activity, { main: MinuteRates; aside: MinuteRates }> = {
  code: { main: [55, 190, 0, 22], aside: [0, 14, 8, 70] },
  write: { main: [80, 260, 0, 15], aside: [5, 40, 10, 60] },
  terminal: { main: [20, 95, 0, 8], aside: [0, 10, 3, 30] },
  design: { main: [2, 30, 120, 430], aside: [0, 55, 30, 140] },
  chat: { main: [40, 160, 2, 25], aside: [0, 20, 10, 60] },
  sheet: { main: [15, 70, 20, 90], aside: [0, 12, 10, 50] },
  browse: { main: [0, 18, 25, 150], aside: [0, 45, 5, 60] },
};

function perMinute(rng: Rng, activity: Activity, low: boolean): { keyboard: number[]; mouse: number[] } {
  const keyboard: number[] = [];
  const mouse: number[] = [];
  const lowMinutes = low ? new Set(rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, rng.int(1, 3))) : null;
  // How often this slot's minutes go without input: mostly rarely, sometimes a lot (reading,
  // thinking, a phone call). Reading the web pauses more than typing.
  const pause = Math.min(0.6, rng.next() ** 3.5 * 0.5 + (activity === 'browse' ? 0.05 : 0));
  let state = rng.int(0, 1); // 0 main, 1 secondary, 2 pause
  for (let minute = 0; minute < 10; minute++) {
    if (minute > 0) {
      if (state === 2 && rng.chance(0.55)) state = 2; // pauses last a little
      else if (rng.chance(pause)) state = 2;
      else if (state === 2 || rng.chance(0.3)) state = state === 0 ? 1 : 0;
    } else if (rng.chance(pause * 0.6)) state = 2;
    if (lowMinutes ? !lowMinutes.has(minute) : state === 2) {
      keyboard.push(0);
      mouse.push(0);
      continue;
    }
    if (lowMinutes) {
      keyboard.push(rng.chance(0.5) ? rng.int(1, 12) : 0);
      mouse.push(rng.int(1, 25));
      continue;
    }
    const [keysLow, keysHigh, mouseLow, mouseHigh] = INPUT_RATES[activity][state === 0 ? 'main' : 'aside'];
    const k = rng.int(keysLow, keysHigh);
    let mo = rng.int(mouseLow, mouseHigh);
    if (k + mo === 0) mo = 1;
    keyboard.push(k);
    mouse.push(mo);
  }
  // Ordinary work has at least NORMAL_ACTIVE_MIN active minutes: only the slots the plan makes
  // low on purpose are low activity, so the review's flags point at what was planted.
  let active = keyboard.filter((k, i) => k + mouse[i]! > 0).length;
  for (let minute = 0; !lowMinutes && active < NORMAL_ACTIVE_MIN && minute < 10; minute++) {
    if (keyboard[minute]! + mouse[minute]! > 0) continue;
    mouse[minute] = rng.int(4, 40);
    active += 1;
  }
  return { keyboard, mouse };
}

interface ShotDraft {
  sceneId: string;
  scrollX: number;
  scrollY: number;
}

function shotFor(p: Profile, capturedAt: Date, sceneId: string, prev: ShotDraft | null, rng: Rng): ShotSpec {
  const g = sceneGeometry(sceneId);
  let scrollX = 0;
  let scrollY = 0;
  let line = -1;
  let cursorX = rng.int(200, 1400);
  let cursorY = rng.int(120, 820);
  const vp = g.viewport;
  if (vp && g.content) {
    const maxX = g.content.w - vp.w;
    const maxY = g.content.h - vp.h;
    if (prev && prev.sceneId === sceneId) {
      // Same screen as ten minutes ago: moved on a bit from there
      const dy = rng.int(90, 420) * (rng.chance(0.7) ? 1 : -1);
      scrollY = prev.scrollY + dy;
      if (scrollY < 0 || scrollY > maxY) scrollY = prev.scrollY - dy;
      scrollY = Math.max(0, Math.min(maxY, scrollY));
      if (Math.abs(scrollY - prev.scrollY) < 60) scrollY = maxY > 0 ? (prev.scrollY + Math.floor(maxY / 2)) % (maxY + 1) : 0;
      scrollX = maxX > 0 ? Math.max(0, Math.min(maxX, prev.scrollX + rng.int(-200, 200))) : 0;
    } else {
      scrollY = maxY > 0 ? rng.int(0, maxY) : 0;
      scrollX = maxX > 0 ? rng.int(0, maxX) : 0;
    }
    scrollY = Math.round(scrollY / 2) * 2;
    const band = g.lines;
    if (band && band.count > 0) {
      const visible: number[] = [];
      for (let i = 0; i < band.count; i++) {
        const top = band.tops ? band.tops[i]! : band.top + i * band.height;
        if (top >= scrollY + 10 && top + band.height <= scrollY + vp.h - 10) visible.push(i);
      }
      if (visible.length) line = rng.pick(visible);
    }
    if (rng.chance(0.8)) {
      cursorX = vp.x + rng.int(30, Math.max(31, vp.w - 60));
      cursorY = vp.y + rng.int(20, Math.max(21, vp.h - 40));
    }
  }
  const local = localTime(capturedAt, p.tz);
  const key = [sceneId, scrollX, scrollY, line, cursorX, cursorY, `${local.year}-${local.month}-${local.day} ${local.hour}:${local.minute}`].join('|');
  return { sceneId, scrollX, scrollY, line, cursorX, cursorY, local, key };
}

/** All planned slots of one day, in order (memoised: a day never changes). */
const dayCache = new Map<string, PlannedSlot[]>();

function slotsOfDay(p: Profile, y: number, m: number, d: number): PlannedSlot[] {
  const cacheKey = `${p.key}|${ISO_DATE(y, m, d)}`;
  const hit = dayCache.get(cacheKey);
  if (hit) return hit;
  const entries = planDay(p, y, m, d);
  const out: PlannedSlot[] = [];
  let prevDraft: ShotDraft | null = null;
  let prevShot: PlannedSlot | null = null;
  let prevTask: Task | null = null;
  for (const e of entries) {
    const rng = rngFor('demo', p.key, 'slot', e.start.toISOString());
    if (e.manual) {
      out.push({ start: e.start, kind: 'manual', memo: e.memo, windowTitle: '', keyboard: [], mouse: [], activeMinutes: 0, capturedAt: null, shot: null, copiesPrevious: false, planted: 'manual' });
      prevDraft = null;
      continue;
    }
    const capturedAt = new Date(e.start.getTime() + rng.int(0, SLOT_MS - 1));
    if (e.idle) {
      const sceneId = `${p.key}/${LOCK}`;
      const shot = shotFor(p, capturedAt, sceneId, null, rng);
      out.push({ start: e.start, kind: 'tracked', memo: e.memo, windowTitle: LOCK_TITLES[p.os], keyboard: Array(10).fill(0), mouse: Array(10).fill(0), activeMinutes: 0, capturedAt, shot, copiesPrevious: false, planted: null });
      prevDraft = null;
      continue;
    }
    const low = rng.chance(0.035);
    let sceneApp: string;
    const scenes = e.task.scenes;
    const prevApp = prevDraft?.sceneId.split('/')[1];
    // Often still on the same screen as ten minutes ago, if it has somewhere to scroll to
    const stay = prevApp && scrollRange(`${p.key}/${prevApp}`) >= 300 ? 0.55 : 0.2;
    if (prevTask === e.task && prevApp && scenes.some(([s]) => s === prevApp) && rng.chance(stay)) sceneApp = prevApp;
    else {
      const others = scenes.length > 1 && prevApp ? scenes.filter(([s]) => s !== prevApp) : scenes;
      sceneApp = rng.weighted(others.length ? others : scenes);
    }
    const sceneId = `${p.key}/${sceneApp}`;
    const { keyboard, mouse } = perMinute(rng, activityOf(sceneApp), low);
    const activeMinutes = keyboard.filter((k, i) => k + mouse[i]! > 0).length;
    let shot: ShotSpec;
    let windowTitle: string;
    let memo = e.memo;
    if (e.copiesPrevious && prevShot?.shot) {
      shot = prevShot.shot;
      windowTitle = prevShot.windowTitle;
      memo = prevShot.memo;
    } else {
      shot = shotFor(p, capturedAt, sceneId, prevDraft, rng);
      windowTitle = sceneGeometry(sceneId).title;
    }
    const planted = e.copiesPrevious && prevShot?.shot ? 'duplicate' : low ? 'low_activity' : null;
    const slot: PlannedSlot = { start: e.start, kind: 'tracked', memo, windowTitle, keyboard, mouse, activeMinutes, capturedAt, shot, copiesPrevious: e.copiesPrevious, planted };
    out.push(slot);
    prevDraft = { sceneId: shot.sceneId, scrollX: shot.scrollX, scrollY: shot.scrollY };
    prevShot = slot;
    prevTask = e.task;
  }
  dayCache.set(cacheKey, out);
  return out;
}

/** The planned slots of a demo contract with `from <= start < until`, in time order. */
export function planSlots(key: DemoKey, from: Date, until: Date): PlannedSlot[] {
  const p = PROFILES[key];
  const out: PlannedSlot[] = [];
  if (until <= from) return out;
  const first = new TZDate(from.getTime() - 86_400_000, p.tz);
  const last = new TZDate(until.getTime() + 86_400_000, p.tz);
  let y = first.getFullYear();
  let m = first.getMonth();
  let d = first.getDate();
  for (;;) {
    const date = ISO_DATE(y, m, d);
    if (date > ISO_DATE(last.getFullYear(), last.getMonth(), last.getDate())) break;
    for (const s of slotsOfDay(p, y, m, d)) if (s.start >= from && s.start < until) out.push(s);
    const next = new Date(Date.UTC(y, m, d + 1));
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
    d = next.getUTCDate();
  }
  return out;
}
