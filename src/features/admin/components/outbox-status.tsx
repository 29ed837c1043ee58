// A mail's status in words and colour: sent, kept (no SMTP server is set), waiting for a retry, failed.
import type { OutboxMail } from '#contract/outbox.ts';

const LABELS: Record<OutboxMail['status'], { label: string; hint: string }> = {
  sent: { label: 'Sent', hint: 'The mail server accepted it.' },
  kept: { label: 'Kept', hint: 'No mail server is set (WORKDIARY_SMTP_URL): it is kept here for you to read.' },
  pending: { label: 'Waiting', hint: 'Queued; it is sent within seconds, or retried after a failure.' },
  failed: { label: 'Failed', hint: 'The mail server refused it for a day. Send it again when the server is back.' },
};

export function OutboxStatus({ mail }: { mail: Pick<OutboxMail, 'status' | 'attempts'> }) {
  const { label, hint } = LABELS[mail.status];
  const retrying = mail.status === 'pending' && mail.attempts > 0;
  return (
    <span className={`status outbox-status outbox-status--${retrying ? 'retrying' : mail.status}`} title={hint}>
      {retrying ? 'Retrying' : label}
    </span>
  );
}
