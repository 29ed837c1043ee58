// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApproveWeekDialog } from '../approve-week-dialog.tsx';
import './dialog-polyfill.ts';

afterEach(cleanup);

const minutes = { billable: 1_230, held: 20, manual: 30, inactive: 10, overLimit: 0, refunded: 10, total: 1_270 };
// The server's amounts (BigInt, rounded once): the dialog shows them as they are.
const sheet = { totals: minutes, amounts: { billable: 76_875, held: 1_251, refunded: 625 }, currency: 'USD' };

function renderDialog(contractorName: string | null = 'Dana Designer') {
  const onApprove = vi.fn();
  const onCancel = vi.fn();
  render(<ApproveWeekDialog sheet={sheet} weekLabel="16–22 Nov 2026" contractorName={contractorName} onApprove={onApprove} onCancel={onCancel} />);
  return { onApprove, onCancel, dialog: screen.getByRole('alertdialog', { name: 'Approve the week of 16–22 Nov 2026?' }) };
}

describe('ApproveWeekDialog', () => {
  it('says what approving does, what is paid now and what stays held, in the server’s figures', () => {
    const { dialog } = renderDialog();
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('alertdialog', { description: 'Approving locks the week: no more edits or disputes, and Dana Designer is paid what is billable.' })).toBe(dialog);
    expect(within(dialog).getByTestId('approve-paid').textContent).toBe('Paid now$768.75for 20 h 30 m billable (incl. 30 m manual)');
    expect(within(dialog).getByTestId('approve-held').textContent).toBe('Stays held$12.51for 20 m in dispute: paid or refunded when its dispute settles');
    expect(within(dialog).getByText('Not paid: 20 m that is inactive, over the weekly cap or refunded.')).toBeTruthy();
  });

  it('approves only on its button, once; Esc and Cancel back out', async () => {
    const user = userEvent.setup();
    const { onApprove, onCancel } = renderDialog(null);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Approve the week' }));
    expect(onApprove).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
