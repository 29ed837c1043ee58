// The append-only audit trail: every change, who made it, before and after. The table's
// trigger refuses UPDATE and DELETE, so these are the only two things done to it.
import type { Queryable } from '../db/client.ts';
import type { AuditEntry } from '#contract/disputes.ts';
import type { AdminAuditEntry, AuditQuery } from '#contract/admin.ts';

export interface AuditRecord {
  at: Date;
  /** null: the system (a deadline passed). */
  actorId: string | null;
  action: string;
  contractId?: string | null;
  weekStart?: Date | null;
  disputeId?: string | null;
  subject?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(q: Queryable, records: AuditRecord | AuditRecord[]): Promise<void> {
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return;
  await q.query(
    `insert into audit_log (at, actor_id, action, contract_id, week_start, dispute_id, subject, before, after)
     select * from unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::uuid[], $7::text[], $8::jsonb[], $9::jsonb[])`,
    [
      list.map((r) => r.at),
      list.map((r) => r.actorId),
      list.map((r) => r.action),
      list.map((r) => r.contractId ?? null),
      list.map((r) => r.weekStart ?? null),
      list.map((r) => r.disputeId ?? null),
      list.map((r) => r.subject ?? null),
      list.map((r) => (r.before === undefined ? null : JSON.stringify(r.before))),
      list.map((r) => (r.after === undefined ? null : JSON.stringify(r.after))),
    ],
  );
}

const SELECT = `
  select a.id::int as id, a.at, a.action, a.subject, a.before, a.after,
         case when u.id is null then null else json_build_object('id', u.id, 'name', u.name, 'role', u.role) end as actor
    from audit_log a left join users u on u.id = a.actor_id`;

const toEntry = (r: AuditEntry & { at: Date | string }): AuditEntry => ({ ...r, at: new Date(r.at).toISOString() });

/** A dispute's trail, oldest first. */
export async function findDisputeAudit(q: Queryable, disputeId: string): Promise<AuditEntry[]> {
  const rows = await q.query<AuditEntry>(`${SELECT} where a.dispute_id = $1 order by a.id`, [disputeId]);
  return rows.map(toEntry);
}

/** A contract week's trail (approval, edits, disputes), oldest first. */
export async function findWeekAudit(q: Queryable, contractId: string, weekStart: Date): Promise<AuditEntry[]> {
  const rows = await q.query<AuditEntry>(`${SELECT} where a.contract_id = $1 and a.week_start = $2 order by a.id`, [contractId, weekStart]);
  return rows.map(toEntry);
}

/** The admin's view of the whole trail, newest first, filtered; `limit + 1` rows tell whether there is an older page. */
export async function listAudit(q: Queryable, filter: AuditQuery, limit: number): Promise<AdminAuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (value: unknown, sql: (p: string) => string) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  // A company's rows: its contracts', and those about the company itself (created, renamed).
  if (filter.companyId) add(filter.companyId, (p) => `(k.company_id = ${p}::uuid or a.subject = ${p}::text)`);
  if (filter.contractId) add(filter.contractId, (p) => `a.contract_id = ${p}::uuid`);
  if (filter.userId) add(filter.userId, (p) => `(a.actor_id = ${p}::uuid or a.subject = ${p}::text)`);
  if (filter.kind) add(filter.kind, (p) => (filter.kind!.includes('.') ? `a.action = ${p}` : `a.action like ${p} || '.%'`));
  if (filter.before) add(filter.before, (p) => `a.id < ${p}`);
  params.push(limit + 1);
  const rows = await q.query<AdminAuditEntry & { at: Date | string; weekStart: Date | string | null }>(
    `select a.id::int as id, a.at, a.action, a.subject, a.before, a.after, a.week_start as "weekStart",
            case when u.id is null then null else json_build_object('id', u.id, 'name', u.name, 'role', u.role) end as actor,
            case when k.id is null then null else json_build_object('id', k.id, 'title', k.title) end as contract,
            case when co.id is null then null else json_build_object('id', co.id, 'name', co.name) end as company,
            coalesce(su.name || ' <' || su.email || '>', sc.name) as "subjectName"
       from audit_log a
       left join users u on u.id = a.actor_id
       left join contracts k on k.id = a.contract_id
       left join companies co on co.id = k.company_id
       left join users su on su.id::text = a.subject
       left join companies sc on sc.id::text = a.subject
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by a.id desc
      limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), weekStart: r.weekStart === null ? null : new Date(r.weekStart).toISOString() }));
}
