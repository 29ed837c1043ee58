// The admin console's reads and writes of users and companies (audit reads are in audit.ts).
import type { Queryable } from '../db/client.ts';
import { CONTRACT_PAGE, USER_PAGE, type AdminCompany, type AdminContractQuery, type AdminUser, type AdminUserQuery, type NewContract } from '#contract/admin.ts';
import { CONTRACT_COLUMNS, CONTRACT_FROM, type ContractRow } from './contracts.ts';

/** `%`, `_` and `\` in a search are what the person typed, not patterns. */
const likeAny = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.created_at as "createdAt", u.disabled_at as "disabledAt",
       case when c.id is null then null else json_build_object('id', c.id, 'name', c.name) end as company`;

type UserRow = Omit<AdminUser, 'createdAt' | 'disabledAt'> & { createdAt: Date | string; disabledAt: Date | string | null };

const toUser = (r: UserRow): AdminUser => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  disabledAt: r.disabledAt === null ? null : new Date(r.disabledAt).toISOString(),
});

/** Users matching the search, by name then email: the first USER_PAGE, and how many match. */
export async function listUsers(q: Queryable, query: AdminUserQuery): Promise<{ users: AdminUser[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.q) {
    params.push(likeAny(query.q));
    where.push(`(u.name ilike $${params.length} or u.email ilike $${params.length})`);
  }
  if (query.role) {
    params.push(query.role);
    where.push(`u.role = $${params.length}`);
  }
  if (query.companyId) {
    params.push(query.companyId);
    where.push(`u.company_id = $${params.length}`);
  }
  const clause = where.length ? `where ${where.join(' and ')}` : '';
  const rows = await q.query<UserRow & { total: number }>(
    `select ${USER_COLUMNS}, count(*) over ()::int as total
       from users u left join companies c on c.id = u.company_id
       ${clause}
      order by lower(u.name), u.email
      limit ${USER_PAGE}`,
    params,
  );
  if (rows.length === 0) return { users: [], total: 0 };
  return { users: rows.map(({ total: _, ...r }) => toUser(r)), total: rows[0]!.total };
}

export async function findAdminUser(q: Queryable, userId: string): Promise<AdminUser | null> {
  const rows = await q.query<UserRow>(`select ${USER_COLUMNS} from users u left join companies c on c.id = u.company_id where u.id = $1`, [userId]);
  return rows[0] ? toUser(rows[0]) : null;
}

const COMPANY_SELECT = `
  select co.id, co.name, co.created_at as "createdAt", co.deactivated_at as "deactivatedAt",
         (select count(*)::int from users u where u.company_id = co.id and u.role = 'client') as clients,
         (select count(*)::int from contracts k where k.company_id = co.id) as contracts
    from companies co`;

type CompanyRow = Omit<AdminCompany, 'createdAt' | 'deactivatedAt'> & { createdAt: Date | string; deactivatedAt: Date | string | null };
const toCompany = (r: CompanyRow): AdminCompany => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  deactivatedAt: r.deactivatedAt === null ? null : new Date(r.deactivatedAt).toISOString(),
});

export async function listCompanies(q: Queryable): Promise<AdminCompany[]> {
  return (await q.query<CompanyRow>(`${COMPANY_SELECT} order by lower(co.name), co.id`)).map(toCompany);
}

export async function findCompany(q: Queryable, companyId: string): Promise<AdminCompany | null> {
  const rows = await q.query<CompanyRow>(`${COMPANY_SELECT} where co.id = $1`, [companyId]);
  return rows[0] ? toCompany(rows[0]) : null;
}

/** Another company already named so, in any case (companies_name_unique on lower(name) keeps it to one). */
export async function companyNamed(q: Queryable, name: string, exceptId: string | null): Promise<{ id: string; name: string } | null> {
  const rows = await q.query<{ id: string; name: string }>(
    `select id, name from companies where lower(name) = lower($1) and ($2::uuid is null or id <> $2::uuid) limit 1`,
    [name, exceptId],
  );
  return rows[0] ?? null;
}

export async function insertCompany(q: Queryable, name: string, now: Date): Promise<string> {
  const rows = await q.query<{ id: string }>(`insert into companies (name, created_at) values ($1, $2) returning id`, [name, now]);
  return rows[0]!.id;
}

/** The company's name before the change, or null when there is no such company. */
export async function renameCompany(q: Queryable, companyId: string, name: string): Promise<string | null> {
  const rows = await q.query<{ before: string }>(
    `update companies co set name = $2 from (select id, name as before from companies where id = $1 for update) old
      where co.id = old.id returning old.before`,
    [companyId, name],
  );
  return rows[0]?.before ?? null;
}

/** When the company was deactivated (null: it is active), its row locked until the transaction ends; undefined when there is no such company. */
export async function lockCompanyDeactivation(q: Queryable, companyId: string): Promise<{ deactivatedAt: Date | null } | undefined> {
  const rows = await q.query<{ deactivatedAt: Date | string | null }>(`select deactivated_at as "deactivatedAt" from companies where id = $1 for update`, [companyId]);
  const row = rows[0];
  return row && { deactivatedAt: row.deactivatedAt === null ? null : new Date(row.deactivatedAt) };
}

export async function setCompanyDeactivated(q: Queryable, companyId: string, at: Date | null): Promise<void> {
  await q.query(`update companies set deactivated_at = $2 where id = $1`, [companyId, at]);
}

/** Signs out every client of the company (and drops their half-done two-factor sign-ins); how many sessions ended. */
export async function deleteCompanyClientSessions(q: Queryable, companyId: string): Promise<number> {
  const clients = `select id from users where company_id = $1 and role = 'client'`;
  await q.query(`delete from pending_logins where user_id in (${clients})`, [companyId]);
  const rows = await q.query<{ n: number }>(`with gone as (delete from sessions where user_id in (${clients}) returning 1) select count(*)::int as n from gone`, [companyId]);
  return rows[0]!.n;
}

/** Contracts matching the filters, by company then title: the first CONTRACT_PAGE, and how many match. */
export async function listAdminContracts(q: Queryable, query: AdminContractQuery): Promise<{ contracts: ContractRow[]; total: number }> {
  const rows = await q.query<ContractRow & { total: number }>(
    `select ${CONTRACT_COLUMNS}, count(*) over ()::int as total
       from ${CONTRACT_FROM}
      where ($1::uuid is null or k.company_id = $1::uuid)
        and ($2::text is null or k.status = $2::text)
        and ($3::text is null or k.title ilike $3::text or u.name ilike $3::text or u.email ilike $3::text)
      order by lower(c.name), lower(k.title), k.id
      limit ${CONTRACT_PAGE}`,
    [query.companyId ?? null, query.status ?? null, query.q ? likeAny(query.q) : null],
  );
  if (rows.length === 0) return { contracts: [], total: 0 };
  return { contracts: rows.map(({ total: _, ...r }) => r), total: rows[0]!.total };
}

/** The contractor with this email (any case), or null when there is none or the account is not a contractor's. */
export async function findContractorByEmail(q: Queryable, email: string): Promise<{ id: string; disabled: boolean } | null> {
  const rows = await q.query<{ id: string; disabled: boolean }>(
    `select id, disabled_at is not null as disabled from users where email = lower($1) and role = 'contractor'`,
    [email.trim()],
  );
  return rows[0] ?? null;
}

export async function insertContract(q: Queryable, c: NewContract & { contractorId: string }, now: Date): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into contracts (company_id, contractor_id, title, hourly_rate, currency, weekly_limit_hours, manual_time_allowed, time_zone, status, created_at,
                            redacted_billable, redactions_per_week, blur_all)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $10, $11, $12) returning id`,
    [c.companyId, c.contractorId, c.title, c.hourlyRate, c.currency, c.weeklyLimitHours, c.manualTimeAllowed, c.timeZone, now, c.redactedBillable, c.redactionsPerWeek, c.blurAll],
  );
  return rows[0]!.id;
}
