// Sends the queued mails. A run claims the due ones in small batches (server/data/mails.ts:
// `for update skip locked`, and the claim moves their next attempt past a lease), sends each
// over SMTP, and marks it sent; a failure keeps the error and tries again later, backing off,
// until the mail is a day old, when it is marked failed and the admin sees it in the outbox.
// Without an SMTP server (the embedded demo) every due mail is marked `kept` instead.
//
// Two servers never send one mail twice: a mail is claimed by one statement, and the other
// server sees it as due again only when the lease has ended, long after any SMTP timeout.
// A crash between the SMTP server's "250 accepted" and our `sent` update is the one gap
// SMTP leaves (RFC 1047): the claim's lease ends, the mail is sent again with the same
// Message-ID, and mail clients show a repeated Message-ID once. So delivery is at least once,
// never lost; the bench (`npm run bench`, section notify) counts the repeats across a kill -9.
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { claimDueMails, keepDueMails, markMailAttemptFailed, markMailSent, retryMail, type ClaimedMail } from '../data/mails.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { pokeDelivery } from './emit.ts';
import { SMTP_CONNECTIONS, SMTP_TIMEOUT_MS, type Mailer } from './smtp.ts';

/** A delivery step: sends what is due at `now`, returns how many it finished. */
export type Deliverer = (database: Database, now: Date) => Promise<number>;

export const MAIL_BATCH = 25;
/** Longer than a whole batch can take with every connection timing out. */
export const MAIL_LEASE_MS = Math.max(10 * 60_000, Math.ceil(MAIL_BATCH / SMTP_CONNECTIONS) * 3 * SMTP_TIMEOUT_MS);
export const MAIL_GIVE_UP_MS = 24 * 3_600_000;

/** 30 s after the first failure, doubling, at most an hour apart. */
export const mailRetryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim() || 'unknown error';

async function sendOne(database: Database, mailer: Mailer, mail: ClaimedMail, now: Date): Promise<boolean> {
  try {
    await mailer.send(mail);
  } catch (err) {
    const next = new Date(now.getTime() + mailRetryDelayMs(mail.attempts));
    const giveUp = next.getTime() - new Date(mail.createdAt).getTime() > MAIL_GIVE_UP_MS;
    await markMailAttemptFailed(database, mail.id, errorText(err), giveUp ? null : next);
    return false;
  }
  // Accepted: a crash before this update sends it again after the lease (see above).
  await markMailSent(database, mail.id, now);
  return true;
}

/** Sends every mail due at `now` (or keeps them, without a mailer); returns how many were sent or kept. */
export async function deliverDueMails(database: Database, now: Date, mailer: Mailer | null): Promise<number> {
  if (!mailer) return keepDueMails(database, now);
  let done = 0;
  for (;;) {
    const batch = await claimDueMails(database, now, MAIL_BATCH, MAIL_LEASE_MS);
    const sent = (await Promise.all(batch.map((m) => sendOne(database, mailer, m, now)))).filter(Boolean).length;
    done += sent;
    // A short batch was the last; a batch that all failed means the server is down or refusing:
    // the rest waits for the next run rather than each mail timing out now.
    if (batch.length < MAIL_BATCH || sent === 0) return done;
  }
}

/** The mail step for the delivery runner. */
export const mailDeliverer =
  (mailer: Mailer | null): Deliverer =>
  (database, now) =>
    deliverDueMails(database, now, mailer);

/** Admin → Outbox's retry: a failed or waiting mail is due now (audited); 404 unknown, 409 sent or kept. */
export async function retryMailAs(database: Database, admin: { id: string }, mailId: number, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    const r = await retryMail(tx, mailId, now);
    if (!r) throw notFound('The mail');
    if (r.after !== 'pending') throw new HttpProblem(409, `This mail was ${r.before}: only a failed or waiting mail can be sent again.`);
    await appendAudit(tx, { at: now, actorId: admin.id, action: 'mail.retried', subject: String(mailId), before: { status: r.before }, after: { status: 'pending' } });
    await pokeDelivery(tx);
  });
}
