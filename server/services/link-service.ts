// Links in mails that do one thing once: 32 random bytes in the link (base64url), only their
// sha256 in the database, a deadline, and a use that succeeds once. A used, expired or unknown
// token all answer the same 410, so a link tells nothing about why it stopped working.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { consumeLinkToken, findUsableLinkToken, insertLinkToken, type LinkPurpose, type LinkTokenRow } from '../data/link-tokens.ts';
import { tokenHash } from '../data/users.ts';
import { HttpProblem } from '../lib/problem.ts';
import { LINK_INVALID } from '#contract/invitations.ts';
import { newMessageId, publicBase, queueMails } from '../notify/emit.ts';
import { mailBody } from '../notify/render.ts';

/** The tokens we make: 43 base64url characters. Anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const linkGone = () =>
  new HttpProblem(410, `${LINK_INVALID}: it was used already, it expired, or it was never sent. Ask for a new one, or sign in.`);

/** Makes a token for the link and stores its hash; answers the token (it is never stored). */
export async function issueLinkToken(
  tx: Queryable,
  link: { purpose: LinkPurpose; userId: string; invitationId?: string | null; now: Date; validMs: number },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertLinkToken(tx, {
    tokenHash: tokenHash(token),
    purpose: link.purpose,
    userId: link.userId,
    invitationId: link.invitationId ?? null,
    createdAt: link.now,
    expiresAt: new Date(link.now.getTime() + link.validMs),
  });
  return token;
}

/** The token while it may be used, or 410; nothing changes. */
export async function peekLinkToken(q: Queryable, token: string, now: Date): Promise<LinkTokenRow> {
  const row = TOKEN_SHAPE.test(token) ? await findUsableLinkToken(q, tokenHash(token), now) : null;
  if (!row) throw linkGone();
  return row;
}

/** Uses the token in the caller's transaction, or 410: of two parallel uses, one gets the row. */
export async function useLinkToken(tx: Queryable, token: string, purpose: LinkPurpose, now: Date): Promise<LinkTokenRow> {
  const row = TOKEN_SHAPE.test(token) ? await consumeLinkToken(tx, tokenHash(token), purpose, now) : null;
  if (!row) throw linkGone();
  return row;
}

/** A link's full URL: the installation's public address, then the page and token. */
export async function linkUrl(q: Queryable, page: 'invite' | 'reset', token: string): Promise<string> {
  return `${await publicBase(q)}/${page}/${token}`;
}

/** An account mail (invitation, password reset): the one layout, a button to the link, no unsubscribe footer. */
export async function queueLinkMail(
  tx: Queryable,
  m: { kind: 'invitation' | 'password-reset'; userId: string; to: string; name: string; subject: string; line: string; label: string; url: string; now: Date },
): Promise<void> {
  const messageId = newMessageId();
  const base = m.url.slice(0, m.url.indexOf('/', m.url.indexOf('//') + 2));
  const { text, html } = mailBody({ base, recipientName: m.name, messageId }, m.line, { label: m.label, url: m.url }, null);
  await queueMails(tx, null, m.kind, m.now, [{ userId: m.userId, to: m.to, messageId, subject: m.subject, text, html }]);
}
