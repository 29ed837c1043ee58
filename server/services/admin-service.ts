// The admin console: users, companies and the audit trail. Only admins get here (routes/admin.ts
// refuses everyone else). Disabling and enabling go through user-service, as the command line
// does; every change here is written to the audit trail with the admin who made it.
import type { Database } from '../db/client.ts';
import type { User } from '../data/users.ts';
import { appendAudit, listAudit } from '../data/audit.ts';
import { companyNamed, findAdminUser, findCompany, insertCompany, listCompanies, listUsers, lockCompanyNames, renameCompany } from '../data/admin.ts';
import { HttpProblem, notFound } from '../lib/problem.ts';
import { disableUser, enableUser } from './user-service.ts';
import { AUDIT_PAGE, type AccountChangeResult, type AdminCompany, type AdminUserList, type AdminUserQuery, type AuditPage, type AuditQuery } from '#contract/admin.ts';

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

const nameTaken = (name: string) =>
  new HttpProblem(409, `A company named “${name}” already exists: choose another name.`, [{ field: 'body.name', message: 'is already the name of another company' }]);

export async function createCompany(database: Database, admin: User, name: string, now: Date): Promise<AdminCompany> {
  const id = await database.transaction(async (tx) => {
    await lockCompanyNames(tx);
    const other = await companyNamed(tx, name, null);
    if (other) throw nameTaken(other.name);
    const companyId = await insertCompany(tx, name, now);
    await appendAudit(tx, { at: now, actorId: admin.id, action: 'company.created', subject: companyId, after: { name } });
    return companyId;
  });
  return (await findCompany(database, id))!;
}

export async function renameCompanyAs(database: Database, admin: User, companyId: string, name: string, now: Date): Promise<AdminCompany> {
  await database.transaction(async (tx) => {
    await lockCompanyNames(tx);
    const other = await companyNamed(tx, name, companyId);
    if (other) throw nameTaken(other.name);
    const before = await renameCompany(tx, companyId, name);
    if (before === null) throw notFound('The company');
    if (before !== name) await appendAudit(tx, { at: now, actorId: admin.id, action: 'company.renamed', subject: companyId, before: { name: before }, after: { name } });
  });
  return (await findCompany(database, companyId))!;
}

export async function auditPage(database: Database, query: AuditQuery): Promise<AuditPage> {
  const rows = await listAudit(database, query, AUDIT_PAGE);
  const entries = rows.slice(0, AUDIT_PAGE);
  return { entries, older: rows.length > AUDIT_PAGE ? entries.at(-1)!.id : null };
}
