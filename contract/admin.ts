// The admin console's API (/api/admin/…, admin role only): users, companies and the audit trail.
import { z } from 'zod';
import { Email, Id, Role, Text, TimeZone, Written } from './common.ts';
import { Contract, ContractStatus, NewPrivacyTerms } from './contracts.ts';
import { AuditEntry, HourlyRate, WeeklyCap } from './disputes.ts';

const Named = z.object({ id: Id, name: z.string() });

export const AdminUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  company: Named.nullable(),
  createdAt: z.string(),
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: z.string().nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const USER_PAGE = 50;

export const AdminUserQuery = z.object({
  /** Part of the name or email, any case. */
  q: Text.trim().max(100, { error: 'must be at most 100 characters' }).optional(),
  role: Role.optional(),
  companyId: Id.optional(),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

export const AdminUserList = z.object({
  users: z.array(AdminUser),
  /** How many users match; at most USER_PAGE of them are listed. */
  total: z.number().int(),
});
export type AdminUserList = z.infer<typeof AdminUserList>;

export const AdminUserParams = z.object({ userId: Id });

/** What switching an account or a company on or off did. */
const SwitchFacts = {
  /** False when it already was as asked. */
  changed: z.boolean(),
  /** Sessions ended: the user's, or a deactivated company's clients'. */
  sessionsEnded: z.number().int(),
};

export const AccountChangeResult = z.object({ user: AdminUser, ...SwitchFacts, trackersRevoked: z.number().int() });
export type AccountChangeResult = z.infer<typeof AccountChangeResult>;

export const AdminCompany = z.object({
  id: Id,
  name: z.string(),
  clients: z.number().int(),
  contracts: z.number().int(),
  createdAt: z.string(),
  /** When an admin deactivated it: its clients cannot sign in, its contracts take no uploads. Null while active. */
  deactivatedAt: z.string().nullable(),
});
export type AdminCompany = z.infer<typeof AdminCompany>;

export const AdminCompanyList = z.object({ companies: z.array(AdminCompany) });
export type AdminCompanyList = z.infer<typeof AdminCompanyList>;

export const CompanyBody = z.object({ name: Written(100, 'must not be empty') });
export type CompanyBody = z.infer<typeof CompanyBody>;

export const CompanyParams = z.object({ companyId: Id });

export const CompanyChangeResult = z.object({ company: AdminCompany, ...SwitchFacts });
export type CompanyChangeResult = z.infer<typeof CompanyChangeResult>;

export const CONTRACT_PAGE = 50;

export const AdminContractQuery = z.object({
  companyId: Id.optional(),
  status: ContractStatus.optional(),
  /** Part of the title, or of the contractor's name or email, any case. */
  q: Text.trim().max(100, { error: 'must be at most 100 characters' }).optional(),
});
export type AdminContractQuery = z.infer<typeof AdminContractQuery>;

export const AdminContractList = z.object({
  contracts: z.array(Contract),
  /** How many contracts match; at most CONTRACT_PAGE of them are listed. */
  total: z.number().int(),
  /** The Monday 00:00 UTC (by the server's clock) from which a change of terms made now applies. */
  changesFrom: z.string(),
});
export type AdminContractList = z.infer<typeof AdminContractList>;

/** A new contract for an existing contractor, with the command line's rules. */
export const NewContract = z.object({
  companyId: Id,
  contractorEmail: Email,
  title: Written(200, 'must not be empty'),
  hourlyRate: HourlyRate,
  currency: Text.regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO currency code, like USD' }),
  weeklyLimitHours: WeeklyCap,
  manualTimeAllowed: z.boolean(),
  timeZone: TimeZone,
  /** Privacy terms, agreed when the contract is made. */
  ...NewPrivacyTerms.shape,
});
/** What the server works with: the privacy terms filled in with their defaults. */
export type NewContract = z.infer<typeof NewContract>;
/** What a caller sends: the privacy terms may be left out. */
export type NewContractInput = z.input<typeof NewContract>;

export const AUDIT_PAGE = 50;

export const AuditQuery = z.object({
  companyId: Id.optional(),
  contractId: Id.optional(),
  /** Who did it, or whom it was done to (a disabled user). */
  userId: Id.optional(),
  /** An action (`user.disabled`) or its noun (`user`). */
  kind: Text.trim()
    .regex(/^[a-z_]+(\.[a-z_]+)?$/, { error: 'must be an action like user.disabled, or its first word like user' })
    .optional(),
  /** Keyset: entries older than this id (the page's `older`). */
  before: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AdminAuditEntry = AuditEntry.extend({
  contract: z.object({ id: Id, title: z.string() }).nullable(),
  company: Named.nullable(),
  weekStart: z.string().nullable(),
  /** The user ("Dana Dev <dev@…>") or company the subject names, when it names one. */
  subjectName: z.string().nullable(),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AdminAuditEntry),
  /** `before` for the next, older page; null on the last. */
  older: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
