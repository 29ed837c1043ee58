// Managing contracts: the admin lists and creates them; the company's client or an admin pauses,
// resumes and ends one, and changes its rate, cap and manual time from the next Monday. Another
// company's client gets 404, the contractor 403; every change is audited with who made it.
import { describe, expect, it } from 'vitest';
import { backends, login, type Who } from '#server/test/harness.ts';
import type { AdminContractList, AuditPage } from '#contract/admin.ts';
import type { Problem } from '#contract/common.ts';
import type { Contract } from '#contract/contracts.ts';
import { T, ingestSuite } from './ingest-suite.ts';

const NEW = {
  contractorEmail: 'DEV@test.test',
  title: 'Mobile app',
  hourlyRate: 7000,
  currency: 'USD',
  weeklyLimitHours: 30,
  manualTimeAllowed: false,
  timeZone: 'America/Chicago',
};

describe.each(backends)('managing contracts on %s', (backend) => {
  const suite = ingestSuite(backend);
  const { upload } = suite;
  let admin: Who;
  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Who, payload?: object) =>
    suite.state.env.app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
  const asAdmin = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    admin ??= await login(suite.state.env.app, suite.state.world.users.admin.email);
    return req(method, url, admin, payload);
  };
  const audit = async (contractId: string) =>
    (await asAdmin('GET', `/api/admin/audit?contractId=${contractId}&kind=contract`)).json<AuditPage>().entries.map((e) => [e.action, e.actor?.name ?? 'System', e.before, e.after]);

  it('lists contracts for the admin only, filtered by company, status and part of the title or contractor', async () => {
    const { world, client, dev } = suite.state;
    for (const who of [client, dev]) expect((await req('GET', '/api/admin/contracts', who)).statusCode).toBe(403);
    expect((await req('GET', '/api/admin/contracts')).statusCode).toBe(401);
    const list = async (qs = '') => (await asAdmin('GET', `/api/admin/contracts${qs}`)).json<AdminContractList>();
    const all = await list();
    expect(all.contracts.map((c) => c.title)).toEqual(['Backend work', 'Design', 'Globex brochure']);
    expect(all).toMatchObject({ total: 3, changesFrom: '2026-11-30T00:00:00.000Z' });
    expect((await list(`?companyId=${world.globex.id}`)).contracts.map((c) => c.title)).toEqual(['Globex brochure']);
    expect((await list('?q=desi')).contracts.map((c) => c.title)).toEqual(['Design', 'Globex brochure']);
    expect((await list('?q=BACKEND')).contracts.map((c) => c.title)).toEqual(['Backend work']);
    expect((await list('?status=paused')).total).toBe(0);
    const bad = await asAdmin('GET', '/api/admin/contracts?status=sleeping');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('querystring.status');
  });

  it('creates a contract for an existing contractor (admin only), audited; bad input is a 4xx naming the field', async () => {
    const { world, client } = suite.state;
    const body = { ...NEW, companyId: world.globex.id, blurAll: true };
    expect((await req('POST', '/api/admin/contracts', client, body)).statusCode).toBe(403);
    const made = await asAdmin('POST', '/api/admin/contracts', body);
    expect(made.statusCode).toBe(201);
    const k = made.json<Contract>();
    expect(k).toMatchObject({ title: 'Mobile app', status: 'active', hourlyRate: 7000, weeklyLimitHours: 30, timeZone: 'America/Chicago', company: { name: 'Globex' }, contractor: { email: 'dev@test.test' } });
    // The redaction terms left out take their defaults; blurring every screenshot was asked for.
    expect(k.privacy).toEqual({ redactedBillable: true, redactionsPerWeek: 3, blurAll: true });
    expect(await audit(k.id)).toEqual([
      ['contract.created', 'Ada Admin', null, { contractorEmail: 'DEV@test.test', title: 'Mobile app', hourlyRate: 7000, currency: 'USD', weeklyLimitHours: 30, manualTimeAllowed: false, timeZone: 'America/Chicago', redactedBillable: true, redactionsPerWeek: 3, blurAll: true, status: 'active' }],
    ]);
    // Globex's client sees it at once.
    const globex = await login(suite.state.env.app, world.users.client2.email);
    expect((await req('GET', `/api/contracts/${k.id}`, globex)).statusCode).toBe(200);

    const cases: [object, number, string][] = [
      [{ currency: 'usd' }, 400, 'body.currency'],
      [{ hourlyRate: -1 }, 400, 'body.hourlyRate'],
      [{ hourlyRate: 12.5 }, 400, 'body.hourlyRate'],
      [{ weeklyLimitHours: 169 }, 400, 'body.weeklyLimitHours'],
      [{ timeZone: 'Mars/Olympus' }, 400, 'body.timeZone'],
      [{ title: '  ' }, 400, 'body.title'],
      [{ blurAll: 'yes' }, 400, 'body.blurAll'],
      [{ contractorEmail: 'nobody@test.test' }, 400, 'body.contractorEmail'],
      [{ contractorEmail: 'client@test.test' }, 400, 'body.contractorEmail'],
      [{ companyId: '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e' }, 400, 'body.companyId'],
    ];
    for (const [over, status, field] of cases) {
      const res = await asAdmin('POST', '/api/admin/contracts', { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json<Problem>().errors?.[0]?.field, JSON.stringify(over)).toBe(field);
    }
    const count = await suite.state.env.database.query<{ n: number }>(`select count(*)::int as n from contracts`);
    expect(count[0]!.n).toBe(4);
  });

  it('pauses and resumes: a paused contract refuses uploads; the client of its company may, another company’s gets 404, its contractor 403', async () => {
    const { world, client, client2, dev } = suite.state;
    const url = (action: string) => `/api/contracts/${world.contracts.dev}/${action}`;
    expect((await req('POST', url('pause'), client2)).statusCode).toBe(404);
    const byContractor = await req('POST', url('pause'), dev);
    expect(byContractor.statusCode).toBe(403);
    expect(byContractor.json<Problem>().detail).toBe('Only a client of Acme Robotics or an admin may pause this contract.');

    const paused = await req('POST', url('pause'), client);
    expect(paused.statusCode).toBe(200);
    expect(paused.json<Contract>().status).toBe('paused');
    expect((await upload(world.contracts.dev, T('13:00'))).statusCode).toBe(404);
    // Pausing twice changes nothing; resuming an active one neither.
    expect((await req('POST', url('pause'), client)).json<Contract>().status).toBe('paused');

    const resumed = await asAdmin('POST', url('resume'));
    expect(resumed.json<Contract>().status).toBe('active');
    expect((await upload(world.contracts.dev, T('13:00'))).statusCode).toBe(201);
    expect((await asAdmin('POST', url('resume'))).json<Contract>().status).toBe('active');
    expect(await audit(world.contracts.dev)).toEqual([
      ['contract.resumed', 'Ada Admin', { status: 'paused' }, { status: 'active' }],
      ['contract.paused', 'Casey Client', { status: 'active' }, { status: 'paused' }],
    ]);
  });

  it('ends a contract for good: uploads refused, no resume, no more terms changes (409)', async () => {
    const { world, client } = suite.state;
    const k = (await asAdmin('POST', '/api/admin/contracts', { ...NEW, contractorEmail: 'designer@test.test', title: 'Short job', companyId: world.acme.id })).json<Contract>();
    const ended = await req('POST', `/api/contracts/${k.id}/end`, client);
    expect(ended.json<Contract>().status).toBe('ended');
    expect((await upload(k.id, T('13:10'), undefined, {}, suite.state.designerToken)).statusCode).toBe(404);
    for (const action of ['resume', 'pause']) {
      const res = await req('POST', `/api/contracts/${k.id}/${action}`, client);
      expect(res.statusCode, action).toBe(409);
      expect(res.json<Problem>().detail).toBe('“Short job” has ended, and an ended contract stays ended: create a new contract to work again.');
    }
    const terms = await req('PATCH', `/api/contracts/${k.id}/terms`, client, { hourlyRate: 9000 });
    expect(terms.statusCode).toBe(409);
    expect((await req('GET', `/api/contracts/${k.id}`, client)).json<Contract>().status).toBe('ended');
  });

  it('changes the rate, cap and manual time from the next Monday (client of the company or admin), audited with who did it', async () => {
    const { world, client, client2, designer } = suite.state;
    const url = `/api/contracts/${world.contracts.designer}/terms`;
    expect((await req('PATCH', url, client2, { hourlyRate: 1 })).statusCode).toBe(404);
    expect((await req('PATCH', url, designer, { hourlyRate: 999999 })).statusCode).toBe(403);
    const bad = await req('PATCH', url, client, { hourlyRate: -5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('body.hourlyRate');

    const byAdmin = await asAdmin('PATCH', url, { hourlyRate: 5000 });
    expect(byAdmin.statusCode).toBe(200);
    // This week keeps its rate; the change shows as scheduled from Monday 30 November.
    expect(byAdmin.json<Contract>()).toMatchObject({ hourlyRate: 4500, nextTerms: { effectiveFrom: '2026-11-30T00:00:00.000Z', hourlyRate: 5000, weeklyLimitHours: null, manualTimeAllowed: true } });
    const byClient = await req('PATCH', url, client, { weeklyLimitHours: 20, manualTimeAllowed: false });
    expect(byClient.json<Contract>().nextTerms).toEqual({ effectiveFrom: '2026-11-30T00:00:00.000Z', hourlyRate: 5000, weeklyLimitHours: 20, manualTimeAllowed: false });
    expect(await audit(world.contracts.designer)).toEqual([
      ['contract.terms_changed', 'Casey Client', { hourlyRate: 5000, weeklyLimitHours: null, manualTimeAllowed: true }, { hourlyRate: 5000, weeklyLimitHours: 20, manualTimeAllowed: false }],
      ['contract.terms_changed', 'Ada Admin', { hourlyRate: 4500, weeklyLimitHours: null, manualTimeAllowed: true }, { hourlyRate: 5000, weeklyLimitHours: null, manualTimeAllowed: true }],
    ]);
  });
});
