// Contracts and who may see them. Every run-time query of the server is a function in
// server/data/ with a declared row type; its text is a constant, so PostgreSQL keeps it as one
// named prepared statement (db/client.ts).
import type { Queryable } from '../db/client.ts';
import type { Contract } from '#contract/contracts.ts';
import type { User } from './users.ts';

/**
 * A contract as stored. Its rate, cap and manual-time flag are the terms it started with;
 * changes live in contract_terms (domain/terms.ts `termsForWeek` gives the terms of a week).
 */
export type ContractRow = Omit<Contract, 'nextTerms'>;

/**
 * The visibility rule as SQL over the contracts alias `k`, from three parameters starting at
 * `$at` (viewerParams gives them). One text for every role: one prepared statement, not three.
 */
export const visibleTo = (k: string, at: number) =>
  `(${k}.company_id = $${at} or (${k}.contractor_id = $${at + 1} and ${k}.status <> 'pending') or $${at + 2}::boolean)`;

/**
 * visibleTo's parameters: a client sees their company's contracts, a contractor their own (once
 * they accepted the invitation to it: not while it is pending), an admin all.
 */
export const viewerParams = (user: User): [string | null, string | null, boolean] => [
  user.role === 'client' ? user.companyId : null,
  user.role === 'contractor' ? user.id : null,
  user.role === 'admin',
];

/** A contract `k`'s privacy terms as one JSON value (the contract's `privacy`). */
export const PRIVACY_JSON = `json_build_object('redactedBillable', k.redacted_billable, 'redactionsPerWeek', k.redactions_per_week, 'blurAll', k.blur_all)`;

/** The contract columns as a ContractRow, from `contracts k` joined to its company `c` and contractor `u`. */
export const CONTRACT_COLUMNS = `
  k.id, k.title, k.hourly_rate as "hourlyRate", k.currency, k.weekly_limit_hours as "weeklyLimitHours",
  k.manual_time_allowed as "manualTimeAllowed", k.time_zone as "timeZone", k.status,
  ${PRIVACY_JSON} as privacy,
  json_build_object('id', c.id, 'name', c.name) as company,
  json_build_object('id', u.id, 'name', u.name, 'email', u.email) as contractor`;
export const CONTRACT_FROM = `contracts k join companies c on c.id = k.company_id join users u on u.id = k.contractor_id`;

const SELECT = `select ${CONTRACT_COLUMNS} from ${CONTRACT_FROM}`;

export async function findVisibleContracts(q: Queryable, user: User): Promise<ContractRow[]> {
  return q.query<ContractRow>(`${SELECT} where ${visibleTo('k', 1)} order by c.name, k.title`, viewerParams(user));
}

/** The contract, or null when it does not exist or the user may not see it (both answer 404). */
export async function findVisibleContract(q: Queryable, user: User, contractId: string): Promise<ContractRow | null> {
  const rows = await q.query<ContractRow>(`${SELECT} where k.id = $1 and ${visibleTo('k', 2)}`, [contractId, ...viewerParams(user)]);
  return rows[0] ?? null;
}

/** Contracts by id, whoever may see them: for the server's own sweeps. */
export async function findContractsById(q: Queryable, ids: string[]): Promise<ContractRow[]> {
  return q.query<ContractRow>(`${SELECT} where k.id = any($1::uuid[])`, [ids]);
}

/** Every contract's id, in a stable order (the orphan sweep walks their blob folders). */
export async function findContractIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>(`select id from contracts order by id`)).map((r) => r.id);
}

/**
 * The contract's status, its row locked until the transaction ends (changes to its status and
 * terms queue behind each other); null when there is no such contract.
 */
export async function lockContractStatus(tx: Queryable, contractId: string): Promise<Contract['status'] | null> {
  const rows = await tx.query<{ status: Contract['status'] }>(`select status from contracts where id = $1 for update`, [contractId]);
  return rows[0]?.status ?? null;
}

export async function setContractStatus(tx: Queryable, contractId: string, status: Contract['status']): Promise<void> {
  await tx.query(`update contracts set status = $2 where id = $1`, [contractId, status]);
}

/** Whether an admin deactivated the company: its contracts then take no tracker uploads. */
export async function isCompanyDeactivated(q: Queryable, companyId: string): Promise<boolean> {
  const rows = await q.query<{ off: boolean }>(`select deactivated_at is not null as off from companies where id = $1`, [companyId]);
  return rows[0]?.off ?? false;
}
