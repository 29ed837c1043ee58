// Two-factor sign-in with TOTP (RFC 6238, through the otpauth package: no HMAC code of ours).
// Codes are checked against the wall clock, as the authenticator app on the user's phone makes
// them, whatever WORKDIARY_NOW says. A code is accepted one step early or late, and a step
// taken once is never taken again. Recovery codes are random and high-entropy, so a sha256 of
// each is all that is kept.
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { findUserSettings, replaceRecoveryCodes, setPendingTotpSecret, setTotpEnabled, takeTotpCounter, useRecoveryCode } from '../data/users.ts';
import { HttpProblem } from '../lib/problem.ts';

const PERIOD_S = 30;
const RECOVERY_CODES = 10;

const totpOf = (secret: string, email: string) =>
  new TOTP({ issuer: 'workdiary', label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });

const hash = (code: string) => createHash('sha256').update(code).digest('hex');
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normalise = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** The time step of a right code (±1 step), or null. */
function matchingCounter(secret: string, email: string, code: string): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const now = Date.now();
  const delta = totpOf(secret, email).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_S) + delta;
}

/** A new secret for the user, not on until confirmed; replaces one not yet confirmed. */
export async function startTotp(database: Database, userId: string) {
  const user = await findUserSettings(database, userId);
  if (!user) throw new HttpProblem(404, 'This user was not found.');
  if (user.totpEnabledAt) throw new HttpProblem(409, 'Two-factor sign-in is already on. Turn it off first to set up a new authenticator.');
  const secret = new Secret({ size: 20 }).base32;
  await setPendingTotpSecret(database, userId, secret);
  const uri = totpOf(secret, user.email).toString();
  return { secret, uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

/** Turns two-factor sign-in on with a current code; answers the recovery codes, shown once. */
export async function confirmTotp(database: Database, userId: string, code: string, now: Date): Promise<string[]> {
  const user = await findUserSettings(database, userId);
  if (!user?.totpSecret || user.totpEnabledAt) {
    throw new HttpProblem(409, user?.totpEnabledAt ? 'Two-factor sign-in is already on.' : 'Start the setup first: POST /api/settings/totp makes a secret.');
  }
  const counter = matchingCounter(user.totpSecret, user.email, code);
  if (counter === null) throw wrongCode();
  const codes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(10).toString('hex').replace(/(.{5})(?=.)/g, '$1-'));
  await database.transaction(async (tx) => {
    if (!(await setTotpEnabled(tx, userId, now, counter))) throw new HttpProblem(409, 'Two-factor sign-in is already on.');
    await replaceRecoveryCodes(tx, userId, codes.map((c) => hash(normalise(c))));
    await appendAudit(tx, { at: now, actorId: userId, action: 'user.totp_enabled', subject: userId });
  });
  return codes;
}

const wrongCode = () =>
  new HttpProblem(400, 'This code is not right. Enter the 6-digit code your authenticator app shows now.', [{ field: 'body.code', message: 'is not a current code' }]);

/**
 * Whether the code lets this user in: a current TOTP code whose step was not used yet, or an
 * unused recovery code (which is used up by this).
 */
export async function checkSecondFactor(database: Database, userId: string, code: string, now: Date): Promise<boolean> {
  const user = await findUserSettings(database, userId);
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const counter = matchingCounter(user.totpSecret, user.email, code);
  if (counter !== null) return takeTotpCounter(database, userId, counter);
  return useRecoveryCode(database, userId, hash(normalise(code)), now);
}

export const isTotpOn = async (database: Database, userId: string) => Boolean((await findUserSettings(database, userId))?.totpEnabledAt);
