// A mail's status in words and colour: sent, kept (no SMTP server is set), waiting for a retry, failed.
import type { OutboxMail } from '#contract/outbox.ts';

// `tone`: the colour of the shared .status pill.
const LABELS: Record<OutboxMail['status'], { label: string; hint: string; tone: string }> = {
  sent: { label: 'Sent', hint: 'The mail server accepted it.', tone: 'active' },
  kept: { label: 'Kept', hint: 'No mail server is set (WORKDIARY_SMTP_URL): it is kept here for you to read.', tone: 'info' },
  pending: { label: 'Waiting', hint: 'Queued; it is sent within seconds, or retried after a failure.', tone: 'paused' },
  failed: { label: 'Failed', hint: 'The mail server refused it for a day. Send it again when the server is back.', tone: 'failed' },
};

export function OutboxStatus({ mail }: { mail: Pick<OutboxMail, 'status' | 'attempts'> }) {
  const { label, hint, tone } = LABELS[mail.status];
  const retrying = mail.status === 'pending' && mail.attempts > 0;
  return (
    <span className={`status outbox-status status--${tone}`} title={hint}>
      {retrying ? 'Retrying' : label}
    </span>
  );
}
