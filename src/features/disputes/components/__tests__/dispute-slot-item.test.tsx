// @vitest-environment jsdom
// A disputed slot on a contract that blurs every screenshot: the admin deciding the escalated
// dispute gets a link to the slot's original; nobody else does.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispute, DisputeActions } from '#contract/disputes.ts';
import { DisputeSlotItem } from '../dispute-slot-item.tsx';

afterEach(cleanup);

const CONTRACT = '4b0e5a52-3a51-4c1e-9d7e-0f6c2b1a9e01';
const START = '2026-11-23T20:10:00.000Z';
const person = { id: '2b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Leo Martins' };

function dispute(actions: Partial<DisputeActions>): Dispute {
  return {
    id: '0c6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e',
    contract: { id: CONTRACT, title: 'Website design' },
    company: { id: '1b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Acme Robotics' },
    contractor: person,
    weekStart: '2026-11-23',
    status: 'escalated',
    reason: 'outside_scope',
    createdAt: '2026-11-30T14:01:00.000Z',
    createdBy: { id: '3b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Alice Client' },
    answerDue: '2026-12-03T14:01:00.000Z',
    slotCount: 1,
    pendingCount: 1,
    currency: 'USD',
    heldAmount: 917,
    comment: '',
    escalatedAt: '2026-11-30T14:21:00.000Z',
    closedAt: null,
    hourlyRate: 5500,
    refundedAmount: 0,
    slots: [],
    thread: [],
    audit: [],
    actions: { answer: false, withdraw: false, resolve: false, comment: true, originals: false, reason: null, ...actions },
  } as Dispute;
}

const slot = {
  start: START,
  state: 'held',
  status: 'contested',
  kind: 'tracked',
  activeMinutes: 1,
  memo: 'Icon set',
  windowTitle: 'Figma',
  hasScreenshot: true,
  duplicate: false,
  reply: 'Agreed in the kickoff call',
  answeredAt: '2026-11-30T14:20:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  resolutionNote: null,
} as const;

function renderItem(d: Dispute) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <ul>
          <DisputeSlotItem dispute={d} slot={slot} timeZone="UTC" />
        </ul>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('a disputed slot of a blur-all contract', () => {
  it('links the admin to the original, in a new tab', () => {
    renderItem(dispute({ originals: true }));
    const link = screen.getByRole('link', { name: /See the original screenshot/ });
    expect(link.getAttribute('href')).toMatch(new RegExp(`/contracts/${CONTRACT}/slots/${START}/original$`));
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('offers no original to whoever may not see it', () => {
    renderItem(dispute({ originals: false }));
    expect(screen.queryByRole('link', { name: /See the original screenshot/ })).toBeNull();
  });
});
