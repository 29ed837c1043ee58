// Sends the queued mails: each due mail is claimed, sent over SMTP and marked sent; a failure
// keeps the error and tries again later, backing off, until the mail is a day old, when it is
// marked failed and the admin sees it in the outbox. Without an SMTP server (the embedded demo)
// every due mail is marked `kept` instead.
//
// The claim (server/data/mails.ts) is `for update skip locked`, so two servers, or two runs, never
// take the same mail:
// - On PostgreSQL a mail is claimed in a transaction that stays open while it is sent and commits
//   with its new status. A server killed mid-send loses its connection, PostgreSQL rolls back,
//   and the mail is due again at once for the next run (this server restarted, or another one).
// - On PGlite one transaction would stop every request while SMTP answers, so the claim commits
//   at once and moves the mail's next attempt past a lease (longer than any SMTP timeout); a
//   crash leaves it to be sent when the lease ends.
// Either way SMTP leaves one gap (RFC 1047): a crash after the SMTP server has the whole message
// (the final ".") and before our COMMIT is written. The mail is then sent again with the same
// Message-ID, which mail clients show once. Delivery is at least once and never lost; at most one
// repeat per mail in flight (MAIL_SENDERS on PostgreSQL). `npm run bench` (section notify)
// counts the repeats across a kill -9.
import type { Database, Queryable } from '../db/client.ts';
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

/** PostgreSQL: mails sent at once, each in its own transaction (so at most this many hold a connection). */
export const MAIL_SENDERS = SMTP_CONNECTIONS;

/**
 * Sends one claimed mail and records what became of it. `markFirst` (PostgreSQL, inside the
 * claim's transaction): the mail is marked sent before the SMTP exchange, so once the server
 * accepts it only the COMMIT is left to write: the at-least-once gap above loses the update's
 * round trip.
 */
async function sendOne(q: Queryable, mailer: Mailer, mail: ClaimedMail, now: Date, markFirst = false): Promise<boolean> {
  if (markFirst) await markMailSent(q, mail.id, now);
  try {
    await mailer.send(mail);
  } catch (err) {
    const next = new Date(now.getTime() + mailRetryDelayMs(mail.attempts));
    const giveUp = next.getTime() - new Date(mail.createdAt).getTime() > MAIL_GIVE_UP_MS;
    await markMailAttemptFailed(q, mail.id, errorText(err), giveUp ? null : next);
    return false;
  }
  // Accepted: a crash before this update (and its commit) sends it again (see above).
  if (!markFirst) await markMailSent(q, mail.id, now);
  return true;
}

/** PostgreSQL: each sender claims one mail at a time and holds it, locked, until its status commits. */
async function deliverLocked(database: Database, now: Date, mailer: Mailer): Promise<number> {
  let done = 0;
  const sender = async () => {
    // A sender stops at its first failure: the server is down or refusing, and the rest waits for the next run.
    for (;;) {
      const sent = await database.transaction(async (tx) => {
        const [mail] = await claimDueMails(tx, now, 1, MAIL_LEASE_MS);
        return mail ? sendOne(tx, mailer, mail, now, true) : null;
      });
      if (!sent) return;
      done++;
    }
  };
  await Promise.all(Array.from({ length: MAIL_SENDERS }, sender));
  return done;
}

/** PGlite: a batch is claimed under a lease, then sent outside any transaction. */
async function deliverLeased(database: Database, now: Date, mailer: Mailer): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await claimDueMails(database, now, MAIL_BATCH, MAIL_LEASE_MS);
    const sent = (await Promise.all(batch.map((m) => sendOne(database, mailer, m, now)))).filter(Boolean).length;
    done += sent;
    // A short batch was the last; a batch that all failed means the server is down or refusing.
    if (batch.length < MAIL_BATCH || sent === 0) return done;
  }
}

/** Sends every mail due at `now` (or keeps them, without a mailer); returns how many were sent or kept. */
export async function deliverDueMails(database: Database, now: Date, mailer: Mailer | null): Promise<number> {
  if (!mailer) return keepDueMails(database, now);
  return database.kind === 'postgres' ? deliverLocked(database, now, mailer) : deliverLeased(database, now, mailer);
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
