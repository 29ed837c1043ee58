// Notifications as people see them: their bell items, their choices per kind, the mail an
// unsubscribe link names; and the reads the event sweeps and the over-cap check make. The
// outbox's writes are in server/notify/emit.ts.
import type { Channel } from '#contract/notifications.ts';
import type { Queryable } from '../db/client.ts';
import { CONTRACT_COLUMNS, CONTRACT_FROM, type ContractRow } from './contracts.ts';

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The user's items, newest first, older than `before` (an id) when given: one page and one more, to tell if more follow. */
export async function findNotifications(q: Queryable, userId: string, before: number | null, limit: number): Promise<NotificationRow[]> {
  const rows = await q.query<NotificationRow & { createdAt: Date | string; readAt: Date | string | null }>(
    `select id, kind, title, body, link, created_at as "createdAt", read_at as "readAt"
       from notifications
      where user_id = $1 and ($2::bigint is null or id < $2)
      order by id desc
      limit $3`,
    [userId, before, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), createdAt: new Date(r.createdAt), readAt: r.readAt === null ? null : new Date(r.readAt) }));
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const [row] = await q.query<{ n: number | string }>(`select count(*) as n from notifications where user_id = $1 and read_at is null`, [userId]);
  return Number(row?.n ?? 0);
}

/** Marks one of the user's items read; false when the user has no such item. */
export async function markRead(q: Queryable, userId: string, id: number, now: Date): Promise<boolean> {
  const rows = await q.query<{ id: number }>(
    `update notifications set read_at = coalesce(read_at, $3) where id = $1 and user_id = $2 returning id`,
    [id, userId, now],
  );
  return rows.length > 0;
}

export async function markAllRead(q: Queryable, userId: string, now: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(`update notifications set read_at = $2 where user_id = $1 and read_at is null returning id`, [userId, now]);
  return rows.length;
}

/** The user's own choices (kinds they never changed are absent: those use the kind's default). */
export async function findPrefs(q: Queryable, userId: string): Promise<Map<string, Channel>> {
  const rows = await q.query<{ kind: string; channel: Channel }>(`select kind, channel from notification_prefs where user_id = $1`, [userId]);
  return new Map(rows.map((r) => [r.kind, r.channel]));
}

export async function setPrefs(q: Queryable, userId: string, prefs: { kind: string; channel: Channel }[]): Promise<void> {
  if (prefs.length === 0) return;
  await q.query(
    `insert into notification_prefs (user_id, kind, channel)
     select $1, x.kind, x.channel from jsonb_to_recordset($2::jsonb) as x(kind text, channel text)
     on conflict (user_id, kind) do update set channel = excluded.channel`,
    [userId, JSON.stringify(prefs)],
  );
}

/** Who a mail went to and of what kind, by its Message-ID (the unsubscribe link's handle). */
export async function findMailRecipient(q: Queryable, messageId: string): Promise<{ userId: string; kind: string } | null> {
  const rows = await q.query<{ userId: string; kind: string }>(
    `select m.user_id as "userId", m.kind from mails m join users u on u.id = m.user_id where m.message_id = $1`,
    [messageId],
  );
  return rows[0] ?? null;
}

/**
 * The week's cap in hours when the week's countable slots (live, and active or manual) pass it
 * and `key` was never an event; null otherwise. The cap is the terms' in force at the Monday.
 */
export async function findOverCapWeek(q: Queryable, contractId: string, weekStart: Date, key: string): Promise<{ capHours: number } | null> {
  const rows = await q.query<{ capHours: number }>(
    `select t.cap as "capHours"
       from (select cap from (select weekly_limit_hours as cap, effective_from as f from contract_terms where contract_id = $1 and effective_from <= $2
                              union all select weekly_limit_hours, '-infinity'::timestamptz from contracts where id = $1) x
              order by f desc limit 1) t
      where t.cap is not null
        and not exists (select 1 from notification_events e where e.key = $3)
        and (select count(*) from slots s where s.contract_id = $1 and s.start >= $2 and s.start < $2 + interval '7 days'
               and s.deleted_at is null and (s.kind = 'manual' or s.active_minutes > 0)) > t.cap * 6`,
    [contractId, weekStart, key],
  );
  return rows[0] ?? null;
}

/**
 * The contracts whose week (its Monday) has live slots and no approval, and that were not told
 * `prefix<contract>:<week>` yet: what week-in-review and review-closing still have to say.
 */
export async function findWeeksUntold(q: Queryable, weekStart: Date, prefix: string, week: string): Promise<ContractRow[]> {
  return q.query<ContractRow>(
    `select ${CONTRACT_COLUMNS} from ${CONTRACT_FROM}
      where exists (select 1 from slots s where s.contract_id = k.id and s.start >= $1 and s.start < $1 + interval '7 days' and s.deleted_at is null)
        and not exists (select 1 from week_approvals a where a.contract_id = k.id and a.week_start = $1)
        and not exists (select 1 from notification_events e where e.key = $2 || k.id || ':' || $3)`,
    [weekStart, prefix, week],
  );
}

/**
 * Active contracts whose tracker last uploaded a slot starting before `before`, with that
 * slot's start, whose silence since then was not told yet (`tracker-silent:<contract>:<ms>`).
 */
export async function findSilentContracts(q: Queryable, before: Date): Promise<(ContractRow & { lastStart: Date })[]> {
  const rows = await q.query<ContractRow & { lastStart: Date | string }>(
    `select ${CONTRACT_COLUMNS}, l.last as "lastStart"
       from ${CONTRACT_FROM}
       cross join lateral (select max(s.start) as last from slots s where s.contract_id = k.id and s.kind = 'tracked') l
      where k.status = 'active' and l.last < $1
        and not exists (select 1 from notification_events e
                         where e.key = 'tracker-silent:' || k.id || ':' || (extract(epoch from l.last) * 1000)::bigint)`,
    [before],
  );
  return rows.map((r) => ({ ...r, lastStart: new Date(r.lastStart) }));
}
