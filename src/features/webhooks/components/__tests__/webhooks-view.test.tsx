// @vitest-environment jsdom
// The webhooks page as a client uses it: the server's refusal shown at the URL field, the
// events picked with "Clear all" and a checkbox, the new webhook listed with its state, and
// Delete that asks first.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Webhook } from '#contract/webhooks.ts';
import '#src/components/ui/__tests__/dialog-polyfill.ts';
import { WebhooksView } from '../webhooks-view.tsx';

const COMPANY = '0b6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e';
const hook: Webhook = {
  id: '1c6a5c1e-8f4e-4c1a-9d7e-2f3b4a5c6d7e',
  url: 'https://hooks.example.com/in',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  kinds: ['week-in-review'],
  enabled: true,
  createdAt: '2026-11-25T15:00:00.000Z',
  lastDelivery: null,
};

let hooks: Webhook[] = [];
const calls: { method: string; path: string; body: unknown }[] = [];
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  hooks = [];
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path: url.pathname, body });
      if (url.pathname.endsWith('/deliveries')) return json(200, { deliveries: [], next: null });
      if (method === 'GET') return json(200, { webhooks: hooks });
      if (method === 'POST' && (body as { url: string }).url.startsWith('http://10.')) {
        const message = 'is refused: its host 10.0.0.7 resolves to 10.0.0.7, a loopback, private, link-local or otherwise internal address';
        return json(400, { type: 'about:blank', title: 'Bad request', status: 400, detail: `The webhook URL ${message}.`, errors: [{ field: 'body.url', message }] });
      }
      if (method === 'POST') {
        hooks = [{ ...hook, ...(body as object) }];
        return json(201, hooks[0]);
      }
      return new Response(null, { status: 204 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <WebhooksView companyId={COMPANY} companyName="Acme Robotics" />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the webhooks page', () => {
  it('shows a refused URL at its field, then adds the webhook with the events picked', async () => {
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Add a webhook' });
    await user.click(within(form).getByRole('button', { name: 'Clear all' }));
    expect(within(form).getByRole<HTMLButtonElement>('button', { name: 'Add webhook' }).disabled).toBe(true);
    await user.click(within(form).getByRole('checkbox', { name: 'A week is ready for review' }));
    const url = within(form).getByLabelText('Endpoint URL');
    await user.type(url, 'http://10.0.0.7/hook');
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/^URL is refused: its host 10\.0\.0\.7 resolves to 10\.0\.0\.7/);
    expect(url.getAttribute('aria-invalid')).toBe('true');

    await user.clear(url);
    await user.type(url, 'https://hooks.example.com/in');
    await user.click(within(form).getByRole('button', { name: 'Add webhook' }));
    const card = await screen.findByRole('listitem', { name: 'https://hooks.example.com/in' });
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { url: 'http://10.0.0.7/hook', kinds: ['week-in-review'] },
      { url: 'https://hooks.example.com/in', kinds: ['week-in-review'] },
    ]);
    within(card).getByText('Enabled');
    within(card).getByText('1 of 13 events');
    const secret = () => within(card).getByLabelText<HTMLInputElement>('Signing secret').value;
    expect(secret()).not.toBe(hook.secret);
    await user.click(within(card).getByRole('button', { name: 'Show' }));
    expect(secret()).toBe(hook.secret);
  });

  it('asks before deleting, and deletes nothing on Cancel', async () => {
    hooks = [hook];
    const user = userEvent.setup();
    renderPage();
    const card = await screen.findByRole('listitem', { name: hook.url });
    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this webhook?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete webhook' }));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([`/api/companies/${COMPANY}/webhooks/${hook.id}`]);
  });
});
