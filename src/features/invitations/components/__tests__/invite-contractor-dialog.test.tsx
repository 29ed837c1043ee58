// @vitest-environment jsdom
// The "Invite a contractor" form as a client uses it: a rate that is not an amount is caught
// before sending; each field the server refuses is marked invalid with the server's words; and
// a sent invitation gives the rate in cents and closes the form.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InviteContractorDialog } from '../invite-contractor-dialog.tsx';
import '#src/components/ui/__tests__/dialog-polyfill.ts';

const sent: unknown[] = [];
let answer: () => Response;
const problem = (status: number, detail: string, errors?: { field: string; message: string }[]) => () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status, detail, errors }), { status, headers: { 'content-type': 'application/problem+json' } });

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return answer();
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const onInvited = vi.fn();
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <InviteContractorDialog onClose={onClose} onInvited={onInvited} />
    </QueryClientProvider>,
  );
  return { onInvited, onClose };
}

async function fill(user: ReturnType<typeof userEvent.setup>, rate: string) {
  await user.type(screen.getByLabelText('Email'), 'ana@example.com');
  await user.type(screen.getByLabelText('Contract title'), 'Mobile app');
  await user.type(screen.getByLabelText('Hourly rate'), rate);
}

async function setPerWeek(user: ReturnType<typeof userEvent.setup>, text: string) {
  const perWeek = screen.getByLabelText('Billable redactions a week');
  await user.clear(perWeek);
  await user.type(perWeek, text);
}

describe('Invite a contractor', () => {
  it('catches a rate that is not an amount before sending', async () => {
    const user = userEvent.setup();
    renderForm();
    await fill(user, 'sixty');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(screen.getByLabelText('Hourly rate').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Hourly rate: must be an amount, like 60 or 62.50')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('marks each field the server refuses, with its words', async () => {
    answer = problem(409, 'ana@example.com already has an invitation from Acme waiting: resend it from the list instead.', [{ field: 'body.email', message: 'already has a pending invitation' }]);
    const user = userEvent.setup();
    const { onInvited } = renderForm();
    await fill(user, '60');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Email: already has a pending invitation')).toBeTruthy();
    expect(screen.getByLabelText('Contract title').getAttribute('aria-invalid')).toBeNull();
    expect(onInvited).not.toHaveBeenCalled();

    answer = problem(400, 'Bad request', [{ field: 'body.weeklyLimitHours', message: 'must be 0–168 hours, or null for no cap' }]);
    await user.type(screen.getByLabelText('Weekly limit (hours)'), '200');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(screen.getByLabelText('Weekly limit (hours)').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Weekly limit (hours): must be 0–168 hours, or null for no cap')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
  });

  it('says a refusal that names no field in the server’s words', async () => {
    answer = problem(403, 'Only a client or an admin may invite people.');
    const user = userEvent.setup();
    renderForm();
    await fill(user, '60');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only a client or an admin may invite people.');
  });

  it('sends the rate in cents and the terms; tells who was invited', async () => {
    answer = () => new Response(JSON.stringify({ email: 'ana@example.com' }), { status: 201, headers: { 'content-type': 'application/json' } });
    const user = userEvent.setup();
    const { onInvited } = renderForm();
    await fill(user, '62.50');
    await user.click(screen.getByLabelText('Allow manual time'));
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(onInvited).toHaveBeenCalledWith('ana@example.com'));
    expect(sent[0]).toMatchObject({ email: 'ana@example.com', title: 'Mobile app', hourlyRate: 6250, currency: 'USD', weeklyLimitHours: null, manualTimeAllowed: true });
    // Left as they are, the privacy terms are the usual ones.
    expect(sent[0]).toMatchObject({ redactedBillable: true, redactionsPerWeek: 3, blurAll: false });
  });

  it('sends the privacy terms chosen: how many redactions a week stay billable, or none, and blurring every screenshot', async () => {
    answer = () => new Response(JSON.stringify({ email: 'ana@example.com' }), { status: 201, headers: { 'content-type': 'application/json' } });
    const user = userEvent.setup();
    renderForm();
    await fill(user, '60');
    await setPerWeek(user, '5');
    await user.click(screen.getByLabelText(/^Blur every screenshot for the client \(originals kept encrypted/));
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ redactedBillable: true, redactionsPerWeek: 5, blurAll: true });

    // Cleared, redactions cost the time: the count counts for nothing, so it is neither typed nor sent.
    await user.click(screen.getByLabelText('Redacted screenshots stay billable, up to'));
    expect((screen.getByLabelText('Billable redactions a week') as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ redactedBillable: false, blurAll: true });
    expect(sent[1]).not.toHaveProperty('redactionsPerWeek');
  });

  it('catches a weekly count that is not a number, and marks one the server refuses with its words', async () => {
    const user = userEvent.setup();
    renderForm();
    await fill(user, '60');
    await setPerWeek(user, 'five');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(screen.getByText('Redactions a week: must be a whole number of screenshots, 0–100')).toBeTruthy();
    expect(sent).toEqual([]);

    answer = problem(400, 'Bad request', [{ field: 'body.redactionsPerWeek', message: 'must be at most 100 a week' }]);
    await setPerWeek(user, '500');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(screen.getByLabelText('Billable redactions a week').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Redactions a week: must be at most 100 a week')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
