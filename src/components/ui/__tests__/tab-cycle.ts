// What a modal promises the keyboard: Tab never walks out of it.
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

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
