import type { Queryable } from '../db/client.ts';
import type { Contract } from '../../contract/contracts.ts';

/**
 * A contract as stored. Its rate, cap and manual-time flag are the terms it started with;
 * changes live in contract_terms (see services/week-state.ts for the terms of a week).
 */
export type ContractRow = Omit<Contract, 'nextTerms'>;
import type { User } from './users.ts';

/** The visibility rule, in SQL: a client sees their company's, a contractor their own, an admin all. */
export function visibleTo(user: User, params: unknown[]): string {
  if (user.role === 'admin') return 'true';
  if (user.role === 'client') {
    params.push(user.companyId);
    return `k.company_id = $${params.length}`;
  }
  params.push(user.id);
  return `k.contractor_id = $${params.length}`;
}

/** The contract columns as a ContractRow, from `contracts k` joined to its company `c` and contractor `u`. */
export const CONTRACT_COLUMNS = `
  k.id, k.title, k.hourly_rate as "hourlyRate", k.currency, k.weekly_limit_hours as "weeklyLimitHours",
  k.manual_time_allowed as "manualTimeAllowed", k.time_zone as "timeZone", k.status,
  json_build_object('id', c.id, 'name', c.name) as company,
  json_build_object('id', u.id, 'name', u.name, 'email', u.email) as contractor`;
export const CONTRACT_FROM = `contracts k join companies c on c.id = k.company_id join users u on u.id = k.contractor_id`;

const SELECT = `select ${CONTRACT_COLUMNS} from ${CONTRACT_FROM}`;

export async function findVisibleContracts(database: Queryable, user: User): Promise<ContractRow[]> {
  const params: unknown[] = [];
  return database.query<ContractRow>(`${SELECT} where ${visibleTo(user, params)} order by c.name, k.title`, params);
}

/** The contract, or null when it does not exist or the user may not see it (both answer 404). */
export async function findVisibleContract(database: Queryable, user: User, contractId: string): Promise<ContractRow | null> {
  const params: unknown[] = [contractId];
  const rows = await database.query<ContractRow>(`${SELECT} where k.id = $1 and ${visibleTo(user, params)}`, params);
  return rows[0] ?? null;
}

/** Contracts by id, whoever may see them: for the server's own sweeps. */
export async function findContractsById(database: Queryable, ids: string[]): Promise<ContractRow[]> {
  return database.query<ContractRow>(`${SELECT} where k.id = any($1::uuid[])`, [ids]);
}
