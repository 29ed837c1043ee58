// @vitest-environment jsdom
// A contract's card states its privacy terms in a few words, to the client and the contractor
// alike: how many redacted screenshots a week stay billable, or that a redaction costs the time,
// and whether the client sees every screenshot blurred.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contract, ContractSummary } from '#contract/contracts.ts';
import type { Role } from '#contract/common.ts';
import { sampleContract } from '#src/lib/__tests__/sample-contract.ts';
import { ContractCard } from '../contract-card.tsx';

afterEach(cleanup);

const card = (privacy: Contract['privacy'], role: Role = 'client') => {
  const contract: ContractSummary = { ...sampleContract({ privacy }), thisWeek: { weekStart: '2026-11-23', trackedMinutes: 600, billableMinutes: 540, activityPercent: 71 } };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <ContractCard contract={contract} role={role} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return screen.getByRole('article', { name: 'Backend work' });
};

describe('ContractCard', () => {
  it('says how many redacted screenshots a week stay billable, and nothing of blurring when the client sees the screenshots', () => {
    const facts = within(card({ redactedBillable: true, redactionsPerWeek: 3, blurAll: false }));
    expect(facts.getByText('Redactions: 3 a week billable')).toBeTruthy();
    expect(facts.queryByText(/blurred/i)).toBeNull();
  });

  it('says a redaction costs the time, and that the client sees the screenshots blurred', () => {
    for (const [privacy, role] of [
      [{ redactedBillable: false, redactionsPerWeek: 3, blurAll: true }, 'client'],
      [{ redactedBillable: true, redactionsPerWeek: 0, blurAll: true }, 'contractor'],
    ] as const) {
      const facts = within(card(privacy, role));
      expect(facts.getByText('Redactions cost the time')).toBeTruthy();
      expect(facts.getByText('Screenshots blurred for the client')).toBeTruthy();
      cleanup();
    }
  });
});
