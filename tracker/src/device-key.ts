// The device key (the server's docs/evidence.md, "Device signatures"): an Ed25519 key pair made
// the first time the tracker runs with a token, its private half kept only on this computer.
// The server learns the public half once (PUT /api/tracker/key) and then takes only slots
// signed with it, so nobody, the server included, can make up a slot this device signed.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { NetworkError, type Api } from './api.ts';
import { verdictFor } from './backoff.ts';
import { writeFileAtomic } from './fs-atomic.ts';
import type { QueueEntry } from './queue.ts';

/** What the device signs: the slot's receipt without the server's own fields (contract/receipts.ts's SignedSlotFields, which this package cannot import: it ships alone). */
export interface SignedSlotFields {
  type: 'slot';
  contract: string;
  start: string;
  capturedAt: string | null;
  screenshotSha256: string | null;
  keyboard: number[];
  mouse: number[];
  memo: string;
  windowTitle: string;
  kind: 'tracked';
}

type Json = string | number | null | Json[] | { [key: string]: Json };

/**
 * RFC 8785 canonical JSON of the values a slot holds (the server's contract/canonical-json.ts
 * is not part of this package): keys sorted by UTF-16 code units, no whitespace; JSON.stringify
 * already writes strings and integers as JCS does.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`)
    .join(',')}}`;
}

const iso = (t: string) => new Date(t).toISOString();

/** The signed fields of a queued slot, as it is sent now (with these image bytes, or none). */
export function slotFields(entry: QueueEntry, image: Buffer | null): SignedSlotFields {
  const { meta } = entry;
  return {
    type: 'slot',
    contract: entry.contractId,
    start: iso(entry.start),
    capturedAt: meta.capturedAt ? iso(meta.capturedAt) : null,
    screenshotSha256: image ? createHash('sha256').update(image).digest('hex') : null,
    keyboard: meta.keyboard,
    mouse: meta.mouse,
    memo: meta.memo,
    windowTitle: meta.windowTitle,
    kind: 'tracked',
  };
}

export interface DeviceKey {
  /** The public half: SPKI DER in base64, as the server takes it. */
  readonly publicKey: string;
  /** Where the private half is kept (PKCS#8 PEM, readable by this user only). */
  readonly file: string;
  /** Whether `server` has the public key already (it answered 200 or 201 to it from here). */
  registeredWith(server: string): boolean;
  markRegistered(server: string): Promise<void>;
  /** The base64 Ed25519 signature of the fields' canonical JSON. */
  sign(fields: SignedSlotFields): string;
}

interface Registered {
  publicKey: string;
  servers: string[];
}

/**
 * The token's key in `dataDir`, made on first use. Keyed by a hash of the token: a new token
 * (a reconnected tracker) gets a new key, as the server keeps one key per token.
 */
export async function openDeviceKey(dataDir: string, token: string): Promise<DeviceKey> {
  const name = `device-key-${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
  const file = path.join(dataDir, `${name}.pem`);
  const registeredFile = path.join(dataDir, `${name}.json`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await fs.readFile(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`The device key ${file} cannot be read (${(err as Error).message}); move it away to make a new one, and connect the tracker with a new token.`);
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await writeFileAtomic(file, privateKey.export({ format: 'pem', type: 'pkcs8' }));
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  const saved = await fs
    .readFile(registeredFile, 'utf8')
    .then((t) => JSON.parse(t) as Registered)
    .catch(() => null);
  const servers = new Set(saved?.publicKey === publicKey ? saved.servers : []);
  return {
    publicKey,
    file,
    registeredWith: (server) => servers.has(server),
    async markRegistered(server) {
      if (servers.has(server)) return;
      servers.add(server);
      await writeFileAtomic(registeredFile, JSON.stringify({ publicKey, servers: [...servers] } satisfies Registered));
    },
    sign: (fields) => sign(null, Buffer.from(canonicalJson(fields as unknown as Json), 'utf8'), privateKey).toString('base64'),
  };
}

export type Registration =
  | { kind: 'registered' }
  /** The server could not be reached or is busy: try again later. */
  | { kind: 'retry'; reason: string; retryAfter: string | null }
  /** The token is refused (401), or has another device's key (409): only a new token helps. */
  | { kind: 'refused'; reason: string };

/** Registers the key with the server behind `api`, unless it has it already. */
export async function registerDeviceKey(api: Api, key: DeviceKey): Promise<Registration> {
  if (key.registeredWith(api.server)) return { kind: 'registered' };
  let answer;
  try {
    answer = await api.putKey(key.publicKey);
  } catch (err) {
    if (err instanceof NetworkError) return { kind: 'retry', reason: `Registering the device key failed: ${err.message}`, retryAfter: null };
    throw err;
  }
  const verdict = verdictFor(answer.status);
  if (verdict === 'done') {
    await key.markRegistered(api.server);
    return { kind: 'registered' };
  }
  if (verdict === 'retry') return { kind: 'retry', reason: `Registering the device key failed: the server answered ${answer.status}: ${answer.detail}`, retryAfter: answer.retryAfter };
  const why =
    answer.status === 409
      ? `The server already has another device key for this token (${answer.detail}). Slots are signed with this computer's key, so they cannot upload with that token`
      : `The server refused the device key (${answer.status}: ${answer.detail})`;
  return { kind: 'refused', reason: `${why}. Create a new token on the dashboard's Trackers page and restart the tracker with it; queued slots wait on disk.` };
}
