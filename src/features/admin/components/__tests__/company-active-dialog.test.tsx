// @vitest-environment jsdom
// Deactivating a company asks first and says what happens to its clients, its contracts and their
// trackers; reactivating says what comes back. Each confirms with the right request, Cancel with none.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminCompany } from '#contract/admin.ts';
import { CompanyActiveDialog } from '../companies-view.tsx';
import '#src/components/ui/__tests__/dialog-polyfill.ts';

const ACME: AdminCompany = { id: '1b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e', name: 'Acme Robotics', clients: 2, contracts: 3, createdAt: '2026-01-05T10:00:00.000Z', deactivatedAt: null };
const sent: string[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      sent.push(`${init?.method} ${input}`);
      return new Response(JSON.stringify({ company: ACME, changed: true, sessionsEnded: 2 }), { headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (company: AdminCompany) => {
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <CompanyActiveDialog company={company} onClose={onClose} />
    </QueryClientProvider>,
  );
  return onClose;
};

describe('CompanyActiveDialog', () => {
  it('says what deactivating does before it is confirmed, and sends nothing on Cancel', async () => {
    const user = userEvent.setup();
    show(ACME);
    let dialog = screen.getByRole('alertdialog', { name: 'Deactivate Acme Robotics?' });
    expect(dialog.textContent).toContain('Its 2 clients are signed out at once and cannot sign in');
    expect(dialog.textContent).toContain('Its 3 contracts keep their status, but no tracker can upload to them');
    cleanup();
    const onClose = show({ ...ACME, clients: 1, contracts: 1 });
    dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Its client is signed out at once and cannot sign in; they are told the company is deactivated. Its contract keeps its status, but no tracker can upload to it');
    // Focus starts on the way back: an Enter in haste deactivates nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('deactivates, or reactivates a deactivated company, with one request each', async () => {
    const user = userEvent.setup();
    const onClose = show(ACME);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    cleanup();
    show({ ...ACME, deactivatedAt: '2026-12-01T09:00:00.000Z' });
    const dialog = screen.getByRole('alertdialog', { name: 'Reactivate Acme Robotics?' });
    expect(dialog.textContent).toContain('Its 2 clients may sign in again');
    await user.click(within(dialog).getByRole('button', { name: 'Reactivate' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([`POST /api/admin/companies/${ACME.id}/deactivate`, `POST /api/admin/companies/${ACME.id}/reactivate`]);
  });
});
