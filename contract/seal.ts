// Sealed weeks on the wire (docs/evidence.md): the installation's public key, and a week's seal.
import { z } from 'zod';
import { Amounts } from './timesheet.ts';
import { StateMinutes } from './week.ts';

export const SealKey = z.object({
  /** base64 SPKI DER of the installation's Ed25519 key. */
  publicKey: z.string(),
  algorithm: z.literal('Ed25519'),
});
export type SealKey = z.infer<typeof SealKey>;

export const WeekSeal = z.object({
  /** hex sha256 Merkle root over the week's receipts and audit events. */
  root: z.string(),
  /** The signed canonical JSON: contract, week, root, leaves, totals, sealedAt. */
  statement: z.string(),
  /** base64 Ed25519 signature of `statement`'s UTF-8 bytes. */
  signature: z.string(),
  publicKey: z.string(),
  sealedAt: z.iso.datetime(),
  totals: z.object({ minutes: StateMinutes, amounts: Amounts, currency: z.string() }),
  /** The first 16 hex digits of sha256(signature), in fours: what a person compares. */
  fingerprint: z.string(),
});
export type WeekSeal = z.infer<typeof WeekSeal>;
