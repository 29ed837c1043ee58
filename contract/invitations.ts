// Invitations, password resets and the single-use links that carry them (/api/invitations,
// /api/links/:token, /api/auth/forgot). A link's token is 32 random bytes in base64url.
import { z } from 'zod';
import { Email, Id, Text, TimeZone, Written } from './common.ts';
import { NewPrivacyTerms, PrivacyTerms } from './contracts.ts';
import { ChangeTerms } from './disputes.ts';
import { NewPassword } from './auth.ts';

/** How long an invitation's link is good for, and a password reset's. */
export const INVITE_DAYS = 7;
export const RESET_MINUTES = 60;

/** What the page of a used, expired or unknown link says (always the same, whichever it was). */
export const LINK_INVALID = 'This link is no longer valid';

const Name = Written(100).optional();

/** An admin invites a client into a company. */
export const ClientInviteBody = z.object({
  companyId: Id,
  email: Email,
  /** Optional: the invitee sets it when they accept. */
  name: Name,
});
export type ClientInviteBody = z.input<typeof ClientInviteBody>;

export const MAX_RATE = 1_000_000;

/** A client invites a contractor to a new contract, with its terms (an admin names the company too). */
export const ContractorInviteBody = z.object({
  /** The client's own company when left out; an admin must name one. */
  companyId: Id.optional(),
  email: Email,
  name: Name,
  title: Written(200, 'must not be empty'),
  /** Minor units (cents) per hour. */
  hourlyRate: z
    .number({ error: 'must be a whole number of cents per hour' })
    .int({ error: 'must be a whole number of cents per hour' })
    .min(0, { error: 'must not be negative' })
    .max(MAX_RATE, { error: `must be at most ${MAX_RATE.toLocaleString('en-US')} cents an hour` }),
  currency: Text.regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code, like USD' }),
  weeklyLimitHours: ChangeTerms.shape.weeklyLimitHours.unwrap(),
  manualTimeAllowed: z.boolean({ error: 'must be true or false' }),
  timeZone: TimeZone,
  /** Privacy terms, agreed when the contract is made. */
  ...NewPrivacyTerms.shape,
});
/** What a caller sends: the privacy terms may be left out. */
export type ContractorInviteBody = z.input<typeof ContractorInviteBody>;
/** What the server works with: the privacy terms filled in with their defaults. */
export type ContractorInvite = z.infer<typeof ContractorInviteBody>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: z.enum(['client', 'contractor']),
  company: z.object({ id: Id, name: z.string() }),
  contract: z.object({ id: Id, title: z.string() }).nullable(),
  invitedBy: z.string().nullable(),
  /** True when the invitee had no account: the link sets their name and password. */
  newAccount: z.boolean(),
  status: InvitationStatus,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ invitations: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationQuery = z.object({ companyId: Id.optional(), status: InvitationStatus.optional() });
export const InvitationParams = z.object({ invitationId: Id });

export const LinkParams = z.object({ token: Text.min(1).max(100) });

/** What a valid link's page shows before it is used. */
export const LinkInfo = z.discriminatedUnion('purpose', [
  z.object({
    purpose: z.literal('invite'),
    email: z.string(),
    name: z.string(),
    role: z.enum(['client', 'contractor']),
    company: z.string(),
    /** The contract the invitee accepts, with the privacy terms it was made with. */
    contract: z.object({ title: z.string(), hourlyRate: z.number().int(), currency: z.string(), weeklyLimitHours: z.number().int().nullable(), privacy: PrivacyTerms }).nullable(),
    invitedBy: z.string().nullable(),
    newAccount: z.boolean(),
    expiresAt: z.string(),
  }),
  z.object({ purpose: z.literal('reset'), email: z.string(), expiresAt: z.string() }),
]);
export type LinkInfo = z.infer<typeof LinkInfo>;

/** Accepting an invitation: a new account sets its name and password; an existing one sends nothing (its session). */
export const AcceptBody = z.object({
  name: Written(100, 'must not be empty').optional(),
  password: NewPassword.optional(),
});
export type AcceptBody = z.infer<typeof AcceptBody>;

export const ResetBody = z.object({ password: NewPassword });
export type ResetBody = z.infer<typeof ResetBody>;

export const ForgotBody = z.object({ email: Email });
export type ForgotBody = z.infer<typeof ForgotBody>;

/** The one answer to "forgot password", whether or not the address has an account. */
export const FORGOT_ANSWER = { accepted: true as const, message: 'If an account uses this address, a link to set a new password is on its way. It is good for one hour.' };
export const ForgotAnswer = z.object({ accepted: z.literal(true), message: z.string() });
