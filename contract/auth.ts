import { z } from 'zod';
import { Email, Id, Role, Text } from './common.ts';

export const LoginBody = z.object({
  email: Email,
  password: Text.min(1, { error: 'is required' }).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** The one rule for a new password, wherever it is set (the sign-in form takes at most 200). */
export const NEW_PASSWORD_MESSAGE = 'The password must be 10 to 200 characters long.';
export const NewPassword = z.string().min(10, { error: NEW_PASSWORD_MESSAGE }).max(200, { error: NEW_PASSWORD_MESSAGE });

/** A user with two-factor sign-in: the right password answers this (202), and the code step follows. */
export const CodeStep = z.object({
  codeStep: z.literal(true),
  /** Valid for five minutes, for one sign-in. */
  pendingToken: z.string(),
});
export type CodeStep = z.infer<typeof CodeStep>;

/** The code from the authenticator app (6 digits) or one of the recovery codes. */
export const LoginCodeBody = z.object({
  pendingToken: Text.min(1).max(100),
  code: Text.min(1, { error: 'is required' }).max(40),
});
export type LoginCodeBody = z.infer<typeof LoginCodeBody>;

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  company: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Me = z.infer<typeof Me>;
