// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../dialog.tsx';
import { FormDialog } from '../form-dialog.tsx';
import './dialog-polyfill.ts';
import { expectTabCycle, openFrom } from './tab-cycle.ts';

afterEach(cleanup);

/** A page with the button that opens the dialog and a control outside it. */
function Page({ dialog }: { dialog: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Add manual time
      </button>
      <button type="button">Next week</button>
      {open && dialog(() => setOpen(false))}
    </>
  );
}

/** A form dialog, as the diary's manual-time dialog uses it. */
function ManualTime({ onClose, busy = false, onSubmit = () => {} }: { onClose: () => void; busy?: boolean; onSubmit?: () => void }) {
  return (
    <FormDialog
      title="Add manual time"
      description="For work done away from the tracker."
      onClose={onClose}
      pending={busy}
      onSubmit={onSubmit}
      submitLabel="Add 30 m"
      pendingLabel="Adding…"
    >
      <label>
        Memo <input name="memo" />
      </label>
    </FormDialog>
  );
}

async function openManualTime(props: { busy?: boolean; onSubmit?: () => void } = {}) {
  const onClose = vi.fn();
  const page = (
    <Page
      dialog={(close) => (
        <ManualTime
          {...props}
          onClose={() => {
            onClose();
            close();
          }}
        />
      )}
    />
  );
  return { ...(await openFrom(page, 'Add manual time', { role: 'dialog', name: 'Add manual time' })), onClose };
}

describe('Dialog', () => {
  it('is named by its title and described by its lead, and opens as a modal', async () => {
    const { dialog } = await openManualTime();
    expect(screen.getByRole('dialog', { name: 'Add manual time', description: 'For work done away from the tracker.' })).toBe(dialog);
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(screen.getByRole('heading', { level: 2, name: 'Add manual time' })).toBeTruthy();
  });

  it('starts on its first control and keeps Tab inside, both ways', async () => {
    const { user } = await openManualTime();
    await expectTabCycle(user, [
      screen.getByRole('textbox', { name: 'Memo' }),
      screen.getByRole('button', { name: 'Cancel' }),
      screen.getByRole('button', { name: 'Add 30 m' }),
    ]);
  });

  it('closes on Esc and gives focus back to the button that opened it', async () => {
    const { user, onClose, opener, dialog } = await openManualTime();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('stays open on Esc while its request runs', async () => {
    const { user, onClose, dialog } = await openManualTime({ busy: true });
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect((dialog as HTMLDialogElement).open).toBe(true);
  });

  it('submits with Enter in a field', async () => {
    const onSubmit = vi.fn();
    const { user, onClose } = await openManualTime({ onSubmit });
    await user.type(screen.getByRole('textbox', { name: 'Memo' }), 'Workshop{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on a click on the backdrop unless it holds a form, and never on a click inside', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Dialog title="Keyboard shortcuts" onClose={onClose} footer={<button type="button">Done</button>} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(screen.getByRole('heading', { name: 'Keyboard shortcuts' }));
    expect(onClose).not.toHaveBeenCalled();
    // The <dialog> element itself is hit only outside its frame, on the ::backdrop.
    await user.click(dialog);
    expect(onClose).toHaveBeenCalledTimes(1);

    cleanup();
    const { onClose: formClose, user: formUser, dialog: form } = await openManualTime();
    await formUser.click(form);
    expect(formClose).not.toHaveBeenCalled();
  });

  it('over another dialog, takes its keys: Esc and ← close or step only the one on top', async () => {
    const user = userEvent.setup();
    const onStep = vi.fn();
    const closeLightbox = vi.fn();
    function Lightbox() {
      const [confirming, setConfirming] = useState(false);
      return (
        <Dialog
          title="Wed 25 Nov, 09:10–09:20"
          size="full"
          onClose={closeLightbox}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft') onStep(-1);
          }}
        >
          <button type="button" onClick={() => setConfirming(true)}>
            Delete slot
          </button>
          {confirming && (
            <Dialog title="Delete 09:10–09:20?" role="alertdialog" onClose={() => setConfirming(false)}>
              <button type="button">Keep it</button>
            </Dialog>
          )}
        </Dialog>
      );
    }
    render(<Lightbox />);
    const deleteButton = screen.getByRole('button', { name: 'Delete slot' });
    await user.click(deleteButton);
    const confirm = screen.getByRole('alertdialog', { name: 'Delete 09:10–09:20?' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));

    await user.keyboard('{ArrowLeft}');
    expect(onStep).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(confirm.isConnected).toBe(false);
    expect(closeLightbox).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(deleteButton);

    await user.keyboard('{ArrowLeft}');
    expect(onStep).toHaveBeenCalledWith(-1);
    await user.keyboard('{Escape}');
    expect(closeLightbox).toHaveBeenCalledTimes(1);
  });
});
