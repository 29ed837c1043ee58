// A user's own settings: name, zone, password, sessions and two-factor sign-in.
import { z } from 'zod';
import { Id, Instant, Text, TimeZone } from './common.ts';
import { NewPassword } from './auth.ts';

export const SessionInfo = z.object({
  id: Id,
  createdAt: Instant,
  /** The sign-in, or the session's last change (reads do not count), within a few minutes. */
  lastSeenAt: Instant,
  /** The browser and system, shortened from the user agent ("Firefox on Linux"). */
  device: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const Settings = z.object({
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  totpEnabled: z.boolean(),
  sessions: z.array(SessionInfo),
});
export type Settings = z.infer<typeof Settings>;

export const Name = Text.trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' });

export const SettingsPatch = z
  .object({ name: Name.optional(), timeZone: TimeZone.optional() })
  .refine((b) => b.name !== undefined || b.timeZone !== undefined, { error: 'give a name or a timeZone to change' });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const PasswordChange = z.object({
  currentPassword: Text.min(1, { error: 'is required' }).max(200),
  newPassword: NewPassword,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const SessionsEnded = z.object({ ended: z.number().int() });
export type SessionsEnded = z.infer<typeof SessionsEnded>;

/** A secret made for enabling, not on until confirmed with a code. */
export const TotpSetup = z.object({
  secret: z.string(),
  /** otpauth://totp/… for an authenticator app. */
  uri: z.string(),
  /** The URI as a QR code for the app's camera: a PNG data URL. */
  qrCode: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpCode = z.object({ code: Text.min(1, { error: 'is required' }).max(40) });
export type TotpCode = z.infer<typeof TotpCode>;

/** Shown once: the server keeps only their hashes. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Either a current code or the password turns two-factor sign-in off. */
export const TotpDisable = z
  .object({ code: Text.max(40).optional(), password: Text.max(200).optional() })
  .refine((b) => Boolean(b.code || b.password), { error: 'give a current code or your password' });
export type TotpDisable = z.infer<typeof TotpDisable>;
