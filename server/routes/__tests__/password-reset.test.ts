// Password reset by mail: "forgot password" answers the same, in the same time, for a known and
// an unknown address, and is limited like a sign-in; the link (1 hour, once) sets the password,
// ends every session and revokes every tracker token. The admin console sends the same mail.
import { describe, expect, it } from 'vitest';
import { backends, connectTracker, login } from '#server/test/harness.ts';
import type { Problem } from '#contract/common.ts';
import { passwordResetsSettled } from '#server/services/password-reset.ts';
import { Secret, TOTP } from 'otpauth';
import { linksSuite } from './links-suite.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.each(backends)('password reset on %s', (backend) => {
  const { s, req, mailsTo, linkToken } = linksSuite(backend);
  /** One request, timed until its answer; then what it set going is let finish, untimed, so each request is timed alone. */
  const forgot = async (email: string) => {
    const t0 = performance.now();
    const res = await req('POST', '/api/auth/forgot', null, { email });
    const ms = performance.now() - t0;
    await passwordResetsSettled();
    return { res, ms };
  };

  it('answers a known and an unknown address alike, in about the same time; only the known one gets a mail', async () => {
    const known = await forgot('designer@test.test');
    const unknown = await forgot('nobody@test.test');
    expect(known.res.statusCode).toBe(202);
    expect(unknown.res.statusCode).toBe(202);
    expect(unknown.res.body).toBe(known.res.body);
    expect(Object.keys(unknown.res.headers).sort()).toEqual(Object.keys(known.res.headers).sort());
    await passwordResetsSettled();
    const [mail] = await mailsTo('designer@test.test');
    expect(mail).toMatchObject({ kind: 'password-reset', subject: 'Set a new workdiary password', user_id: s.world.users.designer.id });
    expect(mail!.html).toMatch(/href="http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{43}"/);
    expect(await mailsTo('nobody@test.test')).toEqual([]);

    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 20; i++) {
      times.known.push((await forgot(i % 2 ? 'dev@test.test' : 'client@test.test')).ms);
      times.unknown.push((await forgot(`nobody${i}@test.test`)).ms);
    }
    await passwordResetsSettled();
    // The answer comes before the lookup: the medians differ by noise only. (Looking up and
    // mailing before answering made the known address's median twice the other's and more.)
    const [fast, slow] = [median(times.known), median(times.unknown)].sort((a, b) => a - b) as [number, number];
    expect(slow, JSON.stringify({ known: median(times.known), unknown: median(times.unknown) })).toBeLessThan(1.8 * fast + 1);
    const bad = await req('POST', '/api/auth/forgot', null, { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('body.email');
  });

  it('the link sets the password once: every session ends and every tracker token is revoked', async () => {
    const other = await login(s.env.app, 'designer@test.test');
    const tracker = await connectTracker(s.env.app, other, 'Studio Mac');
    await req('POST', '/api/auth/forgot', null, { email: 'designer@test.test' });
    await passwordResetsSettled();
    const token = await linkToken('designer@test.test', 'reset');
    expect((await req('GET', `/api/links/${token}`)).json()).toMatchObject({ purpose: 'reset', email: 'designer@test.test' });
    const short = await req('POST', `/api/links/${token}/reset`, null, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json<Problem>().errors?.[0]?.field).toBe('body.password');

    const res = await req('POST', `/api/links/${token}/reset`, null, { password: 'a-brand-new-password' });
    expect(res.statusCode).toBe(204);
    for (const who of [s.designer, other]) expect((await req('GET', '/api/auth/me', who)).statusCode).toBe(401);
    const session = await s.env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: `Bearer ${tracker}` } });
    expect(session.statusCode).toBe(401);
    expect((await req('POST', '/api/auth/login', null, { email: 'designer@test.test', password: 'test-password' })).statusCode).toBe(401);
    s.designer = await login(s.env.app, 'designer@test.test', 'a-brand-new-password');

    const again = await req('POST', `/api/links/${token}/reset`, null, { password: 'yet-another-password' });
    expect(again.statusCode).toBe(410);
    expect(again.json<Problem>().detail).toMatch(/^This link is no longer valid/);
    const audit = await s.env.database.query<{ action: string; actor_id: string | null }>(`select action, actor_id from audit_log where subject = $1 order by id`, [s.world.users.designer.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.password_reset_sent', 'user.password_changed', 'user.password_reset']));
  });

  it('a reset link expires after one hour', async () => {
    await req('POST', '/api/auth/forgot', null, { email: 'client2@test.test' });
    await passwordResetsSettled();
    const token = await linkToken('client2@test.test', 'reset');
    s.env.clock.advance(60 * 60_000 + 1_000);
    try {
      expect((await req('GET', `/api/links/${token}`)).statusCode).toBe(410);
      expect((await req('POST', `/api/links/${token}/reset`, null, { password: 'a-brand-new-password' })).statusCode).toBe(410);
    } finally {
      s.env.clock.set('2026-11-25T15:00:00Z');
    }
    await login(s.env.app, 'client2@test.test');
  });

  it('the admin console sends the same mail; nobody else may', async () => {
    const url = `/api/admin/users/${s.world.users.dev.id}/password-reset`;
    for (const who of [s.client, s.client2, s.dev]) expect((await req('POST', url, who)).statusCode).toBe(403);
    const before = (await mailsTo('dev@test.test')).length;
    const res = await req('POST', url, s.admin);
    expect(res.statusCode).toBe(202);
    const mails = await mailsTo('dev@test.test');
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatchObject({ kind: 'password-reset' });
    const [audit] = await s.env.database.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'user.password_reset_sent' and subject = $1 order by id desc limit 1`, [s.world.users.dev.id]);
    expect(audit!.actor_id).toBe(s.world.users.admin.id);
    expect((await req('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/password-reset', s.admin)).statusCode).toBe(404);
  });

  it('a reset keeps two-factor sign-in on: the next sign-in still asks for the code', async () => {
    const who = await login(s.env.app, 'client@test.test');
    const setup = (await req('POST', '/api/settings/totp', who)).json<{ secret: string }>();
    const code = new TOTP({ secret: Secret.fromBase32(setup.secret) }).generate();
    expect((await req('POST', '/api/settings/totp/confirm', who, { code })).statusCode).toBe(200);
    await req('POST', '/api/auth/forgot', null, { email: 'client@test.test' });
    await passwordResetsSettled();
    expect((await req('POST', `/api/links/${await linkToken('client@test.test', 'reset')}/reset`, null, { password: 'a-brand-new-password' })).statusCode).toBe(204);
    const signIn = await req('POST', '/api/auth/login', null, { email: 'client@test.test', password: 'a-brand-new-password' });
    expect(signIn.statusCode).toBe(202);
    expect(signIn.json()).toMatchObject({ codeStep: true });
    expect(signIn.cookies).toEqual([]);
  });
});

describe.each(backends)('password reset limits on %s', (backend) => {
  const { req, mailsTo } = linksSuite(backend, { loginMaxFailures: 3 });

  it('is limited per account like a sign-in, so it cannot flood a mailbox', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await req('POST', '/api/auth/forgot', null, { email: 'dev@test.test' }));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 429, 429]);
    // It says what was counted: not "failed sign-ins", which the person never made.
    expect(answers[4]!.json<{ detail: string }>().detail).toMatch(/^Too many password reset requests and sign-ins for this account or from your address\. Try again in \d+ minutes?\.$/);
    await passwordResetsSettled();
    expect(await mailsTo('dev@test.test')).toHaveLength(3);
  });
});
