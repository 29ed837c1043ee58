import { z } from 'zod';
import { Email, Id, Role, Text } from './common.ts';

export const LoginBody = z.object({
  email: Email,
  password: Text.min(1, { error: 'is required' }).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  company: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Me = z.infer<typeof Me>;
