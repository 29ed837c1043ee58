// The SMTP side of mail: one pooled nodemailer transport to WORKDIARY_SMTP_URL. A mail goes
// out with the Message-ID fixed when it was queued, so a retry after a crash is the same
// message (clients that already have it show it once), and with List-Unsubscribe when its
// text carries an unsubscribe link.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets: `abc@workdiary`. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = 'workdiary <no-reply@localhost>';

/** Each connection waits at most this long for the server; a delivery claim outlives the slowest batch. */
export const SMTP_TIMEOUT_MS = 20_000;
export const SMTP_CONNECTIONS = 4;

/** The mail's own unsubscribe link (render.ts puts `<base>/unsubscribe/<message id>` in the footer). */
export function unsubscribeLinkIn(text: string, messageId: string): string | null {
  const tail = `/unsubscribe/${encodeURIComponent(messageId)}`;
  const hit = text.split(/\s+/).find((word) => /^https?:\/\//.test(word) && word.endsWith(tail));
  return hit ?? null;
}

export function smtpMailer(url: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    send: async (mail) => {
      const unsubscribe = unsubscribeLinkIn(mail.text, mail.messageId);
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageId}>`,
        ...(unsubscribe && { list: { unsubscribe } }),
      });
    },
    close: () => transport.close(),
  };
}
