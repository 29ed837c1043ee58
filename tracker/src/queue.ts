// The upload queue on disk: one JSON file per finished slot, plus its screenshot. The JSON
// is written last and is the commit record, so a slot is queued whole or not at all and
// survives a crash or a restart. A slot the server refuses moves to `rejected/`.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { syncDir, TMP_SUFFIX, writeFileAtomic } from './fs-atomic.ts';

/** What the server's PUT takes as `meta`. */
export interface SlotMeta {
  capturedAt?: string;
  keyboard: number[];
  mouse: number[];
  memo: string;
  windowTitle: string;
  /** The device key's signature, added when the slot is sent (device-key.ts); never queued. */
  signature?: string;
}

export interface QueueEntry {
  id: string;
  contractId: string;
  /** The slot's start, ISO-8601 UTC. */
  start: string;
  meta: SlotMeta;
  image: { file: string; mime: string; sha256: string; bytes: number } | null;
  /** Epoch ms: before then the contractor may still discard the screenshot, so it waits. */
  holdUntil: number;
  queuedAt: number;
}

export interface RejectedEntry extends QueueEntry {
  rejectedAt: number;
  reason: string;
}

export interface Queue {
  readonly dir: string;
  readonly rejectedDir: string;
  /** The queued slots, oldest first. */
  list(): QueueEntry[];
  get(id: string): QueueEntry | undefined;
  readonly size: number;
  add(entry: Omit<QueueEntry, 'id' | 'image'>, image: { bytes: Buffer; mime: string } | null): Promise<QueueEntry>;
  readImage(entry: QueueEntry): Promise<Buffer | null>;
  /** Forgets an uploaded (or discarded) slot. */
  remove(id: string): Promise<void>;
  /** Moves a slot the server refused to `rejected/`, with the reason beside it. */
  reject(id: string, reason: string, at: number): Promise<void>;
}

export const entryId = (contractId: string, start: string) => `${start.replace(/[:.]/g, '-')}_${contractId}`;

const EXT: Record<string, string> = { 'image/webp': 'webp', 'image/jpeg': 'jpg', 'image/png': 'png' };

function isEntry(x: unknown): x is QueueEntry {
  const e = x as QueueEntry;
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.contractId === 'string' &&
    typeof e.start === 'string' && typeof e.meta === 'object' && Array.isArray(e.meta?.keyboard) &&
    typeof e.holdUntil === 'number' && (e.image === null || typeof e.image?.file === 'string')
  );
}

export async function openQueue(dataDir: string): Promise<Queue> {
  const dir = path.join(dataDir, 'queue');
  const rejectedDir = path.join(dataDir, 'rejected');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.mkdir(rejectedDir, { recursive: true, mode: 0o700 });
  const entries = new Map<string, QueueEntry>();

  // Recover: every complete JSON is a queued slot; half-written temporaries and images
  // whose JSON never landed are what a crash leaves behind, and go.
  const names = await fs.readdir(dir);
  const referenced = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, name);
    let entry: unknown;
    try {
      entry = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      entry = null;
    }
    if (!isEntry(entry) || `${entry.id}.json` !== name) {
      await fs.rename(file, path.join(rejectedDir, name));
      await fs.writeFile(path.join(rejectedDir, `${name}.reason.txt`), 'Unreadable queue entry (not a slot the tracker wrote).\n');
      continue;
    }
    if (entry.image) {
      try {
        await fs.access(path.join(dir, entry.image.file));
        referenced.add(entry.image.file);
      } catch {
        // Cannot happen with the write order below, unless someone deleted the image: the slot still has its counts.
        entry.image = null;
      }
    }
    entries.set(entry.id, entry);
  }
  for (const name of names) {
    if (name.endsWith('.json')) continue;
    if (name.endsWith(TMP_SUFFIX) || !referenced.has(name)) await fs.rm(path.join(dir, name), { force: true });
  }

  const sorted = () => [...entries.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));

  return {
    dir,
    rejectedDir,
    list: sorted,
    get: (id) => entries.get(id),
    get size() {
      return entries.size;
    },
    async add(e, image) {
      const id = entryId(e.contractId, e.start);
      let img: QueueEntry['image'] = null;
      if (image) {
        const file = `${id}.${EXT[image.mime] ?? 'bin'}`;
        await writeFileAtomic(path.join(dir, file), image.bytes);
        img = { file, mime: image.mime, sha256: createHash('sha256').update(image.bytes).digest('hex'), bytes: image.bytes.length };
      }
      const entry: QueueEntry = { ...e, id, image: img };
      await writeFileAtomic(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 1));
      entries.set(id, entry);
      return entry;
    },
    async readImage(entry) {
      if (!entry.image) return null;
      return fs.readFile(path.join(dir, entry.image.file));
    },
    async remove(id) {
      const entry = entries.get(id);
      if (!entry) return;
      entries.delete(id);
      await fs.rm(path.join(dir, `${id}.json`), { force: true });
      if (entry.image) await fs.rm(path.join(dir, entry.image.file), { force: true });
      await syncDir(dir);
    },
    async reject(id, reason, at) {
      const entry = entries.get(id);
      if (!entry) return;
      entries.delete(id);
      if (entry.image) await fs.rename(path.join(dir, entry.image.file), path.join(rejectedDir, entry.image.file));
      const rejected: RejectedEntry = { ...entry, rejectedAt: at, reason };
      await writeFileAtomic(path.join(rejectedDir, `${id}.json`), JSON.stringify(rejected, null, 1));
      await fs.rm(path.join(dir, `${id}.json`), { force: true });
      await syncDir(dir);
    },
  };
}
