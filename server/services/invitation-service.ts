// Invitations: an admin invites a client into a company; a client (or an admin) invites a
// contractor to a new contract, which stays `pending` until they accept. A new address gets its
// account at once, with a password nobody knows, so it cannot sign in before the link sets one.
// Every step is audited with who took it; the mail is queued in the same transaction.
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/client.ts';
import type { User } from '../data/users.ts';
import { appendAudit } from '../data/audit.ts';
import {
  findInvitation,
  findInviteCompany,
  findInvitee,
  hasPendingInvitation,
  insertInvitation,
  insertInvitedUser,
  insertPendingContract,
  invitationStatus,
  listInvitations,
  lockInvitation,
  markInvitationAccepted,
  markInvitationRevoked,
  setInvitationExpiry,
  setInviteeAccount,
  settlePendingContract,
  type InvitationRow,
} from '../data/invitations.ts';
import { retireInvitationTokens } from '../data/link-tokens.ts';
import { hashPassword } from '../lib/password.ts';
import { HttpProblem, notFound, type FieldError } from '../lib/problem.ts';
import { privacySentences } from '#contract/privacy-words.ts';
import { issueLinkToken, linkGone, linkUrl, peekLinkToken, queueLinkMail, useLinkToken } from './link-service.ts';
import { INVITE_DAYS, type AcceptBody, type ClientInviteBody, type ContractorInvite, type Invitation, type InvitationStatus, type LinkInfo } from '#contract/invitations.ts';

const INVITE_MS = INVITE_DAYS * 86_400_000;

const refused = (status: number, detail: string, field: string, message: string) => new HttpProblem(status, detail, [{ field, message } satisfies FieldError]);

export const toInvitation = (row: InvitationRow, now: Date): Invitation => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  company: row.company,
  contract: row.contract,
  invitedBy: row.invitedBy,
  newAccount: row.newAccount,
  status: invitationStatus(row, now),
  createdAt: new Date(row.createdAt).toISOString(),
  expiresAt: new Date(row.expiresAt).toISOString(),
});

/** The company the actor may invite into: a client's own, any for an admin; never a deactivated one. */
async function inviteCompany(q: Queryable, actor: User, companyId: string | undefined) {
  if (actor.role === 'contractor') throw new HttpProblem(403, 'Only a client or an admin may invite people.');
  if (actor.role === 'client' && companyId && companyId !== actor.companyId) throw notFound('The company');
  const id = actor.role === 'client' ? actor.companyId! : companyId;
  if (!id) throw refused(400, 'Choose the company the contract is with.', 'body.companyId', 'is required for an admin');
  const company = await findInviteCompany(q, id);
  if (!company) throw refused(404, 'The company was not found.', 'body.companyId', 'is not a company');
  if (company.deactivatedAt) {
    throw refused(409, `${company.name} is deactivated: nobody can be invited into it until an admin reactivates it.`, 'body.companyId', 'is deactivated');
  }
  return company;
}

const defaultName = (email: string) => email.slice(0, email.indexOf('@'));

/** A password nobody knows, hashed like any other (so signing in with it costs the same time). */
const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

interface Invitee {
  userId: string;
  name: string;
  newAccount: boolean;
}

/** The invitee's account: an existing one if it may take this role here, else a new one. */
async function resolveInvitee(tx: Queryable, email: string, name: string | undefined, role: 'client' | 'contractor', companyId: string, timeZone: string, now: Date): Promise<Invitee> {
  const existing = await findInvitee(tx, email);
  if (!existing) {
    const userId = await insertInvitedUser(tx, { email, name: name || defaultName(email), role, companyId: role === 'client' ? companyId : null, passwordHash: await unusablePasswordHash(), timeZone, now });
    return { userId, name: name || defaultName(email), newAccount: true };
  }
  const sameRole = existing.role === role && (role === 'contractor' || existing.companyId === companyId);
  if (!sameRole) {
    const what = existing.role === 'admin' ? 'an admin' : existing.role === 'client' ? 'a client of a company' : 'a contractor';
    throw refused(409, `${email} already belongs to ${what}: invite another address.`, 'body.email', `is already the address of ${what}`);
  }
  if (role === 'client' && !existing.neverSignedUp) {
    throw refused(409, `${email} is already a client of this company: they can sign in now.`, 'body.email', 'is already a user of this company');
  }
  return { userId: existing.id, name: existing.name, newAccount: existing.neverSignedUp };
}

const money = (minor: number, currency: string) => {
  const f = new Intl.NumberFormat('en', { style: 'currency', currency });
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
};

/** Makes a link for the invitation and queues its mail (first send, or resend). */
async function sendInvitation(tx: Queryable, invitationId: string, now: Date): Promise<void> {
  const row = (await findInvitation(tx, invitationId))!;
  const token = await issueLinkToken(tx, { purpose: 'invite', userId: row.userId, invitationId, now, validMs: INVITE_MS });
  const by = row.invitedBy ?? 'An admin';
  const what = row.contract && row.terms
    ? `the contract “${row.contract.title}” with ${row.company.name} at ${money(row.terms.hourlyRate, row.terms.currency)} an hour`
    : `${row.company.name} on workdiary`;
  const next = row.newAccount ? 'Choose your name and password to start' : 'Sign in and accept to start';
  // The privacy terms are agreed with the contract: the invitee reads them before following the link.
  const privacy = row.terms ? ` ${privacySentences(row.terms.privacy).join(' ')}` : '';
  await queueLinkMail(tx, {
    kind: 'invitation',
    userId: row.userId,
    to: row.email,
    name: row.name,
    subject: row.contract ? `Invitation: ${row.contract.title} · ${row.company.name}` : `Invitation to ${row.company.name} on workdiary`,
    line: `${by} invites you to ${what}.${privacy} ${next}; this link works once, for ${INVITE_DAYS} days.`,
    label: row.newAccount ? 'Set up your account' : 'Accept the invitation',
    url: await linkUrl(tx, 'invite', token),
    now,
  });
}

async function createInvitation(
  database: Database,
  actor: User,
  input: { companyId: string | undefined; email: string; name?: string; role: 'client' | 'contractor'; timeZone: string; contract?: Omit<ContractorInvite, 'companyId' | 'email' | 'name'> },
  now: Date,
): Promise<Invitation> {
  const email = input.email.trim().toLowerCase();
  const id = await database.transaction(async (tx) => {
    const company = await inviteCompany(tx, actor, input.companyId);
    if (await hasPendingInvitation(tx, email, company.id, now)) {
      throw refused(409, `${email} already has an invitation from ${company.name} waiting: resend it from the list instead.`, 'body.email', 'already has a pending invitation');
    }
    const invitee = await resolveInvitee(tx, email, input.name, input.role, company.id, input.timeZone, now);
    const c = input.contract;
    const contractId = c
      ? await insertPendingContract(tx, { ...c, companyId: company.id, contractorId: invitee.userId, weeklyLimitHours: c.weeklyLimitHours ?? null, now })
      : null;
    const invitationId = await insertInvitation(tx, { companyId: company.id, userId: invitee.userId, contractId, email, role: input.role, newAccount: invitee.newAccount, invitedBy: actor.id, now, expiresAt: new Date(now.getTime() + INVITE_MS) });
    await appendAudit(tx, { at: now, actorId: actor.id, action: 'invitation.created', contractId, subject: invitee.userId, after: { email, role: input.role, company: company.name, newAccount: invitee.newAccount, ...(c ? { contract: c } : {}) } });
    await sendInvitation(tx, invitationId, now);
    return invitationId;
  });
  return toInvitation((await findInvitation(database, id))!, now);
}

export function inviteClient(database: Database, actor: User, body: ClientInviteBody, now: Date): Promise<Invitation> {
  if (actor.role !== 'admin') throw new HttpProblem(403, 'Only an admin may invite a client into a company.');
  return createInvitation(database, actor, { companyId: body.companyId, email: body.email, name: body.name, role: 'client', timeZone: 'UTC' }, now);
}

export function inviteContractor(database: Database, actor: User, body: ContractorInvite, now: Date): Promise<Invitation> {
  const { companyId, email, name, ...contract } = body;
  return createInvitation(database, actor, { companyId, email, name, role: 'contractor', timeZone: contract.timeZone, contract }, now);
}

/** A client sees their company's invitations, an admin everyone's (or one company's). */
export async function invitationsFor(database: Database, actor: User, query: { companyId?: string; status?: InvitationStatus }, now: Date): Promise<Invitation[]> {
  if (actor.role === 'contractor') throw new HttpProblem(403, 'Only a client or an admin may see invitations.');
  if (actor.role === 'client' && query.companyId && query.companyId !== actor.companyId) throw notFound('The company');
  const companyId = actor.role === 'client' ? actor.companyId! : (query.companyId ?? null);
  return (await listInvitations(database, companyId, query.status ?? null, now)).map((r) => toInvitation(r, now));
}

/** The invitation, locked, if the actor may manage it (else 404, as one that does not exist). */
async function managedInvitation(tx: Queryable, actor: User, invitationId: string): Promise<InvitationRow> {
  if (actor.role === 'contractor') throw new HttpProblem(403, 'Only a client or an admin may manage invitations.');
  await lockInvitation(tx, invitationId);
  const row = await findInvitation(tx, invitationId);
  if (!row || (actor.role === 'client' && row.company.id !== actor.companyId)) throw notFound('The invitation');
  return row;
}

/** A new link (the old ones stop working), good for another 7 days, in a new mail. */
export async function resendInvitation(database: Database, actor: User, invitationId: string, now: Date): Promise<Invitation> {
  await database.transaction(async (tx) => {
    const row = await managedInvitation(tx, actor, invitationId);
    const status = invitationStatus(row, now);
    if (status === 'accepted' || status === 'revoked') throw new HttpProblem(409, `This invitation was ${status}: there is nothing to resend.`);
    if (row.companyDeactivatedAt) throw new HttpProblem(409, `${row.company.name} is deactivated: nobody can be invited into it.`);
    await retireInvitationTokens(tx, invitationId, now);
    await setInvitationExpiry(tx, invitationId, new Date(now.getTime() + INVITE_MS));
    await appendAudit(tx, { at: now, actorId: actor.id, action: 'invitation.resent', contractId: row.contract?.id ?? null, subject: row.userId, after: { email: row.email } });
    await sendInvitation(tx, invitationId, now);
  });
  return toInvitation((await findInvitation(database, invitationId))!, now);
}

/** The link stops working; a contract that waited for it is ended. */
export async function revokeInvitation(database: Database, actor: User, invitationId: string, now: Date): Promise<Invitation> {
  await database.transaction(async (tx) => {
    const row = await managedInvitation(tx, actor, invitationId);
    const status = invitationStatus(row, now);
    if (status === 'accepted') throw new HttpProblem(409, 'This invitation was accepted already: end the contract or disable the user instead.');
    if (status === 'revoked') return;
    await markInvitationRevoked(tx, invitationId, now);
    await retireInvitationTokens(tx, invitationId, now);
    if (row.contract) await settlePendingContract(tx, row.contract.id, 'ended');
    await appendAudit(tx, { at: now, actorId: actor.id, action: 'invitation.revoked', contractId: row.contract?.id ?? null, subject: row.userId, before: { status }, after: { status: 'revoked' } });
  });
  return toInvitation((await findInvitation(database, invitationId))!, now);
}

/** Whether accepting sets the name and password: a new account that never signed up anywhere. */
async function setsPassword(q: Queryable, row: InvitationRow): Promise<boolean> {
  return row.newAccount && Boolean((await findInvitee(q, row.email))?.neverSignedUp);
}

/** What the invitation's page shows while its link may be used (else 410). */
export async function invitationLinkInfo(database: Database, token: string, now: Date): Promise<LinkInfo> {
  const link = await peekLinkToken(database, token, now);
  const row = link.invitationId ? await findInvitation(database, link.invitationId) : null;
  if (!row || invitationStatus(row, now) !== 'pending') throw linkGone();
  return {
    purpose: 'invite',
    email: row.email,
    name: row.name,
    role: row.role,
    company: row.company.name,
    contract: row.contract && row.terms ? { title: row.contract.title, ...row.terms } : null,
    invitedBy: row.invitedBy,
    newAccount: await setsPassword(database, row),
    expiresAt: new Date(link.expiresAt).toISOString(),
  };
}

/**
 * Accepts the invitation of the link, once: a new account sets its name and password; an
 * existing one must be signed in as the invitee. The contract becomes active. Answers the
 * invitee's id, to sign them in.
 */
export async function acceptInvitation(database: Database, token: string, body: AcceptBody, sessionUser: User | null, now: Date): Promise<string> {
  const hash = body.password ? await hashPassword(body.password) : null;
  return database.transaction(async (tx) => {
    const link = await useLinkToken(tx, token, 'invite', now);
    await lockInvitation(tx, link.invitationId!);
    const row = await findInvitation(tx, link.invitationId!);
    if (!row || invitationStatus(row, now) !== 'pending') throw linkGone();
    if (row.companyDeactivatedAt) throw new HttpProblem(409, `${row.company.name} is deactivated: this invitation cannot be accepted now.`);
    if (await setsPassword(tx, row)) {
      if (!body.name) throw refused(400, 'Enter your name.', 'body.name', 'is required');
      if (!hash) throw refused(400, 'Choose a password.', 'body.password', 'is required');
      await setInviteeAccount(tx, row.userId, body.name, hash);
    } else if (sessionUser?.id !== row.userId) {
      throw new HttpProblem(403, `Sign in as ${row.email} to accept this invitation.`);
    }
    await markInvitationAccepted(tx, row.id, now);
    if (row.contract) await settlePendingContract(tx, row.contract.id, 'active');
    await appendAudit(tx, { at: now, actorId: row.userId, action: 'invitation.accepted', contractId: row.contract?.id ?? null, subject: row.userId, after: { email: row.email, role: row.role, company: row.company.name } });
    return row.userId;
  });
}
