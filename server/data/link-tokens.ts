// The single-use tokens of links in mails (invitations, password resets): only their sha256 is
// kept. Using one is one statement that succeeds once, so two tabs (or two servers) racing on
// the same link cannot both use it.
import type { Queryable } from '../db/client.ts';

export type LinkPurpose = 'invite' | 'reset';

export interface LinkTokenRow {
  purpose: LinkPurpose;
  userId: string;
  invitationId: string | null;
  expiresAt: Date;
}

export async function insertLinkToken(
  q: Queryable,
  row: { tokenHash: string; purpose: LinkPurpose; userId: string; invitationId: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into link_tokens (token_hash, purpose, user_id, invitation_id, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)`,
    [row.tokenHash, row.purpose, row.userId, row.invitationId, row.createdAt, row.expiresAt],
  );
}

const COLUMNS = `purpose, user_id as "userId", invitation_id as "invitationId", expires_at as "expiresAt"`;

/** The token while it may still be used (not used, not expired); a read, nothing changes. */
export async function findUsableLinkToken(q: Queryable, tokenHash: string, now: Date): Promise<LinkTokenRow | null> {
  const rows = await q.query<LinkTokenRow>(`select ${COLUMNS} from link_tokens where token_hash = $1 and used_at is null and expires_at > $2`, [tokenHash, now]);
  return rows[0] ?? null;
}

/** Uses the token: the row, once; null when it is unknown, used, expired or of another purpose. */
export async function consumeLinkToken(q: Queryable, tokenHash: string, purpose: LinkPurpose, now: Date): Promise<LinkTokenRow | null> {
  const rows = await q.query<LinkTokenRow>(
    `update link_tokens set used_at = $3 where token_hash = $1 and purpose = $2 and used_at is null and expires_at > $3 returning ${COLUMNS}`,
    [tokenHash, purpose, now],
  );
  return rows[0] ?? null;
}

/** Ends an invitation's links that were not used (on resend or revoke); answers how many. */
export async function retireInvitationTokens(q: Queryable, invitationId: string, now: Date): Promise<number> {
  return (await q.query(`update link_tokens set used_at = $2 where invitation_id = $1 and used_at is null returning 1`, [invitationId, now])).length;
}
