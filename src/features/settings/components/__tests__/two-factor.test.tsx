// @vitest-environment jsdom
// Turning on two-factor sign-in as a user does it: the key shown, a code typed, and then the ten
// recovery codes, shown once. The settings are read again as soon as the server says "on", so
// the codes must survive the form that asked for them going away.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Settings } from '#contract/settings.ts';
import { useSettings } from '../../api/settings.ts';
import { TwoFactor } from '../two-factor.tsx';

const CODES = Array.from({ length: 10 }, (_, i) => `a1b2c-d3e4f-${String(i).padStart(5, '0')}`);
let enabled = false;
/** The confirmation's answer waits for this, when set: a slow server. */
let answered: Promise<void> | null = null;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  enabled = false;
  answered = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const path = new URL(input, 'http://localhost').pathname;
      const method = init?.method ?? 'GET';
      if (method === 'GET' && path === '/api/settings') {
        const settings: Settings = { name: 'Greg Client', email: 'client2@demo.test', timeZone: 'UTC', totpEnabled: enabled, sessions: [] };
        return json(200, settings);
      }
      if (path === '/api/settings/totp') return json(201, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/workdiary:client2', qrCode: 'data:image/png;base64,' });
      if (path === '/api/settings/totp/confirm') {
        enabled = true;
        await answered;
        return json(200, { recoveryCodes: CODES });
      }
      return json(404, { type: 'about:blank', title: 'Not found', status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <Page />
    </QueryClientProvider>,
  );
  return queryClient;
}

function Page() {
  const settings = useSettings();
  return settings.data ? <TwoFactor settings={settings.data} /> : null;
}

it('shows the ten recovery codes once two-factor sign-in is on, until they are put away', async () => {
  const user = userEvent.setup();
  renderPage();
  await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
  await user.type(await screen.findByLabelText('Code from the app'), '123456');
  await user.click(screen.getByRole('button', { name: 'Turn on' }));

  expect((await screen.findByRole('status')).textContent).toContain('Two-factor sign-in is on.');
  expect(within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
  // The settings were read again meanwhile, and the codes stay until the user has saved them.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeNull();

  await user.click(screen.getByRole('button', { name: 'I have saved them' }));
  expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  screen.getByText(/Two-factor sign-in is on: signing in asks for a code/);
});

it('keeps the codes when the settings, read again while the answer is on its way, already say "on"', async () => {
  let release!: () => void;
  answered = new Promise((resolve) => (release = resolve));
  const user = userEvent.setup();
  const queryClient = renderPage();
  await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
  await user.type(await screen.findByLabelText('Code from the app'), '123456');
  await user.click(screen.getByRole('button', { name: 'Turn on' }));
  // Another read of the settings (the window got focus again) lands before the answer.
  await queryClient.invalidateQueries({ queryKey: ['settings'] });
  await screen.findByText(/Two-factor sign-in is on: signing in asks for a code/);

  release();
  expect((await screen.findByRole('status')).textContent).toContain('Two-factor sign-in is on.');
  expect(within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem')).toHaveLength(10);
});
