// The signed-in person's notifications: their bell (a page of items, the unread count, marking
// read) and their choice per kind; and the unsubscribe link of a mail, whose random Message-ID
// is the credential: it changes only that person's choice for that kind, to "app only".
import { KIND_INFO, kindsFor, NOTIFICATION_KINDS, type Channel, type NotificationKind, type NotificationList, type NotificationPrefs, type UnsubscribeInfo } from '#contract/notifications.ts';
import type { Queryable } from '../db/client.ts';
import { countUnread, findMailRecipient, findNotifications, findPrefs, markAllRead, markRead, setPrefs } from '../data/notifications.ts';
import type { User } from '../data/users.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';

export async function listNotifications(q: Queryable, user: User, page: { before?: number; limit: number }): Promise<NotificationList> {
  const [rows, unread] = await Promise.all([findNotifications(q, user.id, page.before ?? null, page.limit + 1), countUnread(q, user.id)]);
  const items = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  }));
  return { items, unread, nextBefore: rows.length > page.limit ? items.at(-1)!.id : null };
}

export const unreadCount = async (q: Queryable, user: User) => ({ unread: await countUnread(q, user.id) });

/** Marks one of the user's own items read; another person's item is "not found". */
export async function readNotification(q: Queryable, user: User, id: number, now: Date) {
  if (!(await markRead(q, user.id, id, now))) throw notFound('The notification');
  return unreadCount(q, user);
}

export async function readAllNotifications(q: Queryable, user: User, now: Date) {
  await markAllRead(q, user.id, now);
  return { unread: 0 };
}

export async function getPrefs(q: Queryable, user: User): Promise<NotificationPrefs> {
  const mine = await findPrefs(q, user.id);
  return {
    prefs: kindsFor(user.role).map((kind) => ({
      kind,
      label: KIND_INFO[kind].label,
      channel: mine.get(kind) ?? KIND_INFO[kind].channel,
      defaultChannel: KIND_INFO[kind].channel,
    })),
  };
}

/** Sets the user's choices; a kind their role is never told of is refused, naming the field. */
export async function updatePrefs(q: Queryable, user: User, prefs: { kind: NotificationKind; channel: Channel }[]): Promise<NotificationPrefs> {
  const errors = prefs.flatMap((p, i) =>
    KIND_INFO[p.kind].audience === user.role ? [] : [{ field: `body.prefs.${i}.kind`, message: `is not a kind a ${user.role} is told of; choose one of ${kindsFor(user.role).join(', ')}` }],
  );
  if (errors.length > 0) throw new HttpProblem(400, `“${prefs[Number(errors[0]!.field.split('.')[2])]!.kind}” is not something you are notified of.`, errors);
  // The last choice for a kind wins: one row per kind, as one statement needs it.
  await setPrefs(q, user.id, [...new Map(prefs.map((p) => [p.kind, p.channel]))].map(([kind, channel]) => ({ kind, channel })));
  return getPrefs(q, user);
}

const linkInvalid = () => new HttpProblem(404, 'This link is no longer valid. To choose what you are told of, sign in and open Settings.');

async function recipientOf(q: Queryable, messageId: string) {
  const mail = await findMailRecipient(q, messageId);
  if (!mail || !(NOTIFICATION_KINDS as readonly string[]).includes(mail.kind)) throw linkInvalid();
  return { userId: mail.userId, kind: mail.kind as NotificationKind };
}

export async function unsubscribeInfo(q: Queryable, messageId: string): Promise<UnsubscribeInfo> {
  const { userId, kind } = await recipientOf(q, messageId);
  const channel = (await findPrefs(q, userId)).get(kind) ?? KIND_INFO[kind].channel;
  return { kind, label: KIND_INFO[kind].label, channel };
}

/** Stops the mails of the link's kind: that person's choice becomes "app only" (an "off" stays off). */
export async function unsubscribe(q: Queryable, messageId: string): Promise<UnsubscribeInfo> {
  const { userId, kind } = await recipientOf(q, messageId);
  const current = (await findPrefs(q, userId)).get(kind) ?? KIND_INFO[kind].channel;
  const channel: Channel = current === 'off' ? 'off' : 'app';
  await setPrefs(q, userId, [{ kind, channel }]);
  return { kind, label: KIND_INFO[kind].label, channel };
}
