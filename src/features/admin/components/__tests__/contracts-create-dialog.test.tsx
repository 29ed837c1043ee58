// @vitest-environment jsdom
// The admin console's "New contract" form with its privacy terms: what is ticked and typed is
// what the request carries, a weekly count that is not a number is caught before sending, and
// the server's words about it show under it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminCompany } from '#contract/admin.ts';
import { sampleContract } from '#src/lib/__tests__/sample-contract.ts';
import { NewContractDialog } from '../contracts-create-dialog.tsx';
import '#src/components/ui/__tests__/dialog-polyfill.ts';

const ACME: AdminCompany = { id: '1b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Acme Robotics', clients: 2, contracts: 3, createdAt: '2026-01-05T10:00:00.000Z', deactivatedAt: null };
const posted: unknown[] = [];
let answer: () => Response;
const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

beforeEach(() => {
  posted.length = 0;
  answer = () => json(201, sampleContract());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      if (init?.method !== 'POST') return json(200, String(input).startsWith('/api/admin/users') ? { users: [], total: 0 } : {});
      posted.push(JSON.parse(String(init.body)));
      return answer();
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function fill(user: ReturnType<typeof userEvent.setup>) {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <NewContractDialog companies={[ACME]} onClose={onClose} />
    </QueryClientProvider>,
  );
  await user.type(screen.getByLabelText("Contractor's email"), 'dev@demo.test');
  await user.type(screen.getByLabelText('Title'), 'Mobile app');
  await user.type(screen.getByLabelText('Hourly rate'), '65');
  return onClose;
}

describe('NewContractDialog', () => {
  it('sends the privacy terms as chosen: the usual ones untouched, then none billable and every screenshot blurred', async () => {
    const user = userEvent.setup();
    const onClose = await fill(user);
    await user.click(screen.getByRole('button', { name: 'Create contract' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posted[0]).toMatchObject({ companyId: ACME.id, title: 'Mobile app', hourlyRate: 6500, redactedBillable: true, redactionsPerWeek: 3, blurAll: false });

    cleanup();
    await fill(user);
    await user.click(screen.getByLabelText('Redacted screenshots stay billable, up to'));
    expect((screen.getByLabelText('Billable redactions a week') as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByLabelText(/^Blur every screenshot for the client \(originals kept encrypted/));
    await user.click(screen.getByRole('button', { name: 'Create contract' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toMatchObject({ redactedBillable: false, blurAll: true });
  });

  it('catches a weekly count that is not a number, and shows the server’s words about one it refuses', async () => {
    const user = userEvent.setup();
    await fill(user);
    const perWeek = screen.getByLabelText('Billable redactions a week');
    await user.clear(perWeek);
    await user.type(perWeek, 'lots');
    await user.click(screen.getByRole('button', { name: 'Create contract' }));
    expect(screen.getByText('Redactions a week: must be a whole number of screenshots, 0–100')).toBeTruthy();
    expect(posted).toEqual([]);

    answer = () => json(400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Bad request', errors: [{ field: 'body.redactionsPerWeek', message: 'must be at most 100 a week' }] });
    await user.clear(perWeek);
    await user.type(perWeek, '101');
    await user.click(screen.getByRole('button', { name: 'Create contract' }));
    await waitFor(() => expect(perWeek.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Redactions a week: must be at most 100 a week')).toBeTruthy();
    expect(posted[0]).toMatchObject({ redactionsPerWeek: 101 });
  });
});
