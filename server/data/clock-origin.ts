// The shared clock origin (schema/clock.ts).
import type { ClockOrigin as ClockOriginRow } from '../clock.ts';
import type { Queryable } from '../db/client.ts';

/** The origin every server on this database runs its clock from, if one was taken. */
export async function findClockOrigin(q: Queryable): Promise<ClockOriginRow | null> {
  const [row] = await q.query<ClockOriginRow>(`select source, starts_at as "startsAt", real_at as "realAt" from clock_origin where id = 1`);
  return row ? { ...row, startsAt: new Date(row.startsAt), realAt: new Date(row.realAt) } : null;
}

/**
 * Takes `origin` unless the same source already holds the same instant (a second server, or a
 * restart, keeps the first one's origin) taken since `renewBefore`; answers the origin now in
 * force. Two servers taking the same origin at once agree on the one that was written first.
 */
export async function takeClockOrigin(q: Queryable, origin: ClockOriginRow, renewBefore?: Date): Promise<ClockOriginRow> {
  await q.query(
    `insert into clock_origin (id, source, starts_at, real_at) values (1, $1, $2, $3)
     on conflict (id) do update set source = excluded.source, starts_at = excluded.starts_at, real_at = excluded.real_at
     where clock_origin.source <> excluded.source or clock_origin.starts_at <> excluded.starts_at
        or clock_origin.real_at < $4`,
    [origin.source, origin.startsAt, origin.realAt, renewBefore ?? new Date(0)],
  );
  return (await findClockOrigin(q))!;
}

/** The clock runs on real time again: no origin. */
export async function dropClockOrigin(q: Queryable): Promise<void> {
  await q.query(`delete from clock_origin`);
}
