// @vitest-environment jsdom
// The diary's grid as a keyboard user meets it, inside the real diary page (its URL, its week
// from the query cache as the API sent it, its selection bar): one card is tabbable, the arrows
// move focus from card to card, and X / Shift+X / a shift-click select slots to dispute.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleContract } from '#src/lib/__tests__/sample-contract.ts';
import { SLOT_STATES } from '#contract/week.ts';
import { getWeekQueryOptions } from '#src/features/diary/api/get-week.ts';
import { hourOffsets, makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { DiaryView } from '../diary-view.tsx';
import { layOut } from './layout.ts';

afterEach(cleanup);

const CONTRACT = '4b0e5a52-3a51-4c1e-9d7e-0f6c2b1a9e01';
const WEEK = '2026-11-23';

// At $60.00 an hour a slot is $10.00.
const contract = sampleContract({ id: CONTRACT, title: 'Billing service', hourlyRate: 6000, manualTimeAllowed: true });

/**
 * Monday 09:00–10:50 fully tracked, 09:20 inactive and 09:50 already disputed (held);
 * Wednesday 14:00–14:20; Sunday 16:40–16:50 (the week's last slots, far below the screen).
 */
function theWeek() {
  const offsets = [...hourOffsets(0, 9), ...hourOffsets(0, 10), ...hourOffsets(2, 14, [0, 1, 2]), ...hourOffsets(6, 16, [4, 5])];
  const week = makeWeek(WEEK, 'UTC', offsets);
  const state = (name: (typeof SLOT_STATES)[number]) => SLOT_STATES.indexOf(name);
  week.slots.state[2] = state('inactive');
  week.slots.active[2] = 1;
  week.slots.state[5] = state('held');
  week.slots.disputed[5] = 1;
  return week;
}

function renderDiary() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(getWeekQueryOptions(CONTRACT, WEEK, 'UTC').queryKey, theWeek());
  const router = createMemoryRouter([{ path: '/contracts/:contractId/diary', element: <DiaryView contractId={CONTRACT} contract={contract} /> }], {
    initialEntries: [`/contracts/${CONTRACT}/diary?week=${WEEK}&tz=utc`],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

/** The card's open-the-lightbox button, by its time range. */
const slotButton = (range: string) => screen.getByRole('button', { name: new RegExp(`^${range}, `) });
const checkbox = (range: string) => screen.getByRole('checkbox', { name: `Select ${range}` });
const tabbableSlots = () => screen.getAllByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d, / }).filter((b) => b.tabIndex === 0);

/** Tabs from the top of the page until focus enters the grid, as a keyboard user would. */
async function tabIntoGrid(user: ReturnType<typeof userEvent.setup>) {
  for (let i = 0; i < 60; i++) {
    await user.tab();
    if (document.activeElement?.closest('[data-slot]')) return document.activeElement;
  }
  throw new Error('Tab never reached the grid');
}

beforeEach(() => {
  // The list is as wide as on a laptop: six cards per hour row.
  layOut({ '.diary-list': { width: 976 } });
});

describe('diary grid: roving focus', () => {
  it('has one tabbable card, and the arrows, Home and End move focus between cards', async () => {
    const user = userEvent.setup();
    renderDiary();
    await screen.findByRole('button', { name: '09:00–09:10, active 8 of 10 minutes' });
    expect(tabbableSlots()).toEqual([slotButton('09:00–09:10')]);

    // Tab lands on the first card on screen (its checkbox comes first), and only there.
    expect(await tabIntoGrid(user)).toBe(checkbox('09:00–09:10'));

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(slotButton('09:10–09:20'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(slotButton('10:10–10:20'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(slotButton('10:50–11:00'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(slotButton('10:00–10:10'));
    await user.keyboard('{ArrowUp}{ArrowRight}{ArrowRight}');
    // The inactive slot is a card like any other: focus stops on it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '09:20–09:30, inactive, 1 of 10 minutes' }));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(slotButton('09:10–09:20'));
    // The card last focused is the one Tab returns to.
    expect(tabbableSlots()).toEqual([slotButton('09:10–09:20')]);
  });

  it('goes from the first card of the week to its last, below the screen, and back', async () => {
    const user = userEvent.setup();
    renderDiary();
    await tabIntoGrid(user);

    await user.keyboard('{Control>}{End}{/Control}');
    // Sunday is far below the first screen: the page scrolled to it and its card has focus.
    expect(document.activeElement).toBe(await screen.findByRole('button', { name: /^16:50–17:00, / }));
    expect(within(document.activeElement!.closest<HTMLElement>('[role="group"]')!).getByText('16:50–17:00')).toBeTruthy();
    expect(document.activeElement!.closest('[role="group"]')!.getAttribute('aria-label')).toMatch(/^Sun 29 Nov, 16:50–17:00, memo: Working on it$/);
    expect(window.scrollY).toBeGreaterThan(0);
    // Monday's rows left the DOM (only the rows near the screen are rendered).
    expect(screen.queryByRole('button', { name: /^09:00–09:10, / })).toBeNull();

    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(slotButton('16:40–16:50'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(await screen.findByRole('button', { name: /^14:20–14:30, / }));

    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(await screen.findByRole('button', { name: /^09:00–09:10, / }));
  });
});

describe('diary grid: selecting slots to dispute', () => {
  const selectionBar = () => screen.getByRole('region', { name: 'Selected slots' });
  const checked = () =>
    screen
      .getAllByRole('checkbox', { name: /^Select / })
      .filter((c) => (c as HTMLInputElement).checked)
      .map((c) => c.getAttribute('aria-label'));

  it('X selects the focused slot, Shift+X the billable slots from the last one toggled', async () => {
    const user = userEvent.setup();
    renderDiary();
    await tabIntoGrid(user);

    await user.keyboard('x');
    expect(checked()).toEqual(['Select 09:00–09:10']);
    expect(within(selectionBar()).getByRole('button', { name: /^Dispute 1 slot \(10 m, \$10\.00 held\)$/ })).toBeTruthy();

    // 09:20 is inactive: not billable, so it has no checkbox and the range skips it.
    expect(screen.queryByRole('checkbox', { name: 'Select 09:20–09:30' })).toBeNull();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{Shift>}x{/Shift}');
    expect(document.activeElement).toBe(slotButton('09:30–09:40'));
    expect(checked()).toEqual(['Select 09:00–09:10', 'Select 09:10–09:20', 'Select 09:30–09:40']);
    expect(within(selectionBar()).getByRole('button', { name: /^Dispute 3 slots \(30 m, \$30\.00 held\)$/ })).toBeTruthy();

    // X again on a selected slot takes it out.
    await user.keyboard('x');
    expect(checked()).toEqual(['Select 09:00–09:10', 'Select 09:10–09:20']);
    await user.click(within(selectionBar()).getByRole('button', { name: 'Clear' }));
    expect(checked()).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Selected slots' })).toBeNull();
  });

  it('a shift-click selects the range up to the clicked slot, leaving out the disputed one', async () => {
    const user = userEvent.setup();
    renderDiary();
    await screen.findByRole('button', { name: /^09:00–09:10, / });

    await user.click(checkbox('09:10–09:20'));
    await user.keyboard('{Shift>}');
    await user.click(checkbox('10:10–10:20'));
    await user.keyboard('{/Shift}');
    // 09:50 is held by an earlier dispute: a slot is disputed once, ever.
    expect(screen.queryByRole('checkbox', { name: 'Select 09:50–10:00' })).toBeNull();
    expect(checked()).toEqual(['Select 09:10–09:20', 'Select 09:30–09:40', 'Select 09:40–09:50', 'Select 10:00–10:10', 'Select 10:10–10:20']);
    expect(within(selectionBar()).getByRole('button', { name: /^Dispute 5 slots/ })).toBeTruthy();

    // A plain click toggles one slot only.
    await user.click(checkbox('09:30–09:40'));
    expect(checked()).toEqual(['Select 09:10–09:20', 'Select 09:40–09:50', 'Select 10:00–10:10', 'Select 10:10–10:20']);
  });
});
