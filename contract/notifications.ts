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
