// A contractor's trackers: one token per device, shown once, stored hashed, revocable. Each
// creation and revocation is written to the audit trail.
import { randomBytes } from 'node:crypto';
import type { CreatedTracker, Tracker, TrackerSession } from '#contract/trackers.ts';
import type { Database, Queryable } from '../db/client.ts';
import { appendAudit, type AuditRecord } from '../data/audit.ts';
import { findVisibleContracts, isCompanyDeactivated } from '../data/contracts.ts';
import { findUserTrackers, insertTracker, revokeAllTrackers, revokeTracker, touchTracker } from '../data/trackers.ts';
import type { TrackerIdentity } from '../data/trackers.ts';
import { tokenHash, type User } from '../data/users.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';

function requireContractor(user: User) {
  if (user.role !== 'contractor') {
    throw new HttpProblem(403, 'Only a contractor connects trackers: a tracker records the work of the contractor signed in on it.');
  }
}

export async function createTracker(database: Database, user: User, deviceName: string, now: Date): Promise<CreatedTracker> {
  requireContractor(user);
  const token = `wdt_${randomBytes(32).toString('base64url')}`;
  const tracker = await database.transaction(async (tx) => {
    const made = await insertTracker(tx, user.id, deviceName, tokenHash(token), now);
    await appendAudit(tx, { at: now, actorId: user.id, action: 'tracker.created', subject: made.id, before: null, after: { deviceName } });
    return made;
  });
  return { ...tracker, token };
}

export async function listTrackers(database: Database, user: User): Promise<Tracker[]> {
  requireContractor(user);
  return findUserTrackers(database, user.id);
}

/** Revokes one of the user's trackers; another user's answers 404, like a missing one. */
export async function revokeUserTracker(database: Database, user: User, trackerId: string, now: Date): Promise<void> {
  requireContractor(user);
  await database.transaction(async (tx) => {
    const done = await revokeTracker(tx, user.id, trackerId, now);
    if (!done) throw notFound('The tracker');
    if (done.revokedNow) await appendAudit(tx, revokedAudit(done.tracker, user.id, now));
  });
}

/**
 * Revokes every tracker of the user, inside the caller's transaction: the user was disabled
 * or their password changed, so a token made while someone else had the account stops at once.
 * `actorId` is the admin (null: the command line). Answers how many were revoked.
 */
export async function revokeEveryTracker(tx: Queryable, userId: string, actorId: string | null, now: Date): Promise<number> {
  const revoked = await revokeAllTrackers(tx, userId, now);
  await appendAudit(tx, revoked.map((t) => revokedAudit(t, actorId, now)));
  return revoked.length;
}

const revokedAudit = (tracker: Tracker, actorId: string | null, now: Date): AuditRecord => ({
  at: now,
  actorId,
  action: 'tracker.revoked',
  subject: tracker.id,
  before: { deviceName: tracker.deviceName, revokedAt: null },
  after: { revokedAt: now.toISOString() },
});

/**
 * Whether the contract takes tracker uploads: only an active one of a company that is not
 * deactivated. A paused or ended contract, or a deactivated company's, keeps its weeks, reviews and
 * disputes; it only records no new time.
 */
export async function takesUploads(q: Queryable, contract: { status: string; company: { id: string } }): Promise<boolean> {
  return contract.status === 'active' && !(await isCompanyDeactivated(q, contract.company.id));
}

/** What a tracker learns at start-up: whose it is and the active contracts it may upload to. */
export async function trackerSession(database: Database, tracker: TrackerIdentity, now: Date): Promise<TrackerSession> {
  const visible = await findVisibleContracts(database, tracker.user);
  const open = await Promise.all(visible.map((k) => takesUploads(database, k)));
  const contracts = visible
    .filter((_, i) => open[i])
    .map((k) => ({ id: k.id, title: k.title, companyName: k.company.name, timeZone: k.timeZone, status: 'active' as const, manualTimeAllowed: k.manualTimeAllowed }));
  const { id, name, email } = tracker.user;
  return { user: { id, name, email }, device: tracker.device, contracts, now: now.toISOString() };
}

/**
 * Notes that the tracker uploaded a slot: the Trackers page's "Last upload". Only an upload
 * writes it (the start-up call is a GET, and a GET never writes); at most once a minute, so
 * a tracker catching up on its queue does not write the row for every slot.
 */
export async function noteTrackerUpload(database: Database, tracker: TrackerIdentity, now: Date): Promise<void> {
  if (tracker.lastUsedAt && now.getTime() - tracker.lastUsedAt.getTime() < 60_000) return;
  await touchTracker(database, tracker.device.id, now);
}
