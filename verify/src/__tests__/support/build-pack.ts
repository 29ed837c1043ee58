// Builds evidence packs by hand from docs/evidence.md, with node:crypto and code of the test's
// own (key-sorted JSON, the recursive RFC 6962 tree), so the verifier is checked against the
// page, not against itself.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { writeZip } from './zip-files.ts';

const sha256 = (...parts: (Buffer | string)[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** JSON with every object's keys sorted: RFC 8785 for the ASCII strings and integers used here. */
export const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** RFC 6962's Merkle Tree Hash, as its recursive definition (k: the largest power of two below n). */
export function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256('');
  if (leaves.length === 1) return sha256(Buffer.from([0]), leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

const spki = (key: KeyObject): string => key.export({ format: 'der', type: 'spki' }).toString('base64');

export const CONTRACT = '6f1c2a3e-0000-4000-8000-000000000001';
export const WEEK = '2026-11-30';
/** The slot whose screenshot the tests change. */
export const FIRST_SLOT = '2026-11-30T09:00:00.000Z';

export interface PackParts {
  manifest: {
    format: string;
    contract: Record<string, unknown>;
    week: string;
    receipts: { seq: number; prev: string; body: string; hash: string }[];
    auditEvents: string[];
    seal: { statement: string; signature: string; publicKey: string } | null;
    screenshots: { sha256: string; file: string | null; state: string; note?: string }[];
  };
  files: Map<string, Buffer>;
}

const slotAt = (minutes: number): string => new Date(Date.parse(FIRST_SLOT) + minutes * 60_000).toISOString();

/**
 * A week of one contract: three tracked slots signed by a device, one unsigned, one manual,
 * one deleted (its screenshot gone), a memo edit and a dispute, after a receipt of the week
 * before that the pack leaves out; two audit events; sealed unless `sealed` is false.
 */
export function buildPack({ sealed = true } = {}): PackParts {
  const device = generateKeyPairSync('ed25519');
  const bodies: Record<string, unknown>[] = [];
  const screenshots: PackParts['manifest']['screenshots'] = [];
  const files = new Map<string, Buffer>();
  const slot = (minutes: number, opts: { signed?: boolean; manual?: boolean; screenshot?: 'present' | 'deleted' } = {}) => {
    const start = slotAt(minutes);
    const bytes = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(400)]);
    const hex = opts.manual ? null : sha256(bytes).toString('hex');
    if (hex && opts.screenshot !== 'deleted') {
      files.set(`screenshots/${hex}.png`, bytes);
      screenshots.push({ sha256: hex, file: `screenshots/${hex}.png`, state: 'present' });
    } else if (hex) {
      screenshots.push({ sha256: hex, file: null, state: 'deleted', note: 'screenshot deleted by the contractor' });
    }
    const fields = {
      type: 'slot',
      contract: CONTRACT,
      start,
      capturedAt: opts.manual ? null : new Date(Date.parse(start) + 123_000).toISOString(),
      screenshotSha256: hex,
      keyboard: opts.manual ? [] : [5, 0, 12, 3, 3, 9, 0, 1, 40, 2],
      mouse: opts.manual ? [] : [1, 1, 0, 7, 2, 2, 0, 0, 11, 3],
      memo: `work at ${start}`,
      windowTitle: opts.manual ? '' : 'editor — main.ts',
      kind: opts.manual ? 'manual' : 'tracked',
    };
    const signature = opts.signed ? sign(null, Buffer.from(sortedJson(fields)), device.privateKey).toString('base64') : null;
    const receivedAt = new Date(Date.parse(start) + 610_000).toISOString();
    bodies.push({ ...fields, receivedAt, device: signature ? { publicKey: spki(device.publicKey), signature } : null });
  };

  bodies.push({ type: 'memo', contract: CONTRACT, start: '2026-11-27T10:00:00.000Z', memo: 'last week', at: '2026-11-30T08:00:00.000Z' });
  slot(0, { signed: true });
  slot(10, { signed: true });
  slot(20, { signed: true });
  slot(30);
  slot(40, { manual: true });
  slot(50, { screenshot: 'deleted' });
  bodies.push({ type: 'delete', contract: CONTRACT, start: slotAt(50), at: '2026-11-30T11:00:00.000Z' });
  bodies.push({ type: 'memo', contract: CONTRACT, start: slotAt(10), memo: 'reviewed the pull request', at: '2026-11-30T11:05:00.000Z' });
  bodies.push({ type: 'dispute', contract: CONTRACT, dispute: 'd-1', starts: [slotAt(20), slotAt(30)], reason: 'idle', at: '2026-12-01T09:00:00.000Z' });

  let prev: Buffer = Buffer.alloc(32);
  const chain = bodies.map((body, i) => {
    const text = sortedJson(body);
    const hash = sha256(prev, text);
    const receipt = { seq: i + 1, prev: prev.toString('hex'), body: text, hash: hash.toString('hex') };
    prev = hash;
    return receipt;
  });
  const receipts = chain.slice(1); // the first is of the week before
  const auditEvents = [
    { id: 7, at: '2026-12-01T09:00:00.000Z', actor: 'u-client', action: 'dispute.open', subject: null, dispute: 'd-1', before: null, after: { status: 'open' } },
    { id: 9, at: '2026-12-02T09:00:00.000Z', actor: null, action: 'week.approve', subject: WEEK, dispute: null, before: null, after: { approved: true } },
  ].map(sortedJson);
  const leaves = [...receipts.map((r) => Buffer.from(r.hash, 'hex')), ...auditEvents.map((e) => sha256(e))];
  let seal: PackParts['manifest']['seal'] = null;
  if (sealed) {
    const key = generateKeyPairSync('ed25519');
    const statement = sortedJson({
      contract: CONTRACT,
      week: WEEK,
      root: treeHash(leaves).toString('hex'),
      leaves: leaves.length,
      totals: { minutes: 40, amounts: { billable: 3333 }, currency: 'EUR' },
      sealedAt: '2026-12-02T09:00:00.000Z',
    });
    seal = { statement, signature: sign(null, Buffer.from(statement), key.privateKey).toString('base64'), publicKey: spki(key.publicKey) };
  }
  const contract = { id: CONTRACT, title: 'Backend work', company: 'Acme', contractor: 'Ada', currency: 'EUR', hourlyRate: 5000 };
  files.set('week.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'));
  return { manifest: { format: 'workdiary-evidence/1', contract, week: WEEK, receipts, auditEvents, seal, screenshots }, files };
}

/** The pack as a zip: manifest.json first, then its files. */
export function zipPack({ manifest, files }: PackParts): Promise<Buffer> {
  return writeZip(new Map([['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2))], ...files]));
}

/**
 * Rewrites one receipt as a server with a database could: the body edited, the links from it on
 * computed again, so that every link follows. Only signatures and the seal can tell.
 */
export function rewriteReceipt(pack: PackParts, index: number, edit: (body: Record<string, unknown>) => void): void {
  const { receipts } = pack.manifest;
  const body = JSON.parse(receipts[index].body) as Record<string, unknown>;
  edit(body);
  receipts[index].body = sortedJson(body);
  for (let i = index; i < receipts.length; i++) {
    if (i > index) receipts[i].prev = receipts[i - 1].hash;
    receipts[i].hash = sha256(Buffer.from(receipts[i].prev, 'hex'), receipts[i].body).toString('hex');
  }
}
