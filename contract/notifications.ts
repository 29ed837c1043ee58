// What people are told of: each kind, who hears of it, and how by default. The settings page
// lists these; the server's outbox (server/notify/) fans each event out by this table.
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  // to the client
  'week-in-review',
  'review-closing',
  'dispute-answered',
  'dispute-escalated',
  'dispute-resolved-client',
  'over-cap',
  'question-answered',
  // to the contractor
  'slots-disputed',
  'dispute-resolved',
  'week-approved',
  'tracker-silent',
  'question-asked',
  // to the admins
  'dispute-escalated-admin',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKind = z.enum(NOTIFICATION_KINDS);

export type Audience = 'client' | 'contractor' | 'admin';
export const Channel = z.enum(['app', 'app_mail', 'off']);
export type Channel = z.infer<typeof Channel>;

interface KindInfo {
  audience: Audience;
  /** What the settings page calls it. */
  label: string;
  channel: Channel;
}

export const KIND_INFO: Record<NotificationKind, KindInfo> = {
  'week-in-review': { audience: 'client', label: 'A week is ready for review', channel: 'app_mail' },
  'review-closing': { audience: 'client', label: 'A review closes in 24 hours with nothing approved', channel: 'app_mail' },
  'dispute-answered': { audience: 'client', label: 'A contractor answered a dispute', channel: 'app_mail' },
  'dispute-escalated': { audience: 'client', label: 'A dispute went to an admin', channel: 'app_mail' },
  'dispute-resolved-client': { audience: 'client', label: 'A dispute was resolved', channel: 'app' },
  'over-cap': { audience: 'client', label: 'A contractor went over the weekly cap', channel: 'app_mail' },
  'question-answered': { audience: 'client', label: 'A contractor answered your question', channel: 'app' },
  'slots-disputed': { audience: 'contractor', label: 'Slots were disputed', channel: 'app_mail' },
  'dispute-resolved': { audience: 'contractor', label: 'A dispute was resolved', channel: 'app_mail' },
  'week-approved': { audience: 'contractor', label: 'A week was approved', channel: 'app_mail' },
  'tracker-silent': { audience: 'contractor', label: 'Your tracker stopped uploading', channel: 'app_mail' },
  'question-asked': { audience: 'contractor', label: 'A client asked about a slot', channel: 'app_mail' },
  'dispute-escalated-admin': { audience: 'admin', label: 'A dispute was escalated to you', channel: 'app_mail' },
};

/** The kinds a role can be told of, in the settings page's order. */
export const kindsFor = (role: Audience): NotificationKind[] => NOTIFICATION_KINDS.filter((k) => KIND_INFO[k].audience === role);

export const NotificationItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The dashboard path where it is acted on. */
  link: z.string(),
  createdAt: z.iso.datetime(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** The bell: the newest items first, a page at a time (`before` the last id shown), and how many are unread. */
export const NotificationsQuery = z.object({
  before: z.coerce.number({ error: 'must be the id of an item, a whole number' }).int().positive().optional(),
  limit: z.coerce.number({ error: 'must be a whole number from 1 to 50' }).int().min(1).max(50).default(20),
});
export const NotificationList = z.object({
  items: z.array(NotificationItem),
  unread: z.number().int(),
  /** Pass as `before` for the next page; null when there is none. */
  nextBefore: z.number().int().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
export const NotificationParams = z.object({ id: z.coerce.number({ error: 'must be the id of an item, a whole number' }).int().positive() });

/** A person's choice for each kind of their role, with the kind's default beside it. */
export const NotificationPref = z.object({ kind: NotificationKind, label: z.string(), channel: Channel, defaultChannel: Channel });
export type NotificationPref = z.infer<typeof NotificationPref>;
export const NotificationPrefs = z.object({ prefs: z.array(NotificationPref) });
export type NotificationPrefs = z.infer<typeof NotificationPrefs>;
export const NotificationPrefsUpdate = z.object({
  prefs: z.array(z.object({ kind: NotificationKind, channel: Channel })).min(1, { error: 'must name at least one kind' }).max(NOTIFICATION_KINDS.length * 2),
});
export type NotificationPrefsUpdate = z.infer<typeof NotificationPrefsUpdate>;

/** What an unsubscribe link stops: one kind of mail for the person it was sent to. */
export const UnsubscribeParams = z.object({ messageId: z.string().min(1).max(200) });
export const UnsubscribeInfo = z.object({ kind: NotificationKind, label: z.string(), channel: Channel });
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfo>;
