// The signed-in user's own settings. Every route acts on the asking user only: another user's
// session id is "not found", as if it did not exist.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Id, Problem, WriteProblems } from '#contract/common.ts';
import { PasswordChange, RecoveryCodes, SessionsEnded, Settings, SettingsPatch, TotpCode, TotpDisable, TotpSetup } from '#contract/settings.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { changeOwnPassword, disableTotp, endOtherSessions, endSession, getSettings, updateSettings } from '../services/settings-service.ts';
import { confirmTotp, startTotp } from '../services/totp-service.ts';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  // authenticateSession found the user by this cookie, so it is there.
  const tokenOf = (req: { cookies: Record<string, string | undefined> }) => req.cookies[SESSION_COOKIE] ?? '';
  const settingsOf = (req: Parameters<typeof tokenOf>[0] & { user: Parameters<typeof getSettings>[1] }) =>
    getSettings(app.deps.database, req.user, tokenOf(req), app.deps.clock.now());

  app.get('/settings', { schema: { tags, summary: 'My settings and my sessions', response: { 200: Settings, 401: Problem } } }, async (req) => settingsOf(req));

  app.patch(
    '/settings',
    { schema: { tags, summary: 'Change my name or zone', body: SettingsPatch, response: { 200: Settings, ...WriteProblems } } },
    async (req) => {
      await updateSettings(app.deps.database, req.user, req.body, app.deps.clock.now());
      return settingsOf(req);
    },
  );

  app.post(
    '/settings/password',
    {
      schema: {
        tags,
        summary: 'Change my password: ends my other sessions and revokes my tracker tokens; this session stays signed in',
        body: PasswordChange,
        response: { 204: z.null(), ...WriteProblems },
      },
    },
    async (req, reply) => {
      await changeOwnPassword(app.deps.database, req.user, req.body, tokenOf(req), app.deps.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/settings/sessions/sign-out-others',
    { schema: { tags, summary: 'Sign out everywhere else', response: { 200: SessionsEnded, ...WriteProblems } } },
    async (req) => endOtherSessions(app.deps.database, req.user, tokenOf(req)),
  );

  app.delete(
    '/settings/sessions/:sessionId',
    { schema: { tags, summary: 'Sign out one of my sessions', params: z.object({ sessionId: Id }), response: { 204: z.null(), ...WriteProblems } } },
    async (req, reply) => {
      await endSession(app.deps.database, req.user, req.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/settings/totp',
    { schema: { tags, summary: 'Start two-factor sign-in: a new secret, on once confirmed with a code', response: { 200: TotpSetup, ...WriteProblems } } },
    async (req) => startTotp(app.deps.database, req.user.id),
  );

  app.post(
    '/settings/totp/confirm',
    { schema: { tags, summary: 'Turn two-factor sign-in on with a current code; answers ten recovery codes, shown once', body: TotpCode, response: { 200: RecoveryCodes, ...WriteProblems } } },
    async (req) => ({ recoveryCodes: await confirmTotp(app.deps.database, req.user.id, req.body.code, app.deps.clock.now()) }),
  );

  app.post(
    '/settings/totp/disable',
    { schema: { tags, summary: 'Turn two-factor sign-in off with a current code or the password', body: TotpDisable, response: { 204: z.null(), ...WriteProblems } } },
    async (req, reply) => {
      await disableTotp(app.deps.database, req.user, req.body, app.deps.clock.now());
      return reply.code(204).send(null);
    },
  );
};
