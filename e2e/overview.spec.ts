// The home page a client lands on: what needs them first (on the first screen at 1280 × 800 and
// at 375 px), a row per contract, and the counts in the nav; and the contractor's mirror.
import { expect, test, type Page } from '@playwright/test';
import type { Overview } from '#contract/overview.ts';
import { DEMO_PASSWORD } from './support/sign-in.ts';

async function signInHome(page: Page, email: string) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  return (await (await page.request.get('/api/overview')).json()) as Overview;
}

/** The whole element lies in the window, with no scrolling. */
async function onFirstScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const { height, width } = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

const strip = (page: Page) => page.getByRole('region', { name: /Needs your review|Waiting on your answer/ });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a client lands on what needs them: the weeks in review with their countdown, the disputes, and the counts in the nav', async ({ page }) => {
  const o = await signInHome(page, 'client@demo.test');
  // The demo is at Wednesday 25 November: last week is in its review window on both contracts.
  expect(o.needs.reviews.length).toBe(2);
  const items = strip(page).getByRole('listitem');
  await expect(items).toHaveCount(o.needs.reviews.length + o.needs.disputes.length + o.needs.questions.length);
  for (const r of o.needs.reviews) {
    const link = strip(page).getByRole('link', { name: new RegExp(`Approve ${r.contractTitle.replace(/[()]/g, '.')}`) });
    await expect(link).toContainText(/closes in 2 d \d+ h/);
    await expect(link).toHaveAttribute('href', `/contracts/${r.contractId}/timesheet?week=2026-11-16`);
  }
  await onFirstScreen(page, '.needs');
  await expect(nav(page).getByRole('link', { name: `Review ${o.needs.reviews.length} waiting` })).toBeVisible();
  const disputes = o.needs.disputes.length;
  await expect(nav(page).getByRole('link', { name: disputes ? `Disputes ${disputes} waiting` : 'Disputes' })).toBeVisible();

  // A row per contract, with last week's review state in words.
  const rows = page.getByRole('region', { name: /^Contracts/ }).getByRole('listitem');
  await expect(rows).toHaveCount(o.contracts.length);
  for (const c of o.contracts) {
    const row = rows.filter({ hasText: c.title });
    await expect(row).toContainText(c.contractor.name);
    await expect(row.getByRole('link', { name: /In review: closes in 2 d \d+ h/ })).toBeVisible();
    await expect(row.getByRole('img', { name: /Tracked per day: Mon/ })).toBeVisible();
  }

  // The counts stay in the nav on every page.
  await nav(page).getByRole('link', { name: 'Contracts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: `Review ${o.needs.reviews.length} waiting` })).toBeVisible();

  // An item leads to where it is acted on: the week's timesheet.
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await strip(page).getByRole('link', { name: /^Approve/ }).first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+\/timesheet\?week=2026-11-16/);
});

test('on a phone, what needs the client is on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const o = await signInHome(page, 'client@demo.test');
  await expect(strip(page).getByRole('listitem')).toHaveCount(o.needs.reviews.length + o.needs.disputes.length + o.needs.questions.length);
  await onFirstScreen(page, '.needs');
  await expect(nav(page).getByRole('link', { name: /^Review \d+ waiting$/ })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a contractor’s home is the mirror: the companies, this week’s earnings, the disputes waiting on them and the tracker', async ({ page }) => {
  const o = await signInHome(page, 'dev@demo.test');
  expect(o.needs.reviews).toEqual([]);
  await expect(nav(page).getByRole('link', { name: /^Review/ })).toHaveCount(0);
  const rows = page.getByRole('region', { name: /^Your contracts/ }).getByRole('listitem');
  await expect(rows).toHaveCount(o.contracts.length);
  await expect(rows.first()).toContainText('Acme Robotics');
  await expect(page.getByText(/^Tracker: last slot /)).toBeVisible();
  await expect(page.getByRole('region', { name: /^Earnings across contracts/ })).toContainText('USD');
  if (o.needs.disputes.length > 0) {
    await expect(strip(page).getByRole('link', { name: /^Dispute/ }).first()).toContainText(/answer within .+ \(by /);
    await expect(nav(page).getByRole('link', { name: `Disputes ${o.needs.disputes.length} waiting` })).toBeVisible();
  } else {
    await expect(strip(page)).toContainText('Nothing waits on you');
  }
});
