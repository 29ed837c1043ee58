// @vitest-environment jsdom
// The bell as a person uses it: the unread count on the button, the list it opens, an item
// that is followed (marked read, and the page it names opens), and "Mark all read".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationItem, NotificationList } from '#contract/notifications.ts';
import { Bell } from '../bell.tsx';

const items: NotificationItem[] = [
  { id: 7, kind: 'dispute-answered', title: 'Dispute answered', body: 'Dana Dev answered your dispute on Backend work: 1 slot accepted (refunded).', link: '/disputes/d1', createdAt: '2026-11-30T13:00:00.000Z', read: false },
  { id: 6, kind: 'week-in-review', title: 'Week in review', body: 'Dana Dev’s week of 2026-11-23 on Backend work is ready for your review.', link: '/contracts/c1/review?week=2026-11-23', createdAt: '2026-11-30T12:00:00.000Z', read: false },
  { id: 5, kind: 'question-answered', title: 'Question answered', body: 'Dana Dev answered your question.', link: '/contracts/c1/diary', createdAt: '2026-11-29T12:00:00.000Z', read: true },
];

let unread = 2;
const posts: string[] = [];
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  unread = 2;
  posts.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      if (init?.method === 'POST') {
        posts.push(url.pathname);
        unread = url.pathname.endsWith('read-all') ? 0 : unread - 1;
        return json({ unread });
      }
      if (url.pathname === '/api/notifications/unread') return json({ unread });
      if (url.pathname === '/api/notifications') return json({ items: items.map((i) => ({ ...i, read: i.read || unread === 0 })), unread, nextBefore: null } satisfies NotificationList);
      return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderBell() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/', element: <Bell /> },
      { path: '/disputes/:id', element: <p>The dispute page</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the bell', () => {
  it('shows the unread count and opens the list, newest first, the unread ones marked', async () => {
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.textContent).toContain('2');
    await userEvent.click(bell);
    await screen.findByRole('link', { name: /Dispute answered/ });
    const rows = within(screen.getByRole('region', { name: 'Notifications' })).getAllByRole('link');
    expect(rows.map((r) => r.getAttribute('href'))).toEqual(['/disputes/d1', '/contracts/c1/review?week=2026-11-23', '/contracts/c1/diary']);
    expect(rows[0]!.textContent).toContain('Dispute answered (unread)');
    expect(rows[2]!.textContent).not.toContain('(unread)');
  });

  it('marks everything read, and the count goes', async () => {
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications' });
    expect(posts).toEqual(['/api/notifications/read-all']);
    const panel = screen.getByRole('region', { name: 'Notifications' });
    expect(within(panel).queryByText(/\(unread\)/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toHaveProperty('disabled', true);
  });

  it('marks an item read when it is followed, and opens its page', async () => {
    renderBell();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    await userEvent.click(await screen.findByRole('link', { name: /Dispute answered/ }));
    expect(await screen.findByText('The dispute page')).toBeTruthy();
    await waitFor(() => expect(posts).toEqual(['/api/notifications/7/read']));
  });

  it('closes on Escape and gives the focus back to the bell', async () => {
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await userEvent.click(bell);
    await screen.findByRole('region', { name: 'Notifications' });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(bell);
  });
});
