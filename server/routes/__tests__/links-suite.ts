// What the invitation, link and password-reset tests share: the world signed in, and the link
// of the last account mail sent to an address (read from the outbox's mails table).
import { afterAll, beforeAll } from 'vitest';
import { createTestEnv, loginEach, type Backend, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';

export function linksSuite(backend: Backend, opts: { loginMaxFailures?: number } = {}) {
  const s = {} as { env: TestEnv; world: World; admin: Who; client: Who; client2: Who; dev: Who; designer: Who };
  beforeAll(async () => {
    s.env = await createTestEnv(backend, opts);
    s.world = await createWorld(s.env.database);
    Object.assign(s, await loginEach(s.env.app, s.world.users));
  });
  afterAll(async () => {
    await s.env?.close();
  });

  const req = (method: 'GET' | 'POST', url: string, who?: Who | null, payload?: object) =>
    s.env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });

  /** The account mails sent to the address, oldest first. */
  const mailsTo = (to: string) =>
    s.env.database.query<{ kind: string; subject: string; text: string; html: string; user_id: string | null }>(
      `select kind, subject, text, html, user_id from mails where to_address = $1 order by id`,
      [to],
    );

  /** The token in the newest mail to the address with a link to `/page/<token>`. */
  const linkToken = async (to: string, page: 'invite' | 'reset') => {
    const mails = await mailsTo(to);
    const m = new RegExp(`http://localhost:3000/${page}/([A-Za-z0-9_-]+)`).exec(mails.at(-1)?.text ?? '');
    if (!m) throw new Error(`no ${page} link in the mails to ${to}: ${JSON.stringify(mails.map((x) => x.subject))}`);
    return m[1]!;
  };

  const cookieOf = (res: { cookies: { name: string; value: string }[] }): Who | null => {
    const c = res.cookies.find((x) => x.name === 'wd_session');
    return c ? { cookie: `wd_session=${c.value}` } : null;
  };

  return { s, req, mailsTo, linkToken, cookieOf };
}
