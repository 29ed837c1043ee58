// Admin → Outbox: every mail the installation queued, what became of it (sent, kept without
// an SMTP server, waiting for a retry, failed), and the mail itself as its recipient sees it.
import { z } from 'zod';
import { Text } from './common.ts';

export const MAIL_STATUSES = ['pending', 'sent', 'kept', 'failed'] as const;
export const MailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatus>;

const MailId = z.coerce
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be positive' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

export const OutboxQuery = z.object({
  status: MailStatus.optional(),
  /** A part of the recipient's address, in any case. */
  to: Text.trim().max(254).optional(),
  /** Keyset: mails older than this id (the page's `older`). */
  before: MailId.optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const OutboxParams = z.object({ mailId: MailId });

export const OutboxMail = z.object({
  id: z.number().int(),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: MailStatus,
  attempts: z.number().int(),
  /** Why the last attempt failed, when it did. */
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** When a waiting mail is tried next. */
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OutboxPage = z.object({
  mails: z.array(OutboxMail),
  /** `before` for the next, older page; null on the last. */
  older: z.number().int().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const OutboxMailDetail = OutboxMail.extend({
  /** The Message-ID header, without angle brackets. */
  messageId: z.string(),
  /** The List-Unsubscribe link, when the mail has one. */
  listUnsubscribe: z.string().nullable(),
  text: z.string(),
  html: z.string(),
});
export type OutboxMailDetail = z.infer<typeof OutboxMailDetail>;
