// The bell, as the client meets it on a Monday at 12:00 UTC: the week that just entered its
// review is there, and following it opens the review; when the developer answers the dispute
// that waits on them, the client's bell says so and leads to the dispute. This spec runs its
// own demo server with the clock at Monday 12:00 (the shared one runs on a Wednesday).
import { expect, test, type Page } from '@playwright/test';
import { useOwnDemoServer } from './support/own-server.ts';
import { DEMO_PASSWORD } from './support/sign-in.ts';

const MONDAY_NOON = '2026-11-30T12:00:00.000Z';
const REVIEW_WEEK = '2026-11-23';
const { baseURL } = useOwnDemoServer({ portOffset: 1, now: MONDAY_NOON, name: 'monday' });

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
}

const bell = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Notifications/ });

test('on Monday 12:00 UTC the client’s bell shows the week in review, and leads to it', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await expect(bell(page)).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell(page).click();
  const list = page.getByRole('region', { name: 'Notifications' });
  const item = list.getByRole('link', { name: /^Week in review \(unread\) .*’s week of 23–29 Nov 2026 on .* is ready for your review/ }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/contracts/[^/]+/review\\?week=${REVIEW_WEEK}`));
  await expect(list).toBeHidden();
});

test('a dispute the developer answers shows in the client’s bell', async ({ page, playwright }) => {
  // The developer answers every slot of the dispute that waits on them (the dispute page's requests).
  const dev = await playwright.request.newContext({ baseURL });
  expect((await dev.post('/api/auth/login', { data: { email: 'dev@demo.test', password: DEMO_PASSWORD } })).status()).toBe(200);
  const { disputes } = (await (await dev.get('/api/disputes?status=open')).json()) as { disputes: { id: string }[] };
  const disputeId = disputes[0]!.id;
  const dispute = (await (await dev.get(`/api/disputes/${disputeId}`)).json()) as { slots: { start: string; status: string }[] };
  for (const s of dispute.slots.filter((x) => x.status === 'open')) {
    const res = await dev.post(`/api/disputes/${disputeId}/slots/${s.start}/answer`, { data: { answer: 'accept' } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await dev.dispose();

  await signIn(page, 'client@demo.test');
  await bell(page).click();
  // (The demo's own history has answered disputes too; ours is found by its link.)
  const item = page.getByRole('region', { name: 'Notifications' }).locator(`a[href="/disputes/${disputeId}"]`, { hasText: 'Dispute answered' });
  await expect(item).toBeVisible();
  await expect(item).toContainText(/answered your dispute on .*accepted \(refunded\)/);
  await expect(item).toContainText('(unread)');
  const before = Number((await bell(page).getAttribute('aria-label'))!.match(/(\d+) unread/)![1]);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/disputes/${disputeId}$`));
  await expect(bell(page)).toHaveAccessibleName(before === 1 ? 'Notifications' : `Notifications, ${before - 1} unread`);
});
