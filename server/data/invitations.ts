// Invitations: a client into a company, or a contractor to a new (pending) contract. The
// invitee's user row exists from the start; a new one has a password nobody knows until the
// invitation's link sets it.
import type { Queryable } from '../db/client.ts';
import type { Invitation, InvitationStatus } from '#contract/invitations.ts';
import type { Role } from '#contract/common.ts';
import type { PrivacyTerms } from '#contract/contracts.ts';
import { PRIVACY_JSON } from './contracts.ts';

export interface InviteCompany {
  id: string;
  name: string;
  deactivatedAt: Date | null;
}

export async function findInviteCompany(q: Queryable, companyId: string): Promise<InviteCompany | null> {
  const rows = await q.query<InviteCompany>(`select id, name, deactivated_at as "deactivatedAt" from companies where id = $1`, [companyId]);
  return rows[0] ?? null;
}

export interface InviteeAccount {
  id: string;
  name: string;
  role: Role;
  companyId: string | null;
  /** Invited with a new account that never accepted: its password is still the one nobody knows. */
  neverSignedUp: boolean;
}

export async function findInvitee(q: Queryable, email: string): Promise<InviteeAccount | null> {
  const rows = await q.query<InviteeAccount>(
    `select u.id, u.name, u.role, u.company_id as "companyId",
            exists (select 1 from invitations i where i.user_id = u.id and i.new_account)
              and not exists (select 1 from invitations i where i.user_id = u.id and i.accepted_at is not null) as "neverSignedUp"
       from users u where u.email = $1`,
    [email],
  );
  return rows[0] ?? null;
}

/** An invitation to this address into this company that may still be accepted. */
export async function hasPendingInvitation(q: Queryable, email: string, companyId: string, now: Date): Promise<boolean> {
  const rows = await q.query(
    `select 1 from invitations where email = $1 and company_id = $2 and accepted_at is null and revoked_at is null and expires_at > $3 limit 1`,
    [email, companyId, now],
  );
  return rows.length > 0;
}

export async function insertInvitedUser(
  q: Queryable,
  u: { email: string; name: string; role: 'client' | 'contractor'; companyId: string | null; passwordHash: string; timeZone: string; now: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into users (email, name, role, company_id, password_hash, time_zone, created_at) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [u.email, u.name, u.role, u.companyId, u.passwordHash, u.timeZone, u.now],
  );
  return row!.id;
}

export interface PendingContract extends PrivacyTerms {
  companyId: string;
  contractorId: string;
  title: string;
  hourlyRate: number;
  currency: string;
  weeklyLimitHours: number | null;
  manualTimeAllowed: boolean;
  timeZone: string;
  now: Date;
}

export async function insertPendingContract(q: Queryable, c: PendingContract): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours, manual_time_allowed, time_zone, status, created_at,
                            redacted_billable, redactions_per_week, blur_all)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12) returning id`,
    [c.companyId, c.contractorId, c.title, c.hourlyRate, c.currency, c.weeklyLimitHours, c.manualTimeAllowed, c.timeZone, c.now, c.redactedBillable, c.redactionsPerWeek, c.blurAll],
  );
  return row!.id;
}

export async function insertInvitation(
  q: Queryable,
  i: { companyId: string; userId: string; contractId: string | null; email: string; role: 'client' | 'contractor'; newAccount: boolean; invitedBy: string; now: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into invitations (company_id, user_id, contract_id, email, role, new_account, invited_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [i.companyId, i.userId, i.contractId, i.email, i.role, i.newAccount, i.invitedBy, i.now, i.expiresAt],
  );
  return row!.id;
}

/** An invitation with what its mail, page and list show. */
export interface InvitationRow extends Omit<Invitation, 'status' | 'createdAt' | 'expiresAt'> {
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  companyDeactivatedAt: Date | null;
  terms: { hourlyRate: number; currency: string; weeklyLimitHours: number | null; privacy: PrivacyTerms } | null;
}

const SELECT = `
  select i.id, i.email, u.name, i.role, i.user_id as "userId", i.new_account as "newAccount",
         json_build_object('id', c.id, 'name', c.name) as company, c.deactivated_at as "companyDeactivatedAt",
         case when k.id is null then null else json_build_object('id', k.id, 'title', k.title) end as contract,
         case when k.id is null then null else json_build_object('hourlyRate', k.hourly_rate, 'currency', k.currency, 'weeklyLimitHours', k.weekly_limit_hours,
           'privacy', ${PRIVACY_JSON}) end as terms,
         b.name as "invitedBy", i.created_at as "createdAt", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt", i.revoked_at as "revokedAt"
    from invitations i
    join users u on u.id = i.user_id
    join companies c on c.id = i.company_id
    left join contracts k on k.id = i.contract_id
    left join users b on b.id = i.invited_by`;

export async function findInvitation(q: Queryable, invitationId: string): Promise<InvitationRow | null> {
  const rows = await q.query<InvitationRow>(`${SELECT} where i.id = $1`, [invitationId]);
  return rows[0] ?? null;
}

/** Locks the invitation's row until the transaction ends, so resend, revoke and accept queue. */
export async function lockInvitation(tx: Queryable, invitationId: string): Promise<void> {
  await tx.query(`select 1 from invitations where id = $1 for update`, [invitationId]);
}

export const invitationStatus = (i: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationStatus =>
  i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : new Date(i.expiresAt).getTime() <= now.getTime() ? 'expired' : 'pending';

const STATUS_WHERE = `case when i.accepted_at is not null then 'accepted' when i.revoked_at is not null then 'revoked'
                           when i.expires_at <= $3 then 'expired' else 'pending' end`;

/** Newest first; a company's (or every company's, for an admin), of one status or all. */
export async function listInvitations(q: Queryable, companyId: string | null, status: InvitationStatus | null, now: Date): Promise<InvitationRow[]> {
  return q.query<InvitationRow>(
    `${SELECT} where ($1::uuid is null or i.company_id = $1) and ($2::text is null or ${STATUS_WHERE} = $2) order by i.created_at desc, i.id limit 200`,
    [companyId, status, now],
  );
}

export async function setInvitationExpiry(tx: Queryable, invitationId: string, expiresAt: Date): Promise<void> {
  await tx.query(`update invitations set expires_at = $2 where id = $1`, [invitationId, expiresAt]);
}

export async function markInvitationRevoked(tx: Queryable, invitationId: string, now: Date): Promise<void> {
  await tx.query(`update invitations set revoked_at = $2 where id = $1`, [invitationId, now]);
}

export async function markInvitationAccepted(tx: Queryable, invitationId: string, now: Date): Promise<void> {
  await tx.query(`update invitations set accepted_at = $2 where id = $1`, [invitationId, now]);
}

/** A pending contract becomes `status` (active on accept, ended on revoke); no other contract changes. */
export async function settlePendingContract(tx: Queryable, contractId: string, status: 'active' | 'ended'): Promise<void> {
  await tx.query(`update contracts set status = $2 where id = $1 and status = 'pending'`, [contractId, status]);
}

export async function setInviteeAccount(tx: Queryable, userId: string, name: string, passwordHash: string): Promise<void> {
  await tx.query(`update users set name = $2, password_hash = $3 where id = $1`, [userId, name, passwordHash]);
}
