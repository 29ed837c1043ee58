// @vitest-environment jsdom
// Managing a contract from its card or the admin console: pausing and ending ask first and say
// what happens to the tracker and the weeks already worked; Cancel sends nothing; a refusal stays
// in the dialog; new terms say from which Monday before anything is sent.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contract } from '#contract/contracts.ts';
import { sampleContract } from '#src/lib/__tests__/sample-contract.ts';
import { ContractActions } from '../contract-actions.tsx';
import '#src/components/ui/__tests__/dialog-polyfill.ts';

const CONTRACT = sampleContract();

const sent: { method: string; url: string; body: unknown }[] = [];
let answer: () => Response;
const json = (status: number, body: object) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

beforeEach(() => {
  sent.length = 0;
  answer = json(200, CONTRACT);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      sent.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return answer();
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (contract: Contract = CONTRACT) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ContractActions contract={contract} changesFrom="2026-12-07T00:00:00.000Z" />
    </QueryClientProvider>,
  );

describe('ContractActions', () => {
  it('asks before pausing, says what happens to the tracker and the weeks worked, and sends nothing on Cancel', async () => {
    const user = userEvent.setup();
    show();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Pause Backend work?' });
    expect(dialog.textContent).toContain("Dana Dev's tracker can no longer upload to this contract");
    expect(dialog.textContent).toContain('Weeks already worked are reviewed, disputed and approved as usual');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([`POST /api/contracts/${CONTRACT.id}/pause`]);
  });

  it('offers resume, not pause, on a paused contract; nothing at all on an ended one', () => {
    const { unmount } = show({ ...CONTRACT, status: 'paused' });
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    unmount();
    show({ ...CONTRACT, status: 'ended' });
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('keeps the end confirmation open with the server’s reason when it is refused', async () => {
    const user = userEvent.setup();
    answer = json(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: '“Backend work” has ended, and an ended contract stays ended: create a new contract to work again.' });
    show();
    await user.click(screen.getByRole('button', { name: 'End contract' }));
    const dialog = screen.getByRole('alertdialog', { name: 'End Backend work?' });
    expect(dialog.textContent).toContain('it cannot be resumed');
    await user.click(within(dialog).getByRole('button', { name: 'End contract' }));
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', '“Backend work” has ended, and an ended contract stays ended: create a new contract to work again.');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('says from which Monday new terms apply, checks the rate, and sends it in cents', async () => {
    const user = userEvent.setup();
    show();
    await user.click(screen.getByRole('button', { name: 'Change terms' }));
    const dialog = screen.getByRole('dialog', { name: 'New terms for Backend work' });
    expect(dialog.textContent).toContain('They apply from Mon 7 Dec (00:00 UTC). This week keeps $65.00 an hour, 40 h a week.');
    const rate = within(dialog).getByLabelText('Hourly rate (USD)');
    await user.clear(rate);
    await user.type(rate, 'seventy');
    await user.click(within(dialog).getByRole('button', { name: 'Change from Mon 7 Dec' }));
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('The rate must be an amount like 65.00.');
    expect(sent).toEqual([]);

    await user.clear(rate);
    await user.type(rate, '72.50');
    await user.click(within(dialog).getByLabelText('The contractor may add manual time'));
    await user.click(within(dialog).getByRole('button', { name: 'Change from Mon 7 Dec' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toEqual([{ method: 'PATCH', url: `/api/contracts/${CONTRACT.id}/terms`, body: { hourlyRate: 7250, weeklyLimitHours: 40, manualTimeAllowed: true } }]);
  });
});
