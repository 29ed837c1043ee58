// The admin console's reads and writes of users and companies (audit reads are in audit.ts).
import type { Queryable } from '../db/client.ts';
import { USER_PAGE, type AdminCompany, type AdminUser, type AdminUserQuery } from '#contract/admin.ts';

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
  select co.id, co.name, co.created_at as "createdAt",
         (select count(*)::int from users u where u.company_id = co.id and u.role = 'client') as clients,
         (select count(*)::int from contracts k where k.company_id = co.id) as contracts
    from companies co`;

type CompanyRow = Omit<AdminCompany, 'createdAt'> & { createdAt: Date | string };
const toCompany = (r: CompanyRow): AdminCompany => ({ ...r, createdAt: new Date(r.createdAt).toISOString() });

export async function listCompanies(q: Queryable): Promise<AdminCompany[]> {
  return (await q.query<CompanyRow>(`${COMPANY_SELECT} order by lower(co.name), co.id`)).map(toCompany);
}

export async function findCompany(q: Queryable, companyId: string): Promise<AdminCompany | null> {
  const rows = await q.query<CompanyRow>(`${COMPANY_SELECT} where co.id = $1`, [companyId]);
  return rows[0] ? toCompany(rows[0]) : null;
}

/**
 * Names are unique in any case, but the table has no such index: writers of company names
 * take this lock first, so two admins cannot both create "Acme" at once.
 */
export async function lockCompanyNames(q: Queryable): Promise<void> {
  await q.query(`select pg_advisory_xact_lock(hashtext('workdiary.company_names'))`);
}

/** Another company already named so, in any case. */
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
