// The admin console's API (/api/admin/…, admin role only): users, companies and the audit trail.
import { z } from 'zod';
import { Id, Role, Text, Written } from './common.ts';
import { AuditEntry } from './disputes.ts';

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

export const AccountChangeResult = z.object({
  user: AdminUser,
  /** False when the account already was as asked. */
  changed: z.boolean(),
  sessionsEnded: z.number().int(),
  trackersRevoked: z.number().int(),
});
export type AccountChangeResult = z.infer<typeof AccountChangeResult>;

export const AdminCompany = z.object({
  id: Id,
  name: z.string(),
  clients: z.number().int(),
  contracts: z.number().int(),
  createdAt: z.string(),
});
export type AdminCompany = z.infer<typeof AdminCompany>;

export const AdminCompanyList = z.object({ companies: z.array(AdminCompany) });
export type AdminCompanyList = z.infer<typeof AdminCompanyList>;

export const CompanyBody = z.object({ name: Written(100, 'must not be empty') });
export type CompanyBody = z.infer<typeof CompanyBody>;

export const CompanyParams = z.object({ companyId: Id });

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
