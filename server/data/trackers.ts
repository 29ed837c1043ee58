// Tracker tokens: one per device of a contractor, stored as the sha256 of the token.
import type { Queryable } from '../db/client.ts';
import type { Tracker } from '#contract/trackers.ts';
import { fingerprint } from '../lib/fingerprint.ts';
import type { User } from './users.ts';

interface TrackerRow {
  id: string;
  deviceName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  publicKey: string | null;
}

const COLUMNS = `id, device_name as "deviceName", created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt", public_key as "publicKey"`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toTracker = (r: TrackerRow): Tracker => ({
  id: r.id,
  deviceName: r.deviceName,
  createdAt: new Date(r.createdAt).toISOString(),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
  deviceKey: r.publicKey ? fingerprint(r.publicKey) : null,
});

export async function insertTracker(q: Queryable, userId: string, deviceName: string, tokenHash: string, now: Date): Promise<Tracker> {
  const rows = await q.query<TrackerRow>(
    `insert into tracker_tokens (user_id, device_name, token_hash, created_at) values ($1, $2, $3, $4) returning ${COLUMNS}`,
    [userId, deviceName, tokenHash, now],
  );
  return toTracker(rows[0]!);
}

/** The user's trackers, newest first. */
export async function findUserTrackers(q: Queryable, userId: string): Promise<Tracker[]> {
  const rows = await q.query<TrackerRow>(`select ${COLUMNS} from tracker_tokens where user_id = $1 order by created_at desc, id`, [userId]);
  return rows.map(toTracker);
}

/** Revokes the user's tracker (once; a second revoke changes nothing). Null: not the user's. */
export async function revokeTracker(q: Queryable, userId: string, trackerId: string, now: Date): Promise<{ tracker: Tracker; revokedNow: boolean } | null> {
  const updated = await q.query<TrackerRow>(
    `update tracker_tokens set revoked_at = $3 where id = $1 and user_id = $2 and revoked_at is null returning ${COLUMNS}`,
    [trackerId, userId, now],
  );
  if (updated[0]) return { tracker: toTracker(updated[0]), revokedNow: true };
  const rows = await q.query<TrackerRow>(`select ${COLUMNS} from tracker_tokens where id = $1 and user_id = $2`, [trackerId, userId]);
  return rows[0] ? { tracker: toTracker(rows[0]), revokedNow: false } : null;
}

/** Revokes every tracker of the user not revoked yet; answers those it revoked. */
export async function revokeAllTrackers(q: Queryable, userId: string, now: Date): Promise<Tracker[]> {
  const rows = await q.query<TrackerRow>(
    `update tracker_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null returning ${COLUMNS}`,
    [userId, now],
  );
  return rows.map(toTracker);
}

export interface TrackerIdentity {
  device: { id: string; name: string };
  user: User;
  lastUsedAt: Date | null;
  /** The device's Ed25519 public key (base64 SPKI DER), once the tracker registered one. */
  publicKey: string | null;
}

/** The device and its contractor for a token's hash, unless the token is unknown or revoked. */
export async function findTrackerByTokenHash(q: Queryable, tokenHash: string): Promise<TrackerIdentity | null> {
  const rows = await q.query<{
    deviceId: string;
    deviceName: string;
    lastUsedAt: Date | null;
    publicKey: string | null;
    id: string;
    email: string;
    name: string;
    role: User['role'];
  }>(
    `select t.id as "deviceId", t.device_name as "deviceName", t.last_used_at as "lastUsedAt", t.public_key as "publicKey", u.id, u.email, u.name, u.role
       from tracker_tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and t.revoked_at is null and u.role = 'contractor' and u.disabled_at is null`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    device: { id: r.deviceId, name: r.deviceName },
    user: { id: r.id, email: r.email, name: r.name, role: r.role, companyId: null, companyName: null },
    lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt) : null,
    publicKey: r.publicKey,
  };
}

/**
 * Gives the tracker its device key unless it has one. Answers the key it has now and whether it
 * was set by this call: the update only takes a row whose key is empty, so of two racing calls one
 * sets it and the other reads it.
 */
export async function setTrackerKey(q: Queryable, trackerId: string, publicKey: string): Promise<{ publicKey: string | null; created: boolean }> {
  const set = await q.query<{ publicKey: string }>(
    `update tracker_tokens set public_key = $2 where id = $1 and public_key is null returning public_key as "publicKey"`,
    [trackerId, publicKey],
  );
  if (set[0]) return { publicKey: set[0].publicKey, created: true };
  const rows = await q.query<{ publicKey: string | null }>(`select public_key as "publicKey" from tracker_tokens where id = $1`, [trackerId]);
  return { publicKey: rows[0]?.publicKey ?? null, created: false };
}

/** Notes an upload by the tracker, at most once a minute (every upload would otherwise write the row). */
export async function touchTracker(q: Queryable, trackerId: string, now: Date): Promise<void> {
  await q.query(
    `update tracker_tokens set last_used_at = $2
      where id = $1 and (last_used_at is null or last_used_at <= $2::timestamptz - interval '1 minute')`,
    [trackerId, now],
  );
}
