// Sealed weeks (docs/evidence.md). Once a week's approval is final (approved with nothing held,
// or its last dispute settled afterwards), a Merkle root over its receipts and audit events,
// with its totals, is signed with the installation's Ed25519 key, in the transaction that made
// it final. Both parties then hold its fingerprint outside the server (the timesheet, the mail):
// a later rewrite of the database no longer matches it.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '#contract/canonical-json.ts';
import type { Amounts } from '#contract/timesheet.ts';
import type { StateMinutes } from '#contract/week.ts';
import type { Queryable } from '../db/client.ts';
import { findWeekAudit, findWeekReceipts, findWeekSeal, insertWeekSeal, type WeekAuditRow, type WeekSealRow } from '../data/seals.ts';
import { merkleRoot } from '../domain/merkle.ts';
import { addWeeks, weekKey } from '../domain/week.ts';
import { fingerprint } from '../lib/fingerprint.ts';
import { notFound } from '../lib/problem.ts';
import { sealKey } from '../lib/seal-key.ts';
import type { WeekSeal } from '#contract/seal.ts';

export interface SealTotals {
  minutes: StateMinutes;
  amounts: Amounts;
  currency: string;
}

/** An audit event as the week's tree and the evidence pack hold it: canonical JSON. */
export const auditEventJson = (e: WeekAuditRow): string =>
  canonicalJson({ id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, subject: e.subject, dispute: e.dispute, before: e.before, after: e.after } as JsonValue);

/** The first 16 hex digits of sha256(signature), in fours: what a person compares. */
export const sealFingerprint = (signature: string): string => fingerprint(signature);

/** The week's leaves, in the order docs/evidence.md gives: receipt links by seq, then audit events by id. */
export async function weekLeaves(q: Queryable, contractId: string, weekStart: Date): Promise<Buffer[]> {
  const [receipts, audit] = await Promise.all([findWeekReceipts(q, contractId, weekStart, addWeeks(weekStart, 1)), findWeekAudit(q, contractId, weekStart)]);
  return [
    ...receipts.map((r) => Buffer.from(r.hash, 'hex')),
    ...audit.map((e) => createHash('sha256').update(auditEventJson(e), 'utf8').digest()),
  ];
}

/**
 * Seals the week unless it is sealed already; the caller holds the week's lock and has judged
 * the approval final. Answers the seal now in force.
 */
export async function sealWeek(tx: Queryable, contractId: string, weekStart: Date, totals: SealTotals, now: Date): Promise<WeekSealRow> {
  const held = await findWeekSeal(tx, contractId, weekStart);
  if (held) return held;
  const leaves = await weekLeaves(tx, contractId, weekStart);
  const root = merkleRoot(leaves).toString('hex');
  const key = sealKey();
  const statement = canonicalJson({
    contract: contractId,
    week: weekKey(weekStart),
    root,
    leaves: leaves.length,
    totals: totals as unknown as JsonValue,
    sealedAt: now.toISOString(),
  });
  const seal: WeekSealRow = { root, statement, signature: key.sign(statement), publicKey: key.publicKey, sealedAt: now, totals };
  await insertWeekSeal(tx, contractId, weekStart, seal);
  return seal;
}

/** The week's seal as the API answers it; 404 while the week is not sealed. */
export async function weekSealView(q: Queryable, contractId: string, weekStart: Date): Promise<WeekSeal> {
  const seal = await findWeekSeal(q, contractId, weekStart);
  if (!seal) throw notFound(`A seal for the week of ${weekKey(weekStart)} (a week is sealed once its approval is final, with no slot held in a dispute)`);
  return {
    root: seal.root,
    statement: seal.statement,
    signature: seal.signature,
    publicKey: seal.publicKey,
    sealedAt: seal.sealedAt.toISOString(),
    totals: seal.totals as WeekSeal['totals'],
    fingerprint: sealFingerprint(seal.signature),
  };
}
