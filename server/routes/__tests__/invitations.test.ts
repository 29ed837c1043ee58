// Invitations: an admin invites a client into a company, a client invites a contractor to a new
// contract that stays pending until accepted; the mail's link works once, for 7 days. Another
// company's client sees none of it; bad input names its field.
import { describe, expect, it } from 'vitest';
import { backends, connectTracker, login } from '#server/test/harness.ts';
import { testImage, uploadForm } from '#server/test/fixtures.ts';
import type { Invitation, InvitationList, LinkInfo } from '#contract/invitations.ts';
import type { Contract, ContractList } from '#contract/contracts.ts';
import type { Problem } from '#contract/common.ts';
import { linksSuite } from './links-suite.ts';

const terms = { title: 'Mobile app', hourlyRate: 7500, currency: 'EUR', weeklyLimitHours: 20, manualTimeAllowed: true, timeZone: 'Europe/Lisbon' };

describe.each(backends)('invitations on %s', (backend) => {
  const { s, req, mailsTo, linkToken, cookieOf } = linksSuite(backend);

  it('an admin invites a new client: the mail’s link sets name and password once, and signs them in', async () => {
    const res = await req('POST', '/api/invitations/clients', s.admin, { companyId: s.world.acme.id, email: 'New.Client@Test.test' });
    expect(res.statusCode).toBe(201);
    expect(res.json<Invitation>()).toMatchObject({ email: 'new.client@test.test', role: 'client', status: 'pending', newAccount: true, company: { name: 'Acme Robotics' }, invitedBy: 'Ada Admin' });
    const [mail] = await mailsTo('new.client@test.test');
    expect(mail).toMatchObject({ kind: 'invitation', subject: 'Invitation to Acme Robotics on workdiary' });
    expect(mail!.text).toMatch(/Ada Admin invites you to Acme Robotics on workdiary/);
    expect(mail!.text).not.toMatch(/unsubscribe|Stop these mails/i);
    // The account exists, but nobody can sign in to it before the link sets a password.
    expect((await req('POST', '/api/auth/login', null, { email: 'new.client@test.test', password: 'test-password' })).statusCode).toBe(401);

    const token = await linkToken('new.client@test.test', 'invite');
    const info = await req('GET', `/api/links/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json<LinkInfo>()).toMatchObject({ purpose: 'invite', company: 'Acme Robotics', role: 'client', newAccount: true, invitedBy: 'Ada Admin', contract: null });

    const short = await req('POST', `/api/links/${token}/accept`, null, { name: 'Nia New', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json<Problem>().errors?.[0]?.field).toBe('body.password');

    const accepted = await req('POST', `/api/links/${token}/accept`, null, { name: 'Nia New', password: 'a-long-new-password' });
    expect(accepted.statusCode).toBe(200);
    const who = cookieOf(accepted)!;
    expect((await req('GET', '/api/auth/me', who)).json()).toMatchObject({ name: 'Nia New', role: 'client', company: { name: 'Acme Robotics' } });
    await login(s.env.app, 'new.client@test.test', 'a-long-new-password');

    // Used: the same clear answer, whether read or used again.
    for (const [method, body] of [['GET'], ['POST', { name: 'X', password: 'another-password' }]] as const) {
      const again = await req(method, `/api/links/${token}${method === 'POST' ? '/accept' : ''}`, null, body);
      expect(again.statusCode).toBe(410);
      expect(again.json<Problem>().detail).toMatch(/^This link is no longer valid/);
    }
    const audit = await s.env.database.query<{ action: string; actor_id: string }>(`select action, actor_id from audit_log where action like 'invitation.%' order by id`);
    expect(audit.slice(-2).map((a) => a.action)).toEqual(['invitation.created', 'invitation.accepted']);
    expect(audit.at(-2)!.actor_id).toBe(s.world.users.admin.id);
  });

  it('a client invites a contractor: the contract is pending (not in their list, no uploads, no approval) until they accept', async () => {
    const privacy = { redactedBillable: true, redactionsPerWeek: 5, blurAll: true };
    const res = await req('POST', '/api/invitations/contractors', s.client, { email: 'dev@test.test', ...terms, ...privacy });
    expect(res.statusCode).toBe(201);
    const inv = res.json<Invitation>();
    expect(inv).toMatchObject({ newAccount: false, role: 'contractor', contract: { title: 'Mobile app' }, invitedBy: 'Casey Client' });
    const contractId = inv.contract!.id;
    const clientList = (await req('GET', '/api/contracts', s.client)).json<ContractList>().contracts;
    expect(clientList.find((c) => c.id === contractId)).toMatchObject({ status: 'pending', hourlyRate: 7500, currency: 'EUR', weeklyLimitHours: 20, timeZone: 'Europe/Lisbon', privacy });
    const [created] = await s.env.database.query<{ after: { contract: object } }>(`select after from audit_log where action = 'invitation.created' and contract_id = $1`, [contractId]);
    expect(created!.after.contract).toMatchObject(privacy);
    // The mail says what the contractor agrees to about their screenshots, before any link.
    const [mail] = await mailsTo('dev@test.test');
    expect(mail!.text).toMatch(/Redacted screenshots: up to 5 a week stay billable.*Your client sees every screenshot blurred; the originals are kept encrypted/s);
    // The home page's week is of work: a contract nobody accepted yet is not on it.
    const overviewIds = (who: typeof s.client) => req('GET', '/api/overview', who).then((r) => JSON.stringify(r.json()));
    expect(await overviewIds(s.client)).not.toContain(contractId);
    const devList = () => req('GET', '/api/contracts', s.dev).then((r) => r.json<ContractList>().contracts.map((c) => c.id));
    expect(await devList()).not.toContain(contractId);
    expect((await req('GET', `/api/contracts/${contractId}`, s.dev)).statusCode).toBe(404);
    // Its contractor's tracker cannot upload to it: it answers like a contract that does not exist.
    const trackerToken = await connectTracker(s.env.app, s.dev, 'Dev laptop');
    const start = '2026-11-25T09:00:00.000Z';
    const form = await uploadForm({ capturedAt: '2026-11-25T09:03:00.000Z', keyboard: Array(10).fill(3), mouse: Array(10).fill(2), memo: 'Early start', windowTitle: 'app' }, { bytes: await testImage(3), type: 'image/jpeg', name: 'a.jpg' });
    const upload = await s.env.app.inject({ method: 'PUT', url: `/api/contracts/${contractId}/slots/${start}`, headers: { authorization: `Bearer ${trackerToken}`, 'content-type': form.contentType }, payload: form.payload });
    expect(upload.statusCode).toBe(404);
    // The client may not approve or record anything on it yet.
    const approve = await req('POST', `/api/contracts/${contractId}/weeks/2026-11-16/approval`, s.client, {});
    expect(approve.statusCode).toBe(409);
    expect(approve.json<Problem>().detail).toMatch(/waits for the contractor to accept/);

    const token = await linkToken('dev@test.test', 'invite');
    // Its page shows the contractor the privacy terms they are asked to accept.
    expect((await req('GET', `/api/links/${token}`)).json<LinkInfo>()).toMatchObject({ newAccount: false, contract: { title: 'Mobile app', hourlyRate: 7500, privacy } });
    // An existing account accepts signed in as itself: not anonymously, not as someone else.
    for (const who of [null, s.designer]) {
      const refused = await req('POST', `/api/links/${token}/accept`, who, {});
      expect(refused.statusCode).toBe(403);
      expect(refused.json<Problem>().detail).toMatch(/Sign in as dev@test.test/);
    }
    const ok = await req('POST', `/api/links/${token}/accept`, s.dev, {});
    expect(ok.statusCode).toBe(200);
    const uploaded = await s.env.app.inject({ method: 'PUT', url: `/api/contracts/${contractId}/slots/${start}`, headers: { authorization: `Bearer ${trackerToken}`, 'content-type': form.contentType }, payload: form.payload });
    expect(uploaded.statusCode).toBe(201);
    expect(await devList()).toContain(contractId);
    expect(await overviewIds(s.client)).toContain(contractId);
    const after = (await req('GET', '/api/contracts', s.client)).json<ContractList>().contracts;
    expect(after.find((c) => c.id === contractId)!.status).toBe('active');
    // The contractor sees the terms they accepted.
    expect((await req('GET', `/api/contracts/${contractId}`, s.dev)).json<Contract>()).toMatchObject({ status: 'active', privacy });
    expect((await req('GET', '/api/invitations?status=accepted', s.client)).json<InvitationList>().invitations.map((i) => i.id)).toContain(inv.id);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const bad = async (url: string, who: typeof s.admin, body: object, status: number, field: string) => {
      const res = await req('POST', url, who, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
    };
    const C = '/api/invitations/contractors';
    await bad(C, s.client, { ...terms, email: 'not-an-address' }, 400, 'body.email');
    await bad(C, s.client, { ...terms, email: 'x@test.test', hourlyRate: -1 }, 400, 'body.hourlyRate');
    await bad(C, s.client, { ...terms, email: 'x@test.test', hourlyRate: 1.5 }, 400, 'body.hourlyRate');
    await bad(C, s.client, { ...terms, email: 'x@test.test', hourlyRate: 100_000_000 }, 400, 'body.hourlyRate');
    await bad(C, s.client, { ...terms, email: 'x@test.test', weeklyLimitHours: 169 }, 400, 'body.weeklyLimitHours');
    await bad(C, s.client, { ...terms, email: 'x@test.test', currency: 'euro' }, 400, 'body.currency');
    await bad(C, s.client, { ...terms, email: 'x@test.test', timeZone: 'Mars/Base' }, 400, 'body.timeZone');
    await bad(C, s.client, { ...terms, email: 'x@test.test', title: '  ' }, 400, 'body.title');
    await bad(C, s.client, { ...terms, email: 'x@test.test', redactionsPerWeek: -1 }, 400, 'body.redactionsPerWeek');
    await bad(C, s.client, { ...terms, email: 'x@test.test', redactionsPerWeek: 101 }, 400, 'body.redactionsPerWeek');
    await bad(C, s.client, { ...terms, email: 'x@test.test', redactedBillable: 'yes' }, 400, 'body.redactedBillable');
    await bad(C, s.client, { ...terms, email: 'x@test.test', blurAll: 'yes' }, 400, 'body.blurAll');
    // Addresses that already belong to someone who cannot take the role here.
    await bad(C, s.client, { ...terms, email: 'client2@test.test' }, 409, 'body.email');
    await bad(C, s.client, { ...terms, email: 'admin@test.test' }, 409, 'body.email');
    await bad('/api/invitations/clients', s.admin, { companyId: s.world.acme.id, email: 'client@test.test' }, 409, 'body.email');
    await bad('/api/invitations/clients', s.admin, { companyId: s.world.acme.id, email: 'dev@test.test' }, 409, 'body.email');
    await bad(C, s.admin, { ...terms, email: 'y@test.test' }, 400, 'body.companyId');
    // A duplicate: the same address already waits on an invitation from this company.
    expect((await req('POST', C, s.client, { ...terms, email: 'dup@test.test' })).statusCode).toBe(201);
    await bad(C, s.client, { ...terms, title: 'Other', email: 'DUP@test.test' }, 409, 'body.email');
    // A deactivated company takes nobody.
    await s.env.database.query(`update companies set deactivated_at = $2 where id = $1`, [s.world.globex.id, new Date('2026-11-20T00:00:00Z')]);
    await bad('/api/invitations/clients', s.admin, { companyId: s.world.globex.id, email: 'g@test.test' }, 409, 'body.companyId');
    await bad(C, s.admin, { ...terms, companyId: s.world.globex.id, email: 'g@test.test' }, 409, 'body.companyId');
    await s.env.database.query(`update companies set deactivated_at = null where id = $1`, [s.world.globex.id]);
    // Who may invite whom.
    expect((await req('POST', '/api/invitations/clients', s.client, { companyId: s.world.acme.id, email: 'z@test.test' })).statusCode).toBe(403);
    expect((await req('POST', C, s.dev, { ...terms, email: 'z@test.test' })).statusCode).toBe(403);
    expect((await req('POST', C, s.client, { ...terms, companyId: s.world.globex.id, email: 'z@test.test' })).statusCode).toBe(404);
  });

  it('another company’s client cannot see, resend or revoke an invitation; the admin sees all and filters by company', async () => {
    const inv = (await req('POST', '/api/invitations/contractors', s.client, { ...terms, email: 'private@test.test' })).json<Invitation>();
    const theirs = (await req('GET', '/api/invitations', s.client2)).json<InvitationList>().invitations;
    expect(theirs.map((i) => i.email)).not.toContain('private@test.test');
    expect((await req('GET', `/api/invitations?companyId=${s.world.acme.id}`, s.client2)).statusCode).toBe(404);
    for (const action of ['resend', 'revoke']) {
      const res = await req('POST', `/api/invitations/${inv.id}/${action}`, s.client2);
      expect(res.statusCode).toBe(404);
      expect((await req('POST', `/api/invitations/${inv.id}/${action}`, s.dev)).statusCode).toBe(403);
    }
    expect((await req('GET', '/api/invitations', s.dev)).statusCode).toBe(403);
    expect((await req('GET', '/api/invitations')).statusCode).toBe(401);
    const forAcme = (await req('GET', `/api/invitations?companyId=${s.world.acme.id}`, s.admin)).json<InvitationList>().invitations;
    expect(forAcme.length).toBeGreaterThan(0);
    expect(forAcme.every((i) => i.company.id === s.world.acme.id)).toBe(true);
    expect((await req('GET', `/api/invitations?companyId=${s.world.globex.id}`, s.admin)).json<InvitationList>().invitations.map((i) => i.email)).not.toContain('private@test.test');
    // Still pending and usable after the other company's attempts.
    expect((await req('GET', `/api/links/${await linkToken('private@test.test', 'invite')}`)).statusCode).toBe(200);
  });

  it('resend makes a new link (the old stops working); revoke ends the link and the pending contract', async () => {
    const inv = (await req('POST', '/api/invitations/contractors', s.client, { ...terms, email: 'twice@test.test' })).json<Invitation>();
    const first = await linkToken('twice@test.test', 'invite');
    const resent = await req('POST', `/api/invitations/${inv.id}/resend`, s.client);
    expect(resent.statusCode).toBe(200);
    const second = await linkToken('twice@test.test', 'invite');
    expect(second).not.toBe(first);
    expect((await req('GET', `/api/links/${first}`)).statusCode).toBe(410);
    expect((await req('GET', `/api/links/${second}`)).statusCode).toBe(200);
    const revoked = await req('POST', `/api/invitations/${inv.id}/revoke`, s.client);
    expect(revoked.json<Invitation>().status).toBe('revoked');
    expect((await req('GET', `/api/links/${second}`)).statusCode).toBe(410);
    const contract = (await req('GET', '/api/contracts', s.client)).json<ContractList>().contracts.find((c) => c.id === inv.contract!.id);
    expect(contract!.status).toBe('ended');
    expect((await req('POST', `/api/invitations/${inv.id}/resend`, s.client)).statusCode).toBe(409);
    const audit = await s.env.database.query<{ action: string; actor_id: string }>(`select action, actor_id from audit_log where subject = $1 order by id`, [(await s.env.database.query<{ id: string }>(`select id from users where email = 'twice@test.test'`))[0]!.id]);
    expect(audit.map((a) => a.action)).toEqual(['invitation.created', 'invitation.resent', 'invitation.revoked']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([s.world.users.client.id]));
  });

  it('a link expires after 7 days; an unknown or malformed token gets the same page, never a 500', async () => {
    await req('POST', '/api/invitations/contractors', s.client, { ...terms, email: 'late@test.test' });
    const token = await linkToken('late@test.test', 'invite');
    s.env.clock.advance(7 * 86_400_000 - 60_000);
    expect((await req('GET', `/api/links/${token}`)).statusCode).toBe(200);
    s.env.clock.advance(120_000);
    try {
      for (const t of [token, 'A'.repeat(43), 'nope', '%00', 'x'.repeat(100)]) {
        const res = await req('POST', `/api/links/${encodeURIComponent(t)}/accept`, null, { name: 'Late', password: 'a-long-new-password' });
        expect(res.statusCode, t).toBe(410);
        expect((await req('GET', `/api/links/${encodeURIComponent(t)}`)).statusCode, t).toBe(410);
      }
      const list = (await req('GET', '/api/invitations?status=expired', s.client)).json<InvitationList>().invitations;
      expect(list.map((i) => i.email)).toContain('late@test.test');
    } finally {
      s.env.clock.set('2026-11-25T15:00:00Z');
    }
  });

  it('two parallel accepts of one link: one signs in, the other is told the link is no longer valid', async () => {
    await req('POST', '/api/invitations/contractors', s.client, { ...terms, email: 'race@test.test' });
    const token = await linkToken('race@test.test', 'invite');
    const results = await Promise.all([1, 2].map((n) => req('POST', `/api/links/${token}/accept`, null, { name: `Racer ${n}`, password: `a-long-password-${n}` })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(await s.env.database.query(`select 1 from invitations where email = 'race@test.test' and accepted_at is not null`)).toHaveLength(1);
  });
});
