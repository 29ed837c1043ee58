// @vitest-environment jsdom
// The admin console's contract list shows each contract's privacy terms in the card's few words,
// beside its rate and cap.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminContractList } from '#contract/admin.ts';
import { sampleContract } from '#src/lib/__tests__/sample-contract.ts';
import { ContractsView } from '../contracts-view.tsx';

const json = (body: object) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const list: AdminContractList = {
  contracts: [
    sampleContract(),
    sampleContract({ id: '3b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', title: 'Design review', privacy: { redactedBillable: false, redactionsPerWeek: 3, blurAll: true } }),
  ],
  total: 2,
  changesFrom: '2026-11-30T00:00:00.000Z',
};

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => json(String(input).startsWith('/api/admin/contracts') ? list : { companies: [] })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ContractsView', () => {
  it('shows each row’s privacy terms in the contract card’s words', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <ContractsView actions={() => null} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const rows = within(await screen.findByRole('list', { name: 'Contracts' }));
    const backend = within(rows.getByRole('listitem', { name: 'Backend work' }));
    expect(backend.getByText('Redactions: 3 a week billable')).toBeTruthy();
    expect(backend.queryByText(/blurred/)).toBeNull();
    const design = within(rows.getByRole('listitem', { name: 'Design review' }));
    expect(design.getByText('Redactions cost the time')).toBeTruthy();
    expect(design.getByText('Screenshots blurred for the client')).toBeTruthy();
  });
});
