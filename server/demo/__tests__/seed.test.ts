// The demo as a visitor meets it: accounts that log in, three weeks of believable work for
// every contract, the designer over his limit, duplicates and idle time to find, images that
// load, and a demo that catches up with the clock instead of going stale.
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '#contract/canonical-json.ts';
import { fixedClock } from '#server/clock.ts';
import { type Database, openDatabase } from '#server/db/client.ts';
import { addWeeks, floorToSlot, weekStartOf } from '#server/domain/week.ts';
import { verifyPassword } from '#server/lib/password.ts';
import { type BlobStore, diskBlobStore } from '#server/storage/blob-store.ts';
import { type DemoKey, planSlots } from '../plan.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SEEDED_UNTIL_KEY, seedDemo } from '../seed.ts';

const NOW = '2026-03-02T15:07:00Z'; // a Monday afternoon (UTC): every contractor has started the week
const LATER = '2026-03-11T15:07:00Z'; // nine days later
const SLOT_MS = 600_000;

interface SlotRow {
  contract_id: string;
  email: string;
  start: Date;
  kind: 'tracked' | 'manual';
  keyboard: number[];
  mouse: number[];
  active_minutes: number;
  memo: string;
  window_title: string;
  screenshot_sha256: string | null;
  captured_at: Date | null;
  duplicate: boolean;
}

const SLOTS_SQL = `
  select s.contract_id, u.email, s.start, s.kind, s.keyboard, s.mouse, s.active_minutes, s.memo,
         s.window_title, s.screenshot_sha256, s.captured_at, s.duplicate
    from slots s join users u on u.id = s.contractor_id
   order by u.email, s.start`;

const KEY_OF: Record<string, DemoKey> = { 'dev@demo.test': 'dev', 'designer@demo.test': 'designer', 'writer@demo.test': 'writer' };

let dir: string;
let db: Database;
let blobs: BlobStore;
let first: Awaited<ReturnType<typeof seedDemo>>;
let rows: SlotRow[];
const logs: string[] = [];
const reported: { label: string; done: number; total: number }[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workdiary-demo-'));
  db = await openDatabase({});
  blobs = diskBlobStore(path.join(dir, 'blobs'));
  first = await seedDemo(db, blobs, fixedClock(NOW), (m) => logs.push(m), { progress: (label, done, total) => reported.push({ label, done, total }) });
  rows = await db.query<SlotRow>(SLOTS_SQL);
}, 180_000);

afterAll(async () => {
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const byContractor = (email: string) => rows.filter((r) => r.email === email);
const ms = (d: Date | string) => new Date(d).getTime();

describe('the demo, seeded on a Monday afternoon', () => {
  it('reports a first run up to the last whole slot', () => {
    expect(first.firstRun).toBe(true);
    expect(first.seededUntil.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(first.slotsAdded).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(900);
  });

  it('tells how far the drawing and the writing have come, up to every screenshot and slot', async () => {
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from screenshots`);
    const steps = [...new Set(reported.map((r) => r.label))];
    expect(steps).toEqual(['Drawing the demo screenshots', 'Writing the demo slots']);
    for (const step of steps) {
      const mine = reported.filter((r) => r.label === step);
      expect(mine[0]!.done).toBe(0);
      expect(mine.map((r) => r.done)).toEqual([...mine.map((r) => r.done)].sort((a, b) => a - b));
      expect(mine.at(-1)!.done).toBe(mine.at(-1)!.total);
    }
    const drawn = reported.filter((r) => r.label === 'Drawing the demo screenshots');
    expect(drawn.length).toBeGreaterThan(100);
    expect(drawn.at(-1)!.total).toBe(n);
    expect(reported.at(-1)!.total).toBe(rows.length);
  });

  it('has the demo accounts, each logging in with the demo password', async () => {
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    for (const e of ['client@demo.test', 'dev@demo.test', 'designer@demo.test', 'client2@demo.test', 'admin@demo.test']) {
      expect(emails).toContain(e);
    }
    const users = await db.query<{ email: string; role: string; company: string | null; password_hash: string }>(
      `select u.email, u.role, c.name as company, u.password_hash from users u left join companies c on c.id = u.company_id`,
    );
    for (const a of DEMO_ACCOUNTS) {
      const u = users.find((x) => x.email === a.email);
      expect(u, a.email).toBeDefined();
      expect(u!.role).toBe(a.role);
      expect(await verifyPassword(DEMO_PASSWORD, u!.password_hash)).toBe(true);
      expect(await verifyPassword('wrong-password', u!.password_hash)).toBe(false);
    }
    expect(users.find((u) => u.email === 'client@demo.test')!.company).toBe('Acme Robotics');
    expect(users.find((u) => u.email === 'client2@demo.test')!.company).toBe('Globex');
    expect(users.find((u) => u.email === 'admin@demo.test')!.company).toBeNull();
    expect(users.find((u) => u.email === 'dev@demo.test')!.company).toBeNull();
  });

  it('gives Acme two contracts and Globex one of its own', async () => {
    const contracts = await db.query<{ company: string; email: string; manual_time_allowed: boolean; weekly_limit_hours: number }>(
      `select co.name as company, u.email, c.manual_time_allowed, c.weekly_limit_hours
         from contracts c join companies co on co.id = c.company_id join users u on u.id = c.contractor_id order by u.email`,
    );
    expect(contracts.map((c) => `${c.company}:${c.email}`).sort()).toEqual([
      'Acme Robotics:designer@demo.test',
      'Acme Robotics:dev@demo.test',
      'Globex:writer@demo.test',
    ]);
    expect(contracts.find((c) => c.email === 'designer@demo.test')!.manual_time_allowed).toBe(true);
  });

  it('fills the week before last, last week and this week for every contract, and nothing ahead of now', () => {
    const week0 = weekStartOf(new Date(NOW));
    for (const email of Object.keys(KEY_OF)) {
      const mine = byContractor(email);
      for (const w of [-2, -1, 0]) {
        const from = ms(addWeeks(week0, w));
        const inWeek = mine.filter((r) => ms(r.start) >= from && ms(r.start) < from + 7 * 86_400_000);
        expect(inWeek.length, `${email} week ${w}`).toBeGreaterThan(w === 0 ? 0 : 60);
      }
      expect(mine.every((r) => ms(r.start) >= ms(addWeeks(week0, -2)))).toBe(true);
      expect(mine.every((r) => ms(r.start) + SLOT_MS <= ms(NOW))).toBe(true);
      expect(mine.every((r) => ms(r.start) % SLOT_MS === 0)).toBe(true);
    }
  });

  it('has the designer work past his weekly limit', () => {
    const lastWeek = ms(addWeeks(weekStartOf(new Date(NOW)), -1));
    const worked = byContractor('designer@demo.test').filter(
      (r) => ms(r.start) >= lastWeek && ms(r.start) < lastWeek + 7 * 86_400_000 && (r.kind === 'manual' || r.active_minutes > 0),
    );
    expect(worked.length / 6).toBeGreaterThan(30);
    expect(worked.some((r) => r.kind === 'manual')).toBe(true);
  });

  it('keeps per-minute activity consistent, with idle, low-activity and manual slots among it', () => {
    for (const r of rows) {
      if (r.kind === 'manual') {
        expect(r.screenshot_sha256).toBeNull();
        expect(r.keyboard).toEqual([]);
        expect(r.mouse).toEqual([]);
        expect(r.active_minutes).toBe(0);
        expect(r.memo).not.toBe('');
        expect(r.window_title).toBe('');
        continue;
      }
      expect(r.keyboard).toHaveLength(10);
      expect(r.mouse).toHaveLength(10);
      expect([...r.keyboard, ...r.mouse].every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      expect(r.active_minutes).toBe(r.keyboard.filter((k, i) => k + r.mouse[i]! > 0).length);
      expect(r.screenshot_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(ms(r.captured_at!)).toBeGreaterThanOrEqual(ms(r.start));
      expect(ms(r.captured_at!)).toBeLessThan(ms(r.start) + SLOT_MS);
      expect(r.window_title).not.toBe('');
    }
    const tracked = rows.filter((r) => r.kind === 'tracked');
    expect(tracked.filter((r) => r.active_minutes === 0).length).toBeGreaterThan(5);
    expect(tracked.filter((r) => r.active_minutes >= 1 && r.active_minutes <= 3).length).toBeGreaterThan(5);
    expect(tracked.filter((r) => r.active_minutes >= 7).length / tracked.length).toBeGreaterThan(0.6);
    const dev = byContractor('dev@demo.test').filter((r) => r.active_minutes > 0);
    const designer = byContractor('designer@demo.test').filter((r) => r.active_minutes > 0);
    const sum = (rs: SlotRow[], k: 'keyboard' | 'mouse') => rs.reduce((s, r) => s + r[k].reduce((a, b) => a + b, 0), 0);
    expect(sum(dev, 'keyboard')).toBeGreaterThan(sum(dev, 'mouse')); // coding: keys
    expect(sum(designer, 'mouse')).toBeGreaterThan(3 * sum(designer, 'keyboard')); // designing: mouse
    expect(rows.filter((r) => r.kind === 'manual').every((r) => r.email === 'designer@demo.test')).toBe(true);
  });

  it('repeats memos over a task and matches titles to the screen', () => {
    const dev = byContractor('dev@demo.test');
    const runs = dev.filter((r, i) => i > 0 && r.memo !== '' && r.memo === dev[i - 1]!.memo).length;
    expect(runs / dev.length).toBeGreaterThan(0.6);
    expect(dev.some((r) => r.memo === '')).toBe(true);
    expect(dev.some((r) => /\.ts — robot-arm — Visual Studio Code$/.test(r.window_title))).toBe(true);
    expect(byContractor('designer@demo.test').some((r) => /– Figma$/.test(r.window_title))).toBe(true);
  });

  it('flags identical screenshots as duplicates, stored once', async () => {
    const dups = rows.filter((r) => r.duplicate);
    expect(dups.length).toBeGreaterThanOrEqual(2);
    const bySha = new Map<string, SlotRow[]>();
    for (const r of rows) if (r.screenshot_sha256) bySha.set(`${r.contract_id}|${r.screenshot_sha256}`, [...(bySha.get(`${r.contract_id}|${r.screenshot_sha256}`) ?? []), r]);
    for (const [, group] of bySha) expect(group.every((r) => r.duplicate)).toBe(group.length > 1);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from screenshots`);
    expect(n).toBe(bySha.size);
  });

  it('has every tracked slot signed by its contractor\'s device, as the Trackers page lists it; manual time unsigned', async () => {
    const receipts = await db.query<{ body: string; email: string; public_key: string | null }>(
      `select r.body, u.email, t.public_key
         from receipts r join contracts c on c.id = r.contract_id join users u on u.id = c.contractor_id
         left join tracker_tokens t on t.user_id = u.id
        where r.type = 'slot'`,
    );
    expect(receipts.length).toBe(rows.length);
    const kinds = { tracked: 0, manual: 0 };
    for (const r of receipts) {
      const { receivedAt: _, device, ...fields } = JSON.parse(r.body) as { kind: 'tracked' | 'manual'; receivedAt: string; device: { publicKey: string; signature: string } | null };
      kinds[fields.kind]++;
      if (fields.kind === 'manual') {
        expect(device).toBeNull();
        continue;
      }
      expect(device?.publicKey).toBe(r.public_key);
      const key = createPublicKey({ key: Buffer.from(device!.publicKey, 'base64'), format: 'der', type: 'spki' });
      expect(verify(null, Buffer.from(canonicalJson(fields as unknown as JsonValue)), key, Buffer.from(device!.signature, 'base64'))).toBe(true);
    }
    expect(kinds.tracked).toBeGreaterThan(900);
    expect(kinds.manual).toBeGreaterThan(0);
    // Three devices, one key each.
    expect(new Set(receipts.map((r) => r.public_key)).size).toBe(3);
  });

  it('has screenshots and thumbnails in the blob store that decode as images', async () => {
    const shots = await db.query<{ contract_id: string; sha256: string; thumb_sha256: string; width: number; height: number; bytes: number; thumb_bytes: number; mime: string }>(
      `select contract_id, sha256, thumb_sha256, width, height, bytes, thumb_bytes, mime from screenshots order by sha256 limit 6`,
    );
    expect(shots).toHaveLength(6);
    for (const s of shots) {
      const image = await blobs.get(s.contract_id, s.sha256);
      const thumb = await blobs.get(s.contract_id, s.thumb_sha256);
      expect(image?.length).toBe(s.bytes);
      expect(thumb?.length).toBe(s.thumb_bytes);
      const im = await sharp(image!).metadata();
      expect([im.width, im.height]).toEqual([s.width, s.height]);
      expect(im.width).toBeGreaterThanOrEqual(1600);
      expect(`image/${im.format}`).toBe(s.mime);
      const th = await sharp(thumb!).metadata();
      expect(th.format).toBe('webp');
      expect(th.width).toBeGreaterThanOrEqual(300);
      expect(th.width).toBeLessThanOrEqual(340);
    }
  });
});

describe('a later start', () => {
  it('adds the slots that have passed since, then nothing more at the same clock', async () => {
    const later = await seedDemo(db, blobs, fixedClock(LATER));
    expect(later.firstRun).toBe(false);
    const until = floorToSlot(new Date(LATER));
    expect(later.seededUntil).toEqual(until);
    const expected = (['dev', 'designer', 'writer'] as const).reduce((n, k) => n + planSlots(k, first.seededUntil, until).length, 0);
    expect(later.slotsAdded).toBe(expected);
    const all = await db.query<SlotRow>(SLOTS_SQL);
    expect(all.length).toBe(rows.length + later.slotsAdded);
    expect(all.every((r) => ms(r.start) + SLOT_MS <= ms(LATER))).toBe(true);
    // No gap where the first run stopped: every weekday since has the developer at work
    const dev = all.filter((r) => r.email === 'dev@demo.test');
    for (let d = ms('2026-03-03T00:00:00Z'); d < ms('2026-03-11T00:00:00Z'); d += 86_400_000) {
      const dow = new Date(d).getUTCDay();
      if (dow === 0 || dow === 6) continue;
      expect(dev.filter((r) => ms(r.start) >= d && ms(r.start) < d + 86_400_000).length, new Date(d).toISOString()).toBeGreaterThan(20);
    }
    const [mark] = await db.query<{ value: string }>(`select value from settings where key = $1`, [SEEDED_UNTIL_KEY]);
    expect(mark!.value).toBe(until.toISOString());

    const t0 = performance.now();
    const again = await seedDemo(db, blobs, fixedClock(LATER));
    expect(again).toEqual({ firstRun: false, slotsAdded: 0, seededUntil: until });
    expect(performance.now() - t0).toBeLessThan(5000);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from slots`);
    expect(n).toBe(all.length);
  }, 180_000);
});

describe('determinism', () => {
  it('seeds the same slots and the same screenshot bytes into a fresh database at the same clock', async () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'workdiary-demo2-'));
    const db2 = await openDatabase({});
    try {
      // The smallest contract keeps this quick; the code path is the full one.
      await seedDemo(db2, diskBlobStore(dir2), fixedClock(NOW), undefined, { contracts: ['writer'] });
      const mine = (await db2.query<SlotRow>(SLOTS_SQL)).map(strip);
      const theirs = rows.filter((r) => r.email === 'writer@demo.test').map(strip);
      expect(mine.length).toBeGreaterThan(100);
      expect(mine).toEqual(theirs);
    } finally {
      await db2.close();
      fs.rmSync(dir2, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A slot without the contract id (a fresh database has its own ids). */
function strip(r: SlotRow) {
  const { contract_id: _contract, ...rest } = r;
  return { ...rest, start: ms(r.start), captured_at: r.captured_at && ms(r.captured_at) };
}
