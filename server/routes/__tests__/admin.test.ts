// The admin console's API: users listed and searched, disabled and enabled through the same
// service as the command line (sessions end), never oneself; companies created and renamed
// with unique names; the audit trail filtered and paged. Everyone but an admin is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, connectTracker, createTestEnv, login, loginEach, type TestEnv, type Who } from '#server/test/harness.ts';
import { createWorld, type World } from '#server/test/fixtures.ts';
import type { AccountChangeResult, AdminCompany, AdminCompanyList, AdminUserList, AuditPage } from '#contract/admin.ts';
import type { Problem } from '#contract/common.ts';

describe.each(backends)('admin console API on %s', (backend) => {
  let env: TestEnv;
  let world: World;
  let admin: Who, client: Who, client2: Who, dev: Who;

  beforeAll(async () => {
    env = await createTestEnv(backend);
    world = await createWorld(env.database);
    ({ admin, client, client2, dev } = await loginEach(env.app, world.users));
  });
  afterAll(async () => {
    await env?.close();
  });

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Who, payload?: object) =>
    env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });

  it('refuses every admin route without a session (401) and to clients of any company and contractors (403)', async () => {
    const routes: ['GET' | 'POST' | 'PATCH', string, object?][] = [
      ['GET', '/api/admin/users'],
      ['POST', `/api/admin/users/${world.users.dev.id}/disable`],
      ['POST', `/api/admin/users/${world.users.dev.id}/enable`],
      ['GET', '/api/admin/companies'],
      ['POST', '/api/admin/companies', { name: 'Hooli' }],
      ['PATCH', `/api/admin/companies/${world.globex.id}`, { name: 'Taken over' }],
      ['GET', '/api/admin/audit'],
    ];
    for (const [method, url, body] of routes) {
      expect((await req(method, url, undefined, body)).statusCode, `${method} ${url}`).toBe(401);
      for (const who of [client, client2, dev]) {
        const res = await req(method, url, who, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json<Problem>().detail).toMatch(/only an admin/i);
      }
    }
    const names = await env.database.query<{ name: string; disabled_at: Date | null }>(`select name from companies order by name`);
    expect(names.map((n) => n.name)).toEqual(['Acme Robotics', 'Globex']);
    const devRow = await env.database.query<{ disabled_at: Date | null }>(`select disabled_at from users where id = $1`, [world.users.dev.id]);
    expect(devRow[0]!.disabled_at).toBeNull();
  });

  it('lists users with company and state, searches name or email in any case, filters by role and company', async () => {
    const all = (await req('GET', '/api/admin/users', admin)).json<AdminUserList>();
    expect(all.total).toBe(5);
    expect(all.users.map((u) => u.name)).toEqual(['Ada Admin', 'Casey Client', 'Dana Dev', 'Desi Designer', 'Gil Globex']);
    expect(all.users[1]).toMatchObject({ email: 'client@test.test', role: 'client', company: { id: world.acme.id, name: 'Acme Robotics' }, disabledAt: null });

    const search = async (qs: string) => (await req('GET', `/api/admin/users?${qs}`, admin)).json<AdminUserList>();
    expect((await search('q=DES')).users.map((u) => u.email)).toEqual(['designer@test.test']);
    expect((await search('q=globex')).users.map((u) => u.email)).toEqual(['client2@test.test']);
    // A % is a character searched for, not "anything".
    expect((await search('q=%25')).total).toBe(0);
    expect((await search('role=contractor')).users.map((u) => u.name)).toEqual(['Dana Dev', 'Desi Designer']);
    expect((await search(`companyId=${world.globex.id}`)).users.map((u) => u.name)).toEqual(['Gil Globex']);

    const bad = await req('GET', '/api/admin/users?role=boss', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('querystring.role');
  });

  it('disables a user (their sessions end, trackers revoked, audited with the admin) and enables them again', async () => {
    const designer = await login(env.app, world.users.designer.email);
    const token = await connectTracker(env.app, designer, 'Studio Mac');

    const res = await req('POST', `/api/admin/users/${world.users.designer.id}/disable`, admin);
    expect(res.statusCode).toBe(200);
    const body = res.json<AccountChangeResult>();
    // Two sessions: the one signed in with the world, and this one.
    expect(body).toMatchObject({ changed: true, sessionsEnded: 2, trackersRevoked: 1, user: { id: world.users.designer.id, disabledAt: '2026-11-25T15:00:00.000Z' } });
    expect((await req('GET', '/api/contracts', designer)).statusCode).toBe(401);
    const tracker = await env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: `Bearer ${token}` } });
    expect(tracker.statusCode).toBe(401);
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: world.users.designer.email, password: 'test-password' } })).statusCode).toBe(401);

    const again = (await req('POST', `/api/admin/users/${world.users.designer.id}/disable`, admin)).json<AccountChangeResult>();
    expect(again.changed).toBe(false);

    const enabled = await req('POST', `/api/admin/users/${world.users.designer.id}/enable`, admin);
    expect(enabled.json<AccountChangeResult>()).toMatchObject({ changed: true, user: { disabledAt: null } });
    await login(env.app, world.users.designer.email);

    const audit = await env.database.query<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_log where subject = $1 and action like 'user.%' order by id`,
      [world.users.designer.id],
    );
    expect(audit).toEqual([
      { action: 'user.disabled', actor_id: world.users.admin.id },
      { action: 'user.enabled', actor_id: world.users.admin.id },
    ]);
  });

  it('refuses to disable the admin themself with 409, and an unknown user with 404', async () => {
    const self = await req('POST', `/api/admin/users/${world.users.admin.id}/disable`, admin);
    expect(self.statusCode).toBe(409);
    expect(self.json<Problem>().detail).toMatch(/cannot disable your own account/);
    expect((await req('GET', '/api/admin/users', admin)).statusCode).toBe(200);
    const unknown = await req('POST', '/api/admin/users/00000000-0000-4000-8000-000000000000/disable', admin);
    expect(unknown.statusCode).toBe(404);
  });

  it('creates and renames companies: trimmed, 1–100 characters, unique in any case (409 naming the field), audited', async () => {
    const created = await req('POST', '/api/admin/companies', admin, { name: '  Initech  ' });
    expect(created.statusCode).toBe(201);
    const initech = created.json<AdminCompany>();
    expect(initech).toMatchObject({ name: 'Initech', clients: 0, contracts: 0 });

    for (const name of ['   ', 'x'.repeat(101)]) {
      const res = await req('POST', '/api/admin/companies', admin, { name });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe('body.name');
    }
    const duplicate = await req('POST', '/api/admin/companies', admin, { name: 'globex' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<Problem>().errors).toEqual([{ field: 'body.name', message: 'is already the name of another company' }]);
    expect(duplicate.json<Problem>().detail).toContain('“Globex”');

    const renamed = await req('PATCH', `/api/admin/companies/${initech.id}`, admin, { name: 'Initech Labs' });
    expect(renamed.json<AdminCompany>().name).toBe('Initech Labs');
    expect((await req('PATCH', `/api/admin/companies/${initech.id}`, admin, { name: 'ACME robotics' })).statusCode).toBe(409);
    // Its own name in another case is not a clash with itself.
    expect((await req('PATCH', `/api/admin/companies/${initech.id}`, admin, { name: 'INITECH LABS' })).statusCode).toBe(200);
    expect((await req('PATCH', '/api/admin/companies/00000000-0000-4000-8000-000000000000', admin, { name: 'Nobody' })).statusCode).toBe(404);

    const list = (await req('GET', '/api/admin/companies', admin)).json<AdminCompanyList>();
    expect(list.companies.map((c) => [c.name, c.clients, c.contracts])).toEqual([
      ['Acme Robotics', 1, 2],
      ['Globex', 1, 1],
      ['INITECH LABS', 0, 0],
    ]);

    const audit = (await req('GET', `/api/admin/audit?companyId=${initech.id}`, admin)).json<AuditPage>();
    expect(audit.entries.map((e) => [e.action, e.actor?.name, e.before, e.after])).toEqual([
      ['company.renamed', 'Ada Admin', { name: 'Initech Labs' }, { name: 'INITECH LABS' }],
      ['company.renamed', 'Ada Admin', { name: 'Initech' }, { name: 'Initech Labs' }],
      ['company.created', 'Ada Admin', null, { name: 'Initech' }],
    ]);
  });

  it('filters the audit trail by user, kind, contract and company, newest first, paged by keyset', async () => {
    const page = async (qs: string) => {
      const res = await req('GET', `/api/admin/audit?${qs}`, admin);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AuditPage>();
    };
    const byUser = await page(`userId=${world.users.designer.id}&kind=user`);
    expect(byUser.entries.map((e) => e.action)).toEqual(['user.enabled', 'user.disabled']);
    expect(byUser.entries[0]).toMatchObject({ actor: { name: 'Ada Admin', role: 'admin' }, subjectName: 'Desi Designer <designer@test.test>', contract: null });
    expect((await page(`userId=${world.users.designer.id}&kind=user.disabled`)).entries).toHaveLength(1);

    // 60 entries on one contract: a first page of 50, then the 10 older ones.
    const at = new Date('2026-11-25T14:00:00Z');
    const values = Array.from({ length: 60 }, (_, i) => `($1, $2, 'slot.memo_edited', $3, '${i}')`).join(', ');
    await env.database.query(`insert into audit_log (at, actor_id, action, contract_id, subject) values ${values}`, [at, world.users.dev.id, world.contracts.dev]);
    const first = await page(`contractId=${world.contracts.dev}`);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({ subject: '59', contract: { id: world.contracts.dev, title: 'Backend work' }, company: { name: 'Acme Robotics' } });
    expect(first.older).toBe(first.entries[49]!.id);
    const second = await page(`contractId=${world.contracts.dev}&before=${first.older}`);
    expect(second.entries.map((e) => e.subject)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    expect(second.older).toBeNull();

    expect((await page(`companyId=${world.globex.id}&kind=slot`)).entries).toEqual([]);
    expect((await page(`companyId=${world.acme.id}&kind=slot`)).entries).toHaveLength(50);

    for (const [qs, field] of [['kind=DROP TABLE', 'querystring.kind'], ['before=abc', 'querystring.before'], ['contractId=7', 'querystring.contractId']]) {
      const res = await req('GET', `/api/admin/audit?${qs}`, admin);
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe(field);
    }
  });
});
