// Deactivating a company: its clients are signed out and told why they cannot sign in, its
// contracts keep their status but take no uploads, and reactivating undoes it. Company names
// stay unique in any case through the database's own index, even when two admins race.
import { describe, expect, it } from 'vitest';
import { backends, login, type Who } from '#server/test/harness.ts';
import type { AuditPage, CompanyChangeResult, AdminCompany } from '#contract/admin.ts';
import type { Problem } from '#contract/common.ts';
import type { TrackerSession } from '#contract/trackers.ts';
import { PASSWORD } from '#server/test/fixtures.ts';
import { T, ingestSuite } from './ingest-suite.ts';

describe.each(backends)('deactivating companies on %s', (backend) => {
  const suite = ingestSuite(backend);
  const { upload } = suite;
  const req = (method: 'GET' | 'POST', url: string, who?: Who, payload?: object) =>
    suite.state.env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
  const signIn = (email: string, password = PASSWORD) => suite.state.env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const trackerContracts = async () =>
    (await suite.state.env.app.inject({ method: 'GET', url: '/api/tracker/session', headers: { authorization: `Bearer ${suite.state.devToken}` } })).json<TrackerSession>().contracts.map((c) => c.title);

  it('refuses deactivation to everyone but an admin: 401 without a session, 403 to clients and contractors', async () => {
    const { world, client, client2, dev } = suite.state;
    for (const action of ['deactivate', 'reactivate']) {
      const url = `/api/admin/companies/${world.acme.id}/${action}`;
      expect((await req('POST', url)).statusCode).toBe(401);
      for (const who of [client, client2, dev]) expect((await req('POST', url, who)).statusCode, action).toBe(403);
    }
    expect((await req('GET', '/api/contracts', client)).statusCode).toBe(200);
    const bad = await req('POST', '/api/admin/companies/not-a-uuid/deactivate', await login(suite.state.env.app, suite.state.world.users.admin.email));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('params.companyId');
  });

  it('signs its clients out and tells them why they cannot sign in; its contracts take no uploads; reactivating undoes it', async () => {
    const { env, world, client } = suite.state;
    const admin = await login(env.app, world.users.admin.email);
    const second = await login(env.app, world.users.client.email);
    expect(await trackerContracts()).toEqual(['Backend work']);

    const off = await req('POST', `/api/admin/companies/${world.acme.id}/deactivate`, admin);
    expect(off.statusCode).toBe(200);
    expect(off.json<CompanyChangeResult>()).toMatchObject({ changed: true, sessionsEnded: 2, company: { name: 'Acme Robotics', deactivatedAt: '2026-11-25T15:00:00.000Z' } });
    for (const who of [client, second]) expect((await req('GET', '/api/contracts', who)).statusCode).toBe(401);

    // The right password gets the reason; a wrong one learns nothing more than before.
    const refused = await signIn(world.users.client.email);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().detail).toBe('Acme Robotics is deactivated on this workdiary, so its clients cannot sign in. Ask its administrator to reactivate it.');
    expect(refused.cookies.find((c) => c.name === 'wd_session')).toBeUndefined();
    expect((await signIn(world.users.client.email, 'not-the-password')).statusCode).toBe(401);
    // Another company's client and Acme's contractors are not touched.
    expect((await signIn(world.users.client2.email)).statusCode).toBe(200);
    expect((await signIn(world.users.dev.email)).statusCode).toBe(200);

    // The contract stays active, but its tracker is refused like a paused one's, and no longer offered it.
    const contracts = (await req('GET', '/api/admin/companies', admin)).json<{ companies: AdminCompany[] }>().companies;
    expect(contracts.find((c) => c.id === world.acme.id)?.deactivatedAt).toBe('2026-11-25T15:00:00.000Z');
    const status = await env.database.query<{ status: string }>(`select status from contracts where id = $1`, [world.contracts.dev]);
    expect(status[0]!.status).toBe('active');
    const upload1 = await upload(world.contracts.dev, T('14:00'));
    expect(upload1.statusCode).toBe(404);
    expect(upload1.json<Problem>().detail).toBe('The contract was not found, or you may not see it.');
    expect(await trackerContracts()).toEqual([]);

    const again = await req('POST', `/api/admin/companies/${world.acme.id}/deactivate`, admin);
    expect(again.json<CompanyChangeResult>()).toMatchObject({ changed: false, sessionsEnded: 0 });

    const on = await req('POST', `/api/admin/companies/${world.acme.id}/reactivate`, admin);
    expect(on.json<CompanyChangeResult>()).toMatchObject({ changed: true, company: { deactivatedAt: null } });
    expect((await signIn(world.users.client.email)).statusCode).toBe(200);
    expect((await upload(world.contracts.dev, T('14:00'))).statusCode).toBe(201);
    expect(await trackerContracts()).toEqual(['Backend work']);

    const audit = (await req('GET', `/api/admin/audit?companyId=${world.acme.id}&kind=company`, admin)).json<AuditPage>();
    expect(audit.entries.map((e) => [e.action, e.actor?.name, e.before, e.after])).toEqual([
      ['company.reactivated', 'Ada Admin', { deactivatedAt: '2026-11-25T15:00:00.000Z' }, { deactivatedAt: null }],
      ['company.deactivated', 'Ada Admin', { deactivatedAt: null }, { deactivatedAt: '2026-11-25T15:00:00.000Z' }],
    ]);
  });

  it('refuses a session that outlived its company’s deactivation (one started while it was being deactivated)', async () => {
    const { env, world } = suite.state;
    const kept = await login(env.app, world.users.client2.email);
    await env.database.query(`update companies set deactivated_at = $2 where id = $1`, [world.globex.id, new Date('2026-11-25T15:00:00Z')]);
    try {
      expect((await req('GET', '/api/contracts', kept)).statusCode).toBe(401);
    } finally {
      await env.database.query(`update companies set deactivated_at = null where id = $1`, [world.globex.id]);
    }
    expect((await req('GET', '/api/contracts', kept)).statusCode).toBe(200);
  });

  it('answers 404 for a company that does not exist', async () => {
    const admin = await login(suite.state.env.app, suite.state.world.users.admin.email);
    const res = await req('POST', '/api/admin/companies/0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e/deactivate', admin);
    expect(res.statusCode).toBe(404);
  });

  it('keeps names unique in any case when two admins create the same company at once: one 201, one 409 naming the field', async () => {
    const admin = await login(suite.state.env.app, suite.state.world.users.admin.email);
    const both = await Promise.all([req('POST', '/api/admin/companies', admin, { name: 'Hooli' }), req('POST', '/api/admin/companies', admin, { name: 'HOOLI' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = both.find((r) => r.statusCode === 409)!.json<Problem>();
    expect(loser.detail).toMatch(/^A company named “(Hooli|HOOLI)” already exists: choose another name\.$/);
    expect(loser.errors).toEqual([{ field: 'body.name', message: 'is already the name of another company' }]);
    const rename = await req('POST', '/api/admin/companies', admin, { name: 'globex' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json<Problem>().detail).toBe('A company named “Globex” already exists: choose another name.');
  });
});
