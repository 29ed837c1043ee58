// @vitest-environment jsdom
// The review queue's listbox as a keyboard and screen-reader user meets it: the list takes
// focus and points at the current slot (aria-activedescendant), the keys move that slot, the
// current option is always in the DOM however far down it is (the list is virtualized), and
// every option says its place in the whole queue.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hourOffsets, makeWeek } from '#src/features/diary/utils/__tests__/week-fixture.ts';
import { buildReviewQueue, type ReviewItem } from '#src/features/diary/utils/suspicious.ts';
import { ReviewList } from '../review-list.tsx';
import { layOut } from './layout.ts';

afterEach(cleanup);

const CONTRACT = '4b0e5a52-3a51-4c1e-9d7e-0f6c2b1a9e01';

/**
 * Monday and Tuesday 08:00–16:50 (108 slots), memos and windows varied as in real work. Three
 * stand out, listed by their strongest reason: Mon 09:40 (a duplicate screenshot with 2 of 10
 * minutes active), Mon 13:00 (1 of 10 minutes active) and Mon 11:20 (a window unrelated to the work).
 */
function theQueue(): ReviewItem[] {
  const offsets: number[] = [];
  for (const day of [0, 1]) for (let hour = 8; hour < 17; hour++) offsets.push(...hourOffsets(day, hour));
  const week = makeWeek('2026-11-23', 'UTC', offsets);
  week.memos = ['Invoice export', 'Review PR 212', 'Fix the CSV totals', 'Call with Acme', 'Tax rules'];
  week.titles = ['Editor', 'Terminal', 'Browser', 'Netflix - Watch TV Shows Online'];
  week.slots.memo = week.slots.memo.map((_, i) => i % 5);
  week.slots.title = week.slots.title.map((_, i) => i % 3);
  week.slots.dup[10] = 1;
  week.slots.active[10] = 2;
  week.slots.title[20] = 3;
  week.slots.active[30] = 1;
  return buildReviewQueue(week);
}

/** The list as the review page holds it: choosing a slot makes it current and focuses the list. */
function Queue({ items }: { items: ReviewItem[] }) {
  const [current, setCurrent] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  return (
    <ReviewList
      ref={ref}
      listId="queue"
      label="Suspicious slots"
      items={items}
      current={current}
      flags={new Set()}
      contractId={CONTRACT}
      zone="UTC"
      onSelect={(index) => {
        setCurrent(index);
        ref.current?.focus();
      }}
    />
  );
}

const listbox = () => screen.getByRole('listbox', { name: 'Suspicious slots' });
/** The option the list points at, as assistive technology finds it. */
function active() {
  const id = listbox().getAttribute('aria-activedescendant');
  const option = id ? document.getElementById(id) : null;
  expect(option, `aria-activedescendant="${id}" names an option in the DOM`).not.toBeNull();
  return option!;
}
const place = (option: HTMLElement) => [option.getAttribute('aria-posinset'), option.getAttribute('aria-setsize')];

beforeEach(() => {
  // A list box showing six options of 76 px, as in the review page's left column.
  layOut({ '.rv-list': { width: 360, height: 480 }, '[role="option"]': { width: 360, height: 76 } });
});

describe('review list', () => {
  it('takes focus and points at the current slot, the most suspicious first', async () => {
    const user = userEvent.setup();
    render(<Queue items={theQueue()} />);
    await user.tab();
    expect(document.activeElement).toBe(listbox());

    const first = active();
    expect(first.getAttribute('role')).toBe('option');
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(first.getAttribute('aria-label')).toBe('Mon 23 Nov, 09:40–09:50, billable, duplicate screenshot, low activity, 2 of 10 minutes');
    expect(place(first)).toEqual(['1', '108']);
    // Only the current option is selected.
    expect(screen.getAllByRole('option', { selected: true })).toEqual([first]);
  });

  it('moves the current slot with ↓ ↑, Page Down, End and Home, and says where it is', async () => {
    const user = userEvent.setup();
    render(<Queue items={theQueue()} />);
    await user.tab();

    await user.keyboard('{ArrowDown}');
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 13:00–13:10, billable, low activity, 1 of 10 minutes');
    expect(place(active())).toEqual(['2', '108']);
    await user.keyboard('{ArrowDown}');
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 11:20–11:30, billable, a window unrelated to the rest of the week');
    // After the suspicious ones, the rest in time order.
    await user.keyboard('{ArrowDown}');
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 08:00–08:10, billable');

    await user.keyboard('{PageDown}');
    expect(place(active())).toEqual(['12', '108']);
    await user.keyboard('{ArrowUp}');
    expect(place(active())).toEqual(['11', '108']);

    // The last slot is a hundred options down: the list scrolled, and it is in the DOM.
    await user.keyboard('{End}');
    expect(active().getAttribute('aria-label')).toBe('Tue 24 Nov, 16:50–17:00, billable');
    expect(place(active())).toEqual(['108', '108']);
    expect(active().getAttribute('aria-selected')).toBe('true');
    // The virtualizer scrolls over the next frames, as in a browser.
    await waitFor(() => expect(listbox().scrollTop).toBeGreaterThan(100 * 76));
    expect(screen.queryByRole('option', { name: 'Mon 23 Nov, 08:00–08:10, billable' })).toBeNull();
    expect(screen.getByRole('option', { name: 'Tue 24 Nov, 16:40–16:50, billable' }).getAttribute('aria-posinset')).toBe('107');
    await user.keyboard('{ArrowDown}');
    expect(place(active())).toEqual(['108', '108']);

    await user.keyboard('{Home}');
    expect(place(active())).toEqual(['1', '108']);
    await user.keyboard('{ArrowUp}');
    expect(place(active())).toEqual(['1', '108']);
    // Keys with Alt or Ctrl belong to the browser and the page, not the list.
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}{Control>}{End}{/Control}');
    expect(place(active())).toEqual(['1', '108']);
  });

  it('keeps a screenful of options in the DOM, each with its place in the whole queue', async () => {
    render(<Queue items={theQueue()} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThanOrEqual(6);
    expect(options.length).toBeLessThan(30);
    expect(options.map((o) => o.getAttribute('aria-posinset'))).toEqual(options.map((_, i) => String(i + 1)));
    expect(new Set(options.map((o) => o.getAttribute('aria-setsize')))).toEqual(new Set(['108']));
  });

  it('keeps the current option in the DOM when the list is scrolled away from it', async () => {
    const user = userEvent.setup();
    render(<Queue items={theQueue()} />);
    await user.tab();
    await user.keyboard('{ArrowDown}');
    // A mouse wheel takes the list to its end; the current slot (2nd) is far off screen.
    act(() => listbox().scrollTo({ top: 100 * 76 }));
    await waitFor(() => expect(screen.getByRole('option', { name: 'Tue 24 Nov, 16:50–17:00, billable' })).toBeTruthy());
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 13:00–13:10, billable, low activity, 1 of 10 minutes');
    expect(place(active())).toEqual(['2', '108']);
    expect(screen.queryByRole('option', { name: 'Mon 23 Nov, 11:20–11:30, billable, a window unrelated to the rest of the week' })).toBeNull();
    // ↓ goes on from the current slot, not from what is on screen.
    await user.keyboard('{ArrowDown}');
    expect(place(active())).toEqual(['3', '108']);
  });

  it('makes a clicked option current and keeps focus on the list', async () => {
    const user = userEvent.setup();
    render(<Queue items={theQueue()} />);
    await user.click(screen.getByRole('option', { name: 'Mon 23 Nov, 08:10–08:20, billable' }));
    expect(document.activeElement).toBe(listbox());
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 08:10–08:20, billable');
    expect(place(active())).toEqual(['5', '108']);
    await user.keyboard('{ArrowDown}');
    expect(active().getAttribute('aria-label')).toBe('Mon 23 Nov, 08:20–08:30, billable');
  });
});
