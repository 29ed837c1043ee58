// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import './dialog-polyfill.ts';
import { expectTabCycle, openFrom } from './tab-cycle.ts';

afterEach(cleanup);

function WithdrawDispute({ pending = false, onConfirm }: { pending?: boolean; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Withdraw dispute
      </button>
      <a href="#thread">The thread</a>
      {open && (
        <ConfirmDialog
          title="Withdraw this dispute?"
          description="The slot still held becomes billable again."
          confirmLabel="Withdraw dispute"
          pendingLabel="Withdrawing…"
          cancelLabel="Keep the dispute"
          tone="danger"
          pending={pending}
          onConfirm={onConfirm}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}

async function open(props: { pending?: boolean } = {}) {
  const onConfirm = vi.fn();
  const opened = await openFrom(<WithdrawDispute {...props} onConfirm={onConfirm} />, 'Withdraw dispute', {
    role: 'alertdialog',
    name: 'Withdraw this dispute?',
  });
  return { ...opened, onConfirm };
}

describe('ConfirmDialog', () => {
  it('is an alertdialog named by the question and described by what happens', async () => {
    const { dialog } = await open();
    expect(screen.getByRole('alertdialog', { description: 'The slot still held becomes billable again.' })).toBe(dialog);
  });

  it('starts on the way back, so a hasty Enter confirms nothing', async () => {
    const { user, onConfirm, dialog } = await open();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep the dispute' }));
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(false);
  });

  it('keeps Tab between its two buttons', async () => {
    const { user, dialog } = await open();
    await expectTabCycle(user, [screen.getByRole('button', { name: 'Keep the dispute' }), dialog.querySelector('.btn--danger-solid')]);
  });

  it('cancels on Esc and gives focus back to the button that opened it', async () => {
    const { user, onConfirm, opener, dialog } = await open();
    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('confirms with its button; while that runs, Esc does not dismiss it', async () => {
    const { user, onConfirm, dialog } = await open();
    await user.click(screen.getAllByRole('button', { name: 'Withdraw dispute' }).find((b) => dialog.contains(b))!);
    expect(onConfirm).toHaveBeenCalledTimes(1);

    cleanup();
    const busy = await open({ pending: true });
    expect(screen.getByRole('button', { name: 'Withdrawing…' })).toHaveProperty('disabled', true);
    await busy.user.keyboard('{Escape}');
    expect(busy.dialog.isConnected).toBe(true);
  });
});
