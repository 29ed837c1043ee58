// A small, explicit world for API tests: two companies, their clients, two contractors,
// an admin, and slots with real (small) images stored through the real screenshot path.
import sharp from 'sharp';
import type { Database } from '../db/client.ts';
import { connectTracker, createTestEnv, loginEach, type Backend, type TestEnv } from './harness.ts';
import { companies, contracts, screenshots, slots, users } from '../db/schema.ts';
import { hashPassword } from '../lib/password.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { storeScreenshot } from '../storage/screenshots.ts';

export const PASSWORD = 'test-password';

export interface World {
  acme: { id: string };
  globex: { id: string };
  users: Record<'client' | 'client2' | 'dev' | 'designer' | 'admin', { id: string; email: string }>;
  contracts: { dev: string; designer: string; globex: string };
}

export async function createWorld(database: Database): Promise<World> {
  const { db } = database;
  const hash = await hashPassword(PASSWORD);
  const [acme] = await db.insert(companies).values({ name: 'Acme Robotics' }).returning();
  const [globex] = await db.insert(companies).values({ name: 'Globex' }).returning();
  const mk = async (email: string, name: string, role: 'client' | 'contractor' | 'admin', companyId: string | null = null) => {
    const [u] = await db.insert(users).values({ email, name, role, companyId, passwordHash: hash }).returning();
    return { id: u!.id, email };
  };
  const u = {
    client: await mk('client@test.test', 'Casey Client', 'client', acme!.id),
    client2: await mk('client2@test.test', 'Gil Globex', 'client', globex!.id),
    dev: await mk('dev@test.test', 'Dana Dev', 'contractor'),
    designer: await mk('designer@test.test', 'Desi Designer', 'contractor'),
    admin: await mk('admin@test.test', 'Ada Admin', 'admin'),
  };
  const [dev] = await db
    .insert(contracts)
    .values({ companyId: acme!.id, contractorId: u.dev.id, title: 'Backend work', hourlyRate: 6000, currency: 'USD', weeklyLimitHours: 2, timeZone: 'Europe/Berlin' })
    .returning();
  const [designer] = await db
    .insert(contracts)
    .values({ companyId: acme!.id, contractorId: u.designer.id, title: 'Design', hourlyRate: 4500, currency: 'EUR', manualTimeAllowed: true })
    .returning();
  const [gx] = await db
    .insert(contracts)
    .values({ companyId: globex!.id, contractorId: u.designer.id, title: 'Globex brochure', hourlyRate: 5000, currency: 'GBP' })
    .returning();
  return { acme: acme!, globex: globex!, users: u, contracts: { dev: dev!.id, designer: designer!.id, globex: gx!.id } };
}

export async function testImage(seed: number, width = 160, height = 90): Promise<Buffer> {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${hue},60%,50%)"/>
    <rect x="${seed % width}" y="10" width="30" height="20" fill="white"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

const WORDS = 'const slot = await upload(contract, start); if (!slot.ok) throw new Error(reason); return week.slots.map((s) => s.memo); import sharp from "sharp"; export function'.split(' ');

/**
 * A desktop-like screenshot (PNG, 1920×1080 unless told): an editor of coloured code lines,
 * a side panel, a chart and a window title, laid out by `seed`, so every seed is a
 * distinct image of the size and kind a tracker uploads.
 */
export async function desktopScreenshot(seed: number, width = 1920, height = 1080): Promise<Buffer> {
  const rnd = (n: number) => Math.abs(Math.sin(seed * 12.9898 + n * 78.233) * 43758.5453) % 1;
  const code = Array.from({ length: 44 }, (_, i) => {
    const indent = Math.floor(rnd(i) * 4) * 28;
    const words = Array.from({ length: 3 + Math.floor(rnd(i + 100) * 7) }, (_, w) => WORDS[Math.floor(rnd(i * 13 + w) * WORDS.length)]).join(' ');
    const hue = Math.floor(rnd(i + 200) * 360);
    return `<text x="${120 + indent}" y="${110 + i * 21}" fill="hsl(${hue},60%,72%)">${words.replace(/[<>&"]/g, '')}</text>`;
  }).join('');
  const bars = Array.from({ length: 12 }, (_, i) => {
    const h = 20 + Math.floor(rnd(i + 300) * 180);
    return `<rect x="${width - 360 + i * 24}" y="${height - 120 - h}" width="16" height="${h}" fill="hsl(${(seed * 29) % 360},55%,55%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" font-size="15">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},45%,35%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},45%,20%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <rect x="60" y="40" width="${width - 480}" height="${height - 100}" rx="8" fill="#1e1e2e"/>
    <rect x="60" y="40" width="${width - 480}" height="32" rx="8" fill="#313244"/>
    <text x="80" y="62" fill="#cdd6f4">workdiary — slot-${seed}.ts — editor</text>${code}
    <rect x="${width - 400}" y="40" width="360" height="${height - 100}" rx="8" fill="#f5f5f5"/>
    <text x="${width - 380}" y="90" font-family="sans-serif" font-size="24" fill="#222">Report ${seed}</text>${bars}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export interface SlotSpec {
  start: string;
  active?: number;
  memo?: string;
  title?: string;
  manual?: boolean;
  image?: Buffer;
  deleted?: boolean;
}

/** Inserts slots for one contract; tracked slots get a stored screenshot. */
export async function addSlots(database: Database, blobs: BlobStore, contractId: string, specs: SlotSpec[]) {
  const [k] = await database.query<{ contractor_id: string }>('select contractor_id from contracts where id = $1', [contractId]);
  let i = 0;
  for (const s of specs) {
    i++;
    const start = new Date(s.start);
    if (s.manual) {
      await database.db.insert(slots).values({
        contractId, contractorId: k!.contractor_id, start, kind: 'manual', keyboard: [], mouse: [], activeMinutes: 0, memo: s.memo ?? 'Call with client',
      });
      continue;
    }
    const active = s.active ?? 8;
    const keyboard = Array.from({ length: 10 }, (_, m) => (m < active ? 20 + m : 0));
    const mouse = Array.from({ length: 10 }, (_, m) => (m < active ? 5 : 0));
    const img = s.image ?? (await testImage(start.getTime() / 600_000 + i));
    const stored = await storeScreenshot(blobs, contractId, img);
    await database.db
      .insert(screenshots)
      .values({ contractId, ...stored })
      .onConflictDoNothing();
    await database.db.insert(slots).values({
      contractId,
      contractorId: k!.contractor_id,
      start,
      kind: 'tracked',
      keyboard,
      mouse,
      activeMinutes: active,
      memo: s.memo ?? 'Working on the API',
      windowTitle: s.title ?? 'server.ts — editor',
      screenshotSha256: stored.sha256,
      capturedAt: new Date(start.getTime() + 123_000),
      deletedAt: s.deleted ? new Date(start.getTime() + 3_600_000) : null,
    });
  }
}

/** Adds a contract between a company and a contractor; returns its id. */
export async function addContract(
  database: Database,
  v: {
    companyId: string;
    contractorId: string;
    title?: string;
    hourlyRate?: number;
    currency?: string;
    weeklyLimitHours?: number | null;
    manualTimeAllowed?: boolean;
  },
): Promise<string> {
  const [k] = await database.db
    .insert(contracts)
    .values({
      companyId: v.companyId,
      contractorId: v.contractorId,
      title: v.title ?? 'Extra contract',
      hourlyRate: v.hourlyRate ?? 6000,
      currency: v.currency ?? 'USD',
      weeklyLimitHours: v.weeklyLimitHours ?? null,
      manualTimeAllowed: v.manualTimeAllowed ?? true,
    })
    .returning();
  return k!.id;
}

/** `count` consecutive slot specs from `start` (10 minutes apart), each with `spec`. */
export function slotRun(start: string, count: number, spec: Omit<SlotSpec, 'start'> = {}): SlotSpec[] {
  const t0 = Date.parse(start);
  return Array.from({ length: count }, (_, i) => ({ ...spec, start: new Date(t0 + i * 600_000).toISOString() }));
}

/** A screenshot part of a tracker's upload. */
export interface FilePart {
  bytes: Buffer;
  field?: string;
  name?: string;
  type?: string;
}

/** A multipart/form-data body of a tracker's upload, as a browser's or Node's FormData writes it. */
export async function uploadForm(meta: object | string | undefined, file?: FilePart): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  if (meta !== undefined) form.append('meta', typeof meta === 'string' ? meta : JSON.stringify(meta));
  if (file) form.append(file.field ?? 'screenshot', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/png' }), file.name ?? 'shot.png');
  const r = new Request('http://localhost/', { method: 'PUT', body: form });
  return { payload: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type')! };
}

/** A test app with the world, every user signed in, and a tracker connected for the developer. */
export async function createTrackerEnv(backend: Backend) {
  const env: TestEnv = await createTestEnv(backend);
  const world = await createWorld(env.database);
  const who = await loginEach(env.app, world.users);
  return { env, world, who, devToken: await connectTracker(env.app, who.dev) };
}
