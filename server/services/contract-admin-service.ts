// Managing contracts: create one for an existing contractor, pause, resume and end it, and
// change its rate, weekly cap and manual time from the next Monday. The admin console, a
// client's contracts page and `npm run admin` all call these. A client manages their own
// company's contracts, an admin every one; each change is audited with who made it (null: the
// command line).
import type { Contract } from '#contract/contracts.ts';
import type { AdminContractList, AdminContractQuery, NewContract } from '#contract/admin.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../data/audit.ts';
import { findCompany, findContractorByEmail, insertContract, listAdminContracts } from '../data/admin.ts';
import { findContractsById, lockContractStatus, setContractStatus, type ContractRow } from '../data/contracts.ts';
import type { User } from '../data/users.ts';
import { findTermsChanges, upsertTermsChange } from '../data/weeks.ts';
import { changeEffectiveFrom, weekTerms, type ContractTerms } from '../domain/terms.ts';
import { HttpProblem } from '../lib/problem.ts';
import { contractNotFound, contractPayload } from './contract-service.ts';
import { clientOf } from './timesheet-service.ts';

/** Who made a change: a signed-in user (checked against the contract), or null for the command line. */
type Actor = User | null;

/** An admin manages every contract; a client, their own company's; a contractor none (403: they may see it). */
function requireManager(actor: Actor, contract: ContractRow, what: string): void {
  if (actor === null || actor.role === 'admin' || clientOf(actor, contract)) return;
  throw new HttpProblem(403, `Only a client of ${contract.company.name} or an admin may ${what} this contract.`);
}

export async function adminContracts(database: Database, query: AdminContractQuery, now: Date): Promise<AdminContractList> {
  const { contracts, total } = await listAdminContracts(database, query);
  return {
    contracts: await Promise.all(contracts.map((c) => contractPayload(database, c, now))),
    total,
    changesFrom: changeEffectiveFrom(now).toISOString(),
  };
}

/** A new active contract for an existing contractor, with the command line's rules. */
export async function createContract(database: Database, actor: Actor, input: NewContract, now: Date): Promise<Contract> {
  const id = await database.transaction(async (tx) => {
    const company = await findCompany(tx, input.companyId);
    if (!company) throw new HttpProblem(400, 'There is no such company: choose one from the list.', [{ field: 'body.companyId', message: 'is not a company' }]);
    if (company.deactivatedAt) {
      throw new HttpProblem(409, `${company.name} is deactivated: reactivate it before adding contracts.`, [{ field: 'body.companyId', message: 'is deactivated' }]);
    }
    const contractor = await findContractorByEmail(tx, input.contractorEmail);
    if (!contractor) {
      throw new HttpProblem(400, `There is no contractor ${input.contractorEmail}: invite them, or create the account with "npm run admin -- user create --role contractor".`, [
        { field: 'body.contractorEmail', message: 'is not the email of a contractor' },
      ]);
    }
    if (contractor.disabled) {
      throw new HttpProblem(409, `The account of ${input.contractorEmail} is disabled: enable it first.`, [{ field: 'body.contractorEmail', message: 'is a disabled account' }]);
    }
    const contractId = await insertContract(tx, { ...input, contractorId: contractor.id }, now);
    const { companyId: _c, ...after } = input;
    await appendAudit(tx, { at: now, actorId: actor?.id ?? null, action: 'contract.created', contractId, subject: input.title, after: { ...after, status: 'active' } });
    return contractId;
  });
  return contractPayload(database, (await findContractsById(database, [id]))[0]!, now);
}

export type StatusAction = 'pause' | 'resume' | 'end';

const TARGET: Record<StatusAction, { status: Contract['status']; from: readonly string[]; audit: string; verb: string; rule: string }> = {
  pause: { status: 'paused', from: ['active'], audit: 'contract.paused', verb: 'pause', rule: 'only an active contract can be paused' },
  resume: { status: 'active', from: ['paused'], audit: 'contract.resumed', verb: 'resume', rule: 'only a paused contract can be resumed' },
  end: { status: 'ended', from: ['pending', 'active', 'paused'], audit: 'contract.ended', verb: 'end', rule: 'it cannot be ended' },
};

/**
 * Pauses, resumes or ends the contract. A paused or ended contract takes no tracker uploads; its
 * weeks are reviewed, disputed and approved as before. Ended is final. Asking for the state it is
 * in already changes nothing and is not audited.
 */
export async function changeContractStatus(database: Database, actor: Actor, contract: ContractRow, action: StatusAction, now: Date): Promise<Contract> {
  const target = TARGET[action];
  requireManager(actor, contract, target.verb);
  const status = await database.transaction(async (tx) => {
    const was = await lockContractStatus(tx, contract.id);
    if (was === null) throw contractNotFound();
    if (was === target.status) return was;
    if (!target.from.includes(was)) {
      throw new HttpProblem(
        409,
        was === 'ended'
          ? `“${contract.title}” has ended, and an ended contract stays ended: create a new contract to work again.`
          : `“${contract.title}” is ${was}: ${target.rule}.`,
      );
    }
    await setContractStatus(tx, contract.id, target.status);
    await appendAudit(tx, { at: now, actorId: actor?.id ?? null, action: target.audit, contractId: contract.id, subject: contract.title, before: { status: was }, after: { status: target.status } });
    return target.status;
  });
  return contractPayload(database, { ...contract, status: status }, now);
}

export interface TermsChangeInput {
  hourlyRate?: number;
  weeklyLimitHours?: number | null;
  manualTimeAllowed?: boolean;
}

/**
 * Changes the rate, weekly cap or manual time from the next Monday 00:00 UTC (the week under way
 * keeps its terms); a second change in the same week replaces the first. Not on an ended contract.
 */
export async function changeTerms(database: Database, actor: Actor, contract: ContractRow, change: TermsChangeInput, now: Date): Promise<Contract> {
  requireManager(actor, contract, 'change the terms of');
  const effectiveFrom = changeEffectiveFrom(now);
  await database.transaction(async (tx) => {
    const status = await lockContractStatus(tx, contract.id);
    if (status === 'ended') throw new HttpProblem(409, `“${contract.title}” has ended: its terms can no longer change.`);
    const before = weekTerms(contract, await findTermsChanges(tx, contract.id), effectiveFrom);
    const after: ContractTerms = {
      hourlyRate: change.hourlyRate ?? before.hourlyRate,
      weeklyLimitHours: change.weeklyLimitHours !== undefined ? change.weeklyLimitHours : before.weeklyLimitHours,
      manualTimeAllowed: change.manualTimeAllowed ?? before.manualTimeAllowed,
    };
    await upsertTermsChange(tx, contract.id, { effectiveFrom, terms: after }, actor?.id ?? null, now);
    await appendAudit(tx, {
      at: now,
      actorId: actor?.id ?? null,
      action: 'contract.terms_changed',
      contractId: contract.id,
      weekStart: effectiveFrom,
      subject: `from ${effectiveFrom.toISOString()}`,
      before,
      after,
    });
  });
  return contractPayload(database, contract, now);
}

/** A contract by id for the command line, which sees every contract. */
export async function contractById(database: Database, contractId: string): Promise<ContractRow | null> {
  return (await findContractsById(database, [contractId]))[0] ?? null;
}
