// What a modal promises the keyboard: it opens from its button, and Tab never walks out of it.
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { expect } from 'vitest';

/** Renders the page, clicks the button that opens the modal and finds the modal by its name. */
export async function openFrom(page: ReactElement, button: string, modal: { role: 'dialog' | 'alertdialog'; name: string }) {
  const user = userEvent.setup();
  render(page);
  const opener = screen.getByRole('button', { name: button });
  await user.click(opener);
  return { user, opener, dialog: screen.getByRole(modal.role, { name: modal.name }) };
}

/** Focus is on the first control; Tab visits the others in order and comes round to it, and
 * Shift+Tab from there goes back to the last. */
export async function expectTabCycle(user: UserEvent, controls: (Element | null)[]) {
  expect(document.activeElement).toBe(controls[0]);
  for (const next of [...controls.slice(1), controls[0]]) {
    await user.tab();
    expect(document.activeElement).toBe(next);
  }
  await user.tab({ shift: true });
  expect(document.activeElement).toBe(controls.at(-1));
}
