// The week in review cannot be missed: during the review window the client reads "Last week
// waits for your approval: … left" on the contract list, in the diary and on the timesheet, with
// a link to where it is approved; opening a contract opens that week; the contractor reads the
// mirror, and their cards name the client's company rather than themselves.
import { expect, test, type Page } from '@playwright/test';
import type { Overview } from '#contract/overview.ts';
import { signIn } from './support/sign-in.ts';

const LAST_WEEK = '2026-11-16'; // the week before the e2e clock's (Wednesday 25 Nov): in review

const banner = (page: Page) => page.getByRole('region', { name: 'Week in review' });
const card = (page: Page, title: string) => page.getByRole('article', { name: title });

test('a client is told on every page of a contract that last week waits, and opening a contract opens it', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  const overview = (await (await page.request.get('/api/overview')).json()) as Overview;
  expect(overview.needs.reviews.length).toBe(2);
  const [first] = overview.needs.reviews;

  // The contract list: one line per contract whose last week waits, each with its countdown.
  await expect(banner(page)).toContainText('Last week waits for your approval on 2 contracts');
  await expect(banner(page).getByRole('listitem')).toHaveCount(2);
  for (const r of overview.needs.reviews) {
    const line = banner(page).getByRole('listitem').filter({ hasText: r.contractTitle });
    await expect(line).toContainText(/: 2 d \d+ h left/);
    await expect(line.getByRole('link', { name: /Review and approve/ })).toHaveAttribute('href', `/contracts/${r.contractId}/timesheet?week=${LAST_WEEK}`);
  }
  // A client's card names the contractor.
  await expect(card(page, first!.contractTitle)).toContainText(first!.contractorName);

  // Opening the diary from the card opens the week in review, not the new week.
  await card(page, first!.contractTitle).getByRole('link', { name: /Open diary/ }).click();
  await expect(page).toHaveURL(new RegExp(`/contracts/${first!.contractId}/diary\\?week=${LAST_WEEK}`));
  await expect(banner(page)).toContainText(/Last week waits for your approval: 2 d \d+ h left/);

  // This week's timesheet says it too; the link leads to last week's, where it is approved.
  await page.goto(`/contracts/${first!.contractId}/timesheet?week=2026-11-23`);
  await banner(page).getByRole('link', { name: /Review and approve/ }).click();
  await expect(page).toHaveURL(new RegExp(`week=${LAST_WEEK}`));
  await expect(page.getByRole('button', { name: 'Approve timesheet' })).toBeVisible();
  // On that week's own timesheet the review panel says it: no banner to repeat it.
  await expect(banner(page)).toHaveCount(0);
});

test('a contractor reads that last week is in review, and their card names the client', async ({ page }) => {
  await signIn(page, 'dev@demo.test');
  const overview = (await (await page.request.get('/api/overview')).json()) as Overview;
  // Approving is left to other specs: this one only reads, so the shared demo stays as it was.
  const contract = overview.contracts.find((c) => c.lastWeek.status === 'in_review')!;
  expect(contract, 'a contract whose last week is in review').toBeTruthy();
  const own = card(page, contract.title);
  await expect(own).toContainText(`Client: ${contract.company.name}`);
  await expect(own).not.toContainText(contract.contractor.name);
  await expect(banner(page)).toContainText(/Last week is in review: closes in 2 d \d+ h/);
  await expect(banner(page).getByRole('link', { name: /See the timesheet/ })).toHaveAttribute('href', `/contracts/${contract.id}/timesheet?week=${LAST_WEEK}`);
  // The contractor opens their own current week: the review is the client's to make.
  await own.getByRole('link', { name: /Open diary/ }).click();
  await expect(page).toHaveURL(/week=2026-11-23/);
  await expect(banner(page)).toContainText('Last week is in review');
});
