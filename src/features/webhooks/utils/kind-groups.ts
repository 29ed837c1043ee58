// The kinds a webhook may receive, grouped by who the event is about, in the settings' order.
import { KIND_INFO, NOTIFICATION_KINDS, type Audience, type NotificationKind } from '#contract/notifications.ts';

const GROUP_TITLE: Record<Audience, string> = {
  client: 'For the company’s clients',
  contractor: 'For its contractors',
  admin: 'For the admins',
};

export const KIND_GROUPS = (['client', 'contractor', 'admin'] as const).map((audience) => ({
  audience,
  title: GROUP_TITLE[audience],
  kinds: NOTIFICATION_KINDS.filter((k) => KIND_INFO[k].audience === audience),
}));

export const ALL_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS;

/** What the log calls a kind: its label, or "Test" for the button's. */
export const kindLabel = (kind: string) => (kind === 'test' ? 'Test event' : (KIND_INFO[kind as NotificationKind]?.label ?? kind));
