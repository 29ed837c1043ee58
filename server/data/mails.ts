// The mails table: the delivery side's claim, success and failure, and the admin's outbox
// (a page of mails, one mail, a retry). Mails are queued by server/notify/emit.ts.
import type { Queryable } from '../db/client.ts';
import type { OutboxMail, OutboxMailDetail, OutboxQuery } from '#contract/outbox.ts';

export interface ClaimedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attempts: number;
  createdAt: Date;
}

/**
 * Claims up to `limit` due mails for `leaseMs`: their next attempt moves past the lease and
 * their attempt count goes up, in one statement, so another server (or a second run here)
 * does not see them as due until the lease ends. Locked rows are skipped, not waited for.
 */
export async function claimDueMails(q: Queryable, now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  return q.query<ClaimedMail>(
    `with due as (
       select id from mails
        where status = 'pending' and next_attempt_at <= $1
        order by next_attempt_at, id
        limit $2
        for update skip locked
     )
     update mails m
        set attempts = m.attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $3::int / 1000.0)
       from due
      where m.id = due.id
     returning m.id::int as id, m.to_address as "to", m.subject, m.text, m.html, m.message_id as "messageId", m.attempts, m.created_at as "createdAt"`,
    [now, limit, leaseMs],
  );
}

export async function markMailSent(q: Queryable, id: number, at: Date): Promise<void> {
  await q.query(`update mails set status = 'sent', sent_at = $2, last_error = null where id = $1 and status = 'pending'`, [id, at]);
}

/**
 * A failed attempt: the error kept for the outbox, and the next try at `next`, or `failed` for
 * good. The mail is still pending, or marked sent in this same transaction before the attempt.
 */
export async function markMailAttemptFailed(q: Queryable, id: number, error: string, next: Date | null): Promise<void> {
  await q.query(
    `update mails set last_error = $2, sent_at = null, status = case when $3::timestamptz is null then 'failed' else 'pending' end,
            next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
      where id = $1 and status in ('pending', 'sent')`,
    [id, error.slice(0, 1000), next],
  );
}

/** Without an SMTP server every due mail is kept: the admin reads it in the outbox. */
export async function keepDueMails(q: Queryable, now: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `with kept as (update mails set status = 'kept' where status = 'pending' and next_attempt_at <= $1 returning 1)
     select count(*)::int as n from kept`,
    [now],
  );
  return row?.n ?? 0;
}

const COLUMNS = `m.id::int as id, m.to_address as "to", m.subject, m.kind, m.status, m.attempts, m.last_error as "lastError",
  m.created_at as "createdAt", m.sent_at as "sentAt", m.next_attempt_at as "nextAttemptAt"`;

type Row = Omit<OutboxMail, 'createdAt' | 'sentAt' | 'nextAttemptAt'> & { createdAt: Date | string; sentAt: Date | string | null; nextAttemptAt: Date | string };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toMail = (r: Row): OutboxMail => ({
  ...r,
  createdAt: iso(r.createdAt)!,
  sentAt: iso(r.sentAt),
  // A pending mail's next try; past it for the others.
  nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
});

/** The outbox, newest first, filtered by status and by a part of the address; `limit + 1` rows tell whether there is more. */
export async function listOutbox(q: Queryable, filter: OutboxQuery, limit: number): Promise<OutboxMail[]> {
  const rows = await q.query<Row>(
    `select ${COLUMNS} from mails m
      where ($1::text is null or m.status = $1)
        and ($2::text is null or strpos(lower(m.to_address), lower($2)) > 0)
        and ($3::bigint is null or m.id < $3)
      order by m.id desc
      limit $4`,
    [filter.status ?? null, filter.to ?? null, filter.before ?? null, limit + 1],
  );
  return rows.map(toMail);
}

export async function findOutboxMail(q: Queryable, id: number): Promise<Omit<OutboxMailDetail, 'listUnsubscribe'> | null> {
  const [row] = await q.query<Row & { messageId: string; text: string; html: string }>(
    `select ${COLUMNS}, m.message_id as "messageId", m.text, m.html from mails m where m.id = $1`,
    [id],
  );
  return row ? { ...toMail(row), messageId: row.messageId, text: row.text, html: row.html } : null;
}

/** A failed or waiting mail, due again now; null when there is no such mail, its status otherwise. */
export async function retryMail(q: Queryable, id: number, now: Date): Promise<{ before: string; after: string } | null> {
  const [row] = await q.query<{ before: string; after: string }>(
    `update mails m set status = case when m.status in ('pending', 'failed') then 'pending' else m.status end,
            next_attempt_at = case when m.status in ('pending', 'failed') then $2 else m.next_attempt_at end
       from (select id, status from mails where id = $1 for update) old
      where m.id = old.id
     returning old.status as before, m.status as after`,
    [id, now],
  );
  return row ?? null;
}
