// jsdom (27) has HTMLDialogElement with its `open` attribute but none of its behaviour:
// no showModal(), close() or Esc. Component tests of dialogs get the part of the HTML standard
// they rely on, no more: showModal() opens as modal (and refuses a detached or already
// non-modally open dialog, as browsers do), close() fires `close` as a queued task and puts
// focus back where it was, and Esc fires a cancelable `cancel` at the topmost modal dialog
// that closes it unless prevented. What jsdom cannot do (inert, the top layer, ::backdrop) is
// left out: tests check the dialog's own Tab handling, not the browser's.
const modal: HTMLDialogElement[] = [];
const focusedBefore = new WeakMap<HTMLDialogElement, Element | null>();

function invalidState(message: string) {
  return new DOMException(message, 'InvalidStateError');
}

if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    show(this: HTMLDialogElement) {
      if (this.open) return;
      this.setAttribute('open', '');
    },
    showModal(this: HTMLDialogElement) {
      if (this.open && modal.includes(this)) return;
      if (this.open) throw invalidState('The dialog is already open as a non-modal dialog.');
      if (!this.isConnected) throw invalidState('The dialog is not connected.');
      focusedBefore.set(this, this.ownerDocument.activeElement);
      this.setAttribute('open', '');
      modal.push(this);
    },
    close(this: HTMLDialogElement, returnValue?: string) {
      if (!this.open) return;
      this.removeAttribute('open');
      if (returnValue !== undefined) this.returnValue = returnValue;
      const i = modal.indexOf(this);
      if (i >= 0) modal.splice(i, 1);
      const before = focusedBefore.get(this);
      focusedBefore.delete(this);
      if (before instanceof HTMLElement && before.isConnected) before.focus();
      setTimeout(() => this.dispatchEvent(new Event('close')));
    },
  });
  Object.defineProperty(HTMLDialogElement.prototype, 'returnValue', { value: '', writable: true });

  // Esc is the browser's default action for the key: it runs once the keydown has been
  // dispatched (whether or not a listener stopped it), unless one prevented it.
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      queueMicrotask(() => {
        const top = modal.at(-1);
        if (event.defaultPrevented || !top) return;
        if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
      });
    },
    { capture: true },
  );
}
