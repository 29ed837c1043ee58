// The evidence pack's manifest.json (docs/evidence.md), read with checks of its shape: a
// manifest of another shape is not an evidence pack, whatever else the zip holds.
import { NotAPackError } from './zip.ts';

export const FORMAT = 'workdiary-evidence/1';

export interface PackReceipt {
  seq: number;
  /** hex link before this receipt */
  prev: string;
  /** the receipt's canonical JSON, exactly as hashed */
  body: string;
  /** hex link */
  hash: string;
}

export interface PackSeal {
  statement: string;
  /** base64 Ed25519 signature of the statement's UTF-8 bytes */
  signature: string;
  /** base64 SPKI DER */
  publicKey: string;
}

export interface PackScreenshot {
  sha256: string;
  file: string | null;
  state: string;
  note?: string;
}

export interface Manifest {
  contract: { id: string };
  /** the week's Monday, YYYY-MM-DD */
  week: string;
  receipts: PackReceipt[];
  auditEvents: string[];
  seal: PackSeal | null;
  screenshots: PackScreenshot[];
}

const HEX64 = /^[0-9a-f]{64}$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function fail(what: string): never {
  throw new NotAPackError(`its manifest has ${what}`);
}

function receiptOf(value: unknown): PackReceipt {
  if (!isObject(value) || !Number.isSafeInteger(value.seq) || (value.seq as number) < 1) fail('a receipt without a seq');
  const { seq, prev, body, hash } = value;
  if (!isString(prev) || !HEX64.test(prev) || !isString(hash) || !HEX64.test(hash)) fail(`receipt #${seq} without its links`);
  if (!isString(body)) fail(`receipt #${seq} without a body`);
  return { seq: seq as number, prev, body, hash };
}

function screenshotOf(value: unknown): PackScreenshot {
  if (!isObject(value) || !isString(value.sha256) || !HEX64.test(value.sha256)) fail('a screenshot without its sha256');
  const { sha256, file, state, note } = value;
  if (!(file === null || isString(file)) || !isString(state)) fail(`screenshot ${sha256} without a file or state`);
  return { sha256, file, state, ...(isString(note) ? { note } : {}) };
}

function sealOf(value: unknown): PackSeal | null {
  if (value === null) return null;
  if (!isObject(value) || !isString(value.statement) || !isString(value.signature) || !isString(value.publicKey)) fail('a seal without its statement, signature or key');
  return { statement: value.statement, signature: value.signature, publicKey: value.publicKey };
}

/** The manifest of a pack; throws NotAPackError when it is not one. */
export function parseManifest(bytes: Buffer): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new NotAPackError('its manifest.json is not JSON');
  }
  if (!isObject(value) || value.format !== FORMAT) fail(`no format "${FORMAT}"`);
  const { contract, week, receipts, auditEvents, seal, screenshots } = value;
  if (!isObject(contract) || !isString(contract.id)) fail('no contract');
  if (!isString(week) || !/^\d{4}-\d{2}-\d{2}$/.test(week) || new Date(`${week}T00:00:00.000Z`).getUTCDay() !== 1) fail('no week (a Monday)');
  if (!Array.isArray(receipts) || !Array.isArray(auditEvents) || !Array.isArray(screenshots)) fail('no receipts, audit events or screenshots');
  if (!auditEvents.every(isString)) fail('an audit event that is not canonical JSON text');
  return {
    contract: { id: contract.id },
    week,
    receipts: receipts.map(receiptOf),
    auditEvents,
    seal: sealOf(seal),
    screenshots: screenshots.map(screenshotOf),
  };
}
