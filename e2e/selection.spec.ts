// A client selects slots in the diary (a click, then a shift-click a few cards later) and
// disputes them from the bar at the bottom: the cards turn held at once, and the week's
// timesheet holds their minutes. The built dashboard against the real server, the demo seeded
// at a fixed clock (Wednesday 25 Nov 2026, see playwright.config.ts): the week of 16 Nov is in
// review, so the client may dispute it. It uses the designer's contract.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { designerContract } from './support/demo-contracts.ts';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16';

/** "7 h 40 m" → 460, "45 m" → 45, "0 h" → 0. */
function minutesOf(text: string): number {
  const m = /^(?:(\d+) h)?\s*(?:(\d+) m)?$/.exec(text.trim());
  expect(m, `"${text}" reads as a duration`).toBeTruthy();
  return Number(m![1] ?? 0) * 60 + Number(m![2] ?? 0);
}

/** The held minutes of the week, as the timesheet's totals row shows them. */
async function heldOnTimesheet(page: Page, contractId: string): Promise<number> {
  await page.goto(`/contracts/${contractId}/timesheet?week=${WEEK}&tz=utc`);
  await expect(page.getByRole('heading', { name: 'Hours by day and state' })).toBeVisible();
  const cell = page.getByRole('table').locator('tfoot tr td[data-column="held"] > span').first();
  return minutesOf((await cell.textContent())!);
}

/** slots × rate ÷ 6, rounded half up, in dollars. */
const dollars = (slots: number, hourlyRate: number) =>
  `$${(Math.floor((slots * hourlyRate + 3) / 6) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The card a checkbox is on. */
const cardOf = (checkbox: Locator) => checkbox.locator('xpath=ancestor::*[@data-slot][1]');

const checkboxes = (page: Page) => page.getByRole('checkbox', { name: /^Select \d\d:\d\d–\d\d:\d\d$/ });

test('a client selects a range of slots in the diary and disputes them', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  const contract = await designerContract(page);
  expect(contract.currency).toBe('USD');
  const heldBefore = await heldOnTimesheet(page, contract.id);

  await page.goto(`/contracts/${contract.id}/diary?week=${WEEK}&tz=utc`);
  const boxes = checkboxes(page);
  await expect(boxes.first()).toBeVisible();
  // Only billable slots can be selected: every card with a checkbox says so in its button.
  const firstCard = cardOf(boxes.first());
  await expect(firstCard.locator('.slot__open')).toHaveAttribute('aria-label', /, (active \d+ of 10 minutes|manual time)$/);

  // x on a focused card toggles it.
  const eighth = boxes.nth(7);
  await cardOf(eighth).locator('.slot__open').focus();
  await page.keyboard.press('x');
  await expect(eighth).toBeChecked();
  await page.keyboard.press('x');
  await expect(eighth).not.toBeChecked();
  await expect(page.getByRole('region', { name: 'Selected slots' })).toBeHidden();

  // A click, then a shift-click four billable cards later: five slots.
  const N = 5;
  await boxes.first().click();
  await expect(boxes.first()).toBeChecked();
  const bar = page.getByRole('region', { name: 'Selected slots' });
  await expect(bar).toContainText('Dispute 1 slot (10 m,');
  await boxes.nth(N - 1).click({ modifiers: ['Shift'] });
  for (let i = 0; i < N; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(boxes.nth(N)).not.toBeChecked();
  await expect(page.locator('.slot.is-selected')).toHaveCount(N);
  const names = await Promise.all(Array.from({ length: N }, (_, i) => boxes.nth(i).getAttribute('aria-label')));
  const slots = await Promise.all(
    Array.from({ length: N }, (_, i) => cardOf(boxes.nth(i)).getAttribute('data-slot')),
  );

  const disputeButton = bar.getByRole('button', { name: `Dispute ${N} slots (${N * 10} m, ${dollars(N, contract.hourlyRate)} held)` });
  await expect(disputeButton).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Clear' })).toBeVisible();

  // Hold the server's answer back, to see the cards turn held before it arrives.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/disputes', async (route) => {
    if (route.request().method() === 'POST') await released;
    await route.continue();
  });

  await disputeButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('dispute-summary')).toHaveText(`${N} slots · ${N * 10} m, ${dollars(N, contract.hourlyRate)} held`);
  await dialog.getByLabel('Reason').selectOption('low_activity');
  await dialog.getByLabel(/^Comment/).fill('Very little input across these slots.');
  await dialog.getByRole('button', { name: `Dispute ${N} slots` }).click();

  for (const slot of slots) {
    const card = page.locator(`[data-slot="${slot}"]`);
    await expect(card.locator('.slot__open')).toHaveAttribute('aria-label', /, held$/);
    await expect(card.getByText('Held', { exact: true })).toBeVisible();
    await expect(card.getByRole('checkbox')).toHaveCount(0);
  }
  release();

  await expect(dialog).toBeHidden();
  await expect(bar).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: `Dispute opened: ${N} slots held` });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('link', { name: 'View the dispute' })).toHaveAttribute('href', /^\/disputes\/[0-9a-f-]+$/);
  for (const name of names) await expect(page.getByRole('checkbox', { name: name! })).toHaveCount(0);

  expect(await heldOnTimesheet(page, contract.id)).toBe(heldBefore + N * 10);
});

test('the selection starts empty in another week, and a client can clear it', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  const contract = await designerContract(page);
  await page.goto(`/contracts/${contract.id}/diary?week=${WEEK}&tz=utc`);
  const boxes = checkboxes(page);
  await boxes.nth(1).click();
  await boxes.nth(2).click();
  const bar = page.getByRole('region', { name: 'Selected slots' });
  await expect(bar.getByRole('button', { name: /^Dispute 2 slots \(20 m, / })).toBeVisible();
  await bar.getByRole('button', { name: 'Clear' }).click();
  await expect(bar).toBeHidden();
  await expect(boxes.nth(1)).not.toBeChecked();

  await boxes.nth(1).click();
  await expect(bar).toBeVisible();
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/[?&]week=2026-11-23/);
  await expect(bar).toBeHidden();
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page).toHaveURL(/[?&]week=2026-11-16/);
  await expect(boxes.first()).toBeVisible();
  await expect(bar).toBeHidden();
});
