// @vitest-environment jsdom
// The page an invitation's mail links to spells out a contract's privacy terms before the
// contractor accepts it: how many redacted screenshots a week stay billable (or that a
// redaction costs its time), and what the client sees of the screenshots.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkInfo } from '#contract/invitations.ts';
import type { PrivacyTerms } from '#contract/contracts.ts';
import { InvitePage } from '../invite-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

/** The page of a contractor's invitation to "Mobile app", for an account that exists (or not). */
async function invitation(privacy: PrivacyTerms, newAccount = false) {
  const info: LinkInfo = {
    purpose: 'invite',
    email: 'dev@demo.test',
    name: 'Dana Dev',
    role: 'contractor',
    company: 'Acme Robotics',
    contract: { title: 'Mobile app', hourlyRate: 7500, currency: 'EUR', weeklyLimitHours: 20, privacy },
    invitedBy: 'Casey Client',
    newAccount,
    expiresAt: '2026-12-01T10:00:00.000Z',
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => (String(input).startsWith('/api/links/') ? json(200, info) : json(401, { title: 'Unauthorized', status: 401, detail: 'Sign in.' }))),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={['/invite/a-token']}>
        <Routes>
          <Route path="/invite/:token" element={<InvitePage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const facts = await screen.findByText('Privacy');
  return within(facts.closest('dl')!);
}

describe('InvitePage', () => {
  it('tells the contractor how many redacted screenshots stay billable, and that the client sees the screenshots', async () => {
    const facts = await invitation({ redactedBillable: true, redactionsPerWeek: 3, blurAll: false });
    expect(facts.getByText('Redacted screenshots: up to 3 a week stay billable; past that, redacting a screenshot costs its time.')).toBeTruthy();
    expect(facts.getByText('Your client sees your screenshots as they are taken, except those you redact.')).toBeTruthy();
    expect(facts.queryByText(/blurred/)).toBeNull();
  });

  it('tells a new account that a redaction costs its time and the client sees every screenshot blurred, above the button that accepts', async () => {
    for (const privacy of [
      { redactedBillable: false, redactionsPerWeek: 3, blurAll: true },
      { redactedBillable: true, redactionsPerWeek: 0, blurAll: true },
    ]) {
      const facts = await invitation(privacy, true);
      expect(facts.getByText('Redacting a screenshot costs its time.')).toBeTruthy();
      expect(facts.getByText('Your client sees every screenshot blurred; the originals are kept encrypted and shown to an admin only if a dispute is escalated.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Accept and set up my account' })).toBeTruthy();
      cleanup();
    }
  });

  it('says "stays" of a single billable redaction', async () => {
    const facts = await invitation({ redactedBillable: true, redactionsPerWeek: 1, blurAll: false });
    expect(facts.getByText(/^Redacted screenshots: up to 1 a week stays billable;/)).toBeTruthy();
  });
});
