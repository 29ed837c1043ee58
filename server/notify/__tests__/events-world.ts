// What the event tests share: the API test world with slots last week (in review at NOW) and
// this week, and reads of who was told what: bell items, mails and events by kind.
import type { TestEnv, Who } from '#server/test/harness.ts';
import { addSlots, slotRun, type World } from '#server/test/fixtures.ts';

export const NOW = '2026-11-25T15:00:00.000Z'; // Wednesday; the week of 2026-11-16 is in review
export const LAST_WEEK = '2026-11-16';
export const WEEK = '2026-11-23';
/** An instant on day `day` (0 = Monday) of the week of 2026-11-16. */
export const lastWeekAt = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 16 + day, hh, mm)).toISOString();
export const thisWeekAt = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 23 + day, hh, mm)).toISOString();

/** Last week: 10 active slots on Tuesday for the developer, 3 manual ones for the designer. */
export async function addReviewSlots(env: TestEnv, world: World) {
  await addSlots(env.database, env.blobs, world.contracts.dev, slotRun(lastWeekAt(1, 9), 10, { active: 7 }));
  await addSlots(env.database, env.blobs, world.contracts.designer, slotRun(lastWeekAt(2, 9), 3, { manual: true }));
}

export interface Told {
  kind: string;
  title: string;
  body: string;
  link: string;
  mailed: boolean;
}

/** What the user was told, oldest first: each bell item and whether a mail went with it. */
export async function toldTo(env: TestEnv, userId: string): Promise<Told[]> {
  return env.database.query<Told>(
    `select n.kind, n.title, n.body, n.link, exists (select 1 from mails m where m.event_id = n.event_id and m.user_id = n.user_id) as mailed
       from notifications n where n.user_id = $1 order by n.id`,
    [userId],
  );
}

export async function eventCount(env: TestEnv, kind: string): Promise<number> {
  const [row] = await env.database.query<{ n: number }>(`select count(*)::int as n from notification_events where kind = $1`, [kind]);
  return row!.n;
}

export async function mailsOfKind(env: TestEnv, kind: string): Promise<{ to: string; subject: string; text: string }[]> {
  return env.database.query(`select to_address as "to", subject, text from mails where kind = $1 order by id`, [kind]);
}

export const request = (env: TestEnv) => (method: 'GET' | 'POST' | 'PUT', url: string, who?: Who, payload?: unknown) =>
  env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
