// The admin console: users, companies and the audit trail (contracts: contract-admin-service). Only admins get here (routes/admin.ts
// refuses everyone else). Disabling and enabling go through user-service, as the command line
// does; every change here is written to the audit trail with the admin who made it.
import type { Database } from '../db/client.ts';
import type { User } from '../data/users.ts';
import { appendAudit, listAudit } from '../data/audit.ts';
import { companyNamed, deleteCompanyClientSessions, findAdminUser, findCompany, insertCompany, listCompanies, listUsers, lockCompanyDeactivation, renameCompany, setCompanyDeactivated } from '../data/admin.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { disableUser, enableUser } from './user-service.ts';
import { AUDIT_PAGE, type AccountChangeResult, type AdminCompany, type CompanyChangeResult, type AdminUserList, type AdminUserQuery, type AuditPage, type AuditQuery } from '#contract/admin.ts';

export async function adminUsers(database: Database, query: AdminUserQuery): Promise<AdminUserList> {
  return listUsers(database, query);
}

/** Disables or enables the user; an admin cannot lock themself out. */
export async function setUserDisabled(database: Database, admin: User, userId: string, disabled: boolean, now: Date): Promise<AccountChangeResult> {
  const target = await findAdminUser(database, userId);
  if (!target) throw notFound('The user');
  if (disabled && target.id === admin.id) {
    throw new HttpProblem(409, 'You cannot disable your own account: you would be signed out with no admin left to enable it. Ask another admin.');
  }
  const change = await (disabled ? disableUser : enableUser)(database, target.email, admin.id, now);
  const user = await findAdminUser(database, userId);
  return { user: user!, changed: change.changed, sessionsEnded: change.sessionsEnded, trackersRevoked: change.trackersRevoked };
}

export async function adminCompanies(database: Database): Promise<AdminCompany[]> {
  return listCompanies(database);
}

const isNameTaken = (err: unknown) => (err as { code?: string; constraint?: string } | null)?.code === '23505';

/**
 * The unique index companies_name_unique on lower(name) decides between two admins naming two
 * companies alike at once; the loser gets 409 naming the field, with the name already taken.
 */
async function uniqueName<T>(database: Database, name: string, exceptId: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isNameTaken(err)) throw err;
    const other = await companyNamed(database, name, exceptId);
    throw new HttpProblem(409, `A company named “${other?.name ?? name}” already exists: choose another name.`, [{ field: 'body.name', message: 'is already the name of another company' }]);
  }
}

/** `admin`: who creates it, or null for the command line. */
export async function createCompany(database: Database, admin: User | null, name: string, now: Date): Promise<AdminCompany> {
  const id = await uniqueName(database, name, null, () =>
    database.transaction(async (tx) => {
      const companyId = await insertCompany(tx, name, now);
      await appendAudit(tx, { at: now, actorId: admin?.id ?? null, action: 'company.created', subject: companyId, after: { name } });
      return companyId;
    }),
  );
  return (await findCompany(database, id))!;
}

export async function renameCompanyAs(database: Database, admin: User, companyId: string, name: string, now: Date): Promise<AdminCompany> {
  await uniqueName(database, name, companyId, () =>
    database.transaction(async (tx) => {
      const before = await renameCompany(tx, companyId, name);
      if (before === null) throw notFound('The company');
      if (before !== name) await appendAudit(tx, { at: now, actorId: admin.id, action: 'company.renamed', subject: companyId, before: { name: before }, after: { name } });
    }),
  );
  return (await findCompany(database, companyId))!;
}

/**
 * Deactivates or reactivates the company. While deactivated its clients cannot sign in (their
 * sessions end now), its contracts keep their status but take no tracker uploads, and no one is
 * invited into it. Reactivating undoes it: clients sign in again, trackers upload again.
 */
export async function setCompanyActive(database: Database, admin: User, companyId: string, active: boolean, now: Date): Promise<CompanyChangeResult> {
  const { changed, sessionsEnded } = await database.transaction(async (tx) => {
    const at = active ? null : now;
    const was = await lockCompanyDeactivation(tx, companyId);
    if (!was) throw notFound('The company');
    if ((was.deactivatedAt === null) === active) return { changed: false, sessionsEnded: 0 };
    await setCompanyDeactivated(tx, companyId, at);
    const ended = active ? 0 : await deleteCompanyClientSessions(tx, companyId);
    await appendAudit(tx, {
      at: now,
      actorId: admin.id,
      action: active ? 'company.reactivated' : 'company.deactivated',
      subject: companyId,
      before: { deactivatedAt: was.deactivatedAt?.toISOString() ?? null },
      after: { deactivatedAt: at?.toISOString() ?? null },
    });
    return { changed: true, sessionsEnded: ended };
  });
  return { company: (await findCompany(database, companyId))!, changed, sessionsEnded };
}

export async function auditPage(database: Database, query: AuditQuery): Promise<AuditPage> {
  const rows = await listAudit(database, query, AUDIT_PAGE);
  const entries = rows.slice(0, AUDIT_PAGE);
  return { entries, older: rows.length > AUDIT_PAGE ? entries.at(-1)!.id : null };
}
