// A client reviews and approves a week's timesheet; the contractor reads the same page as
// their earnings. The built dashboard against the real server, the demo seeded at a fixed
// clock (Wednesday 25 Nov 2026, see playwright.config.ts): the week of 16 Nov is in review.
//
// It uses the designer's contract (manual time, a weekly cap he goes over), so the dispute
// spec, which works on the developer's contract in the same week, is not affected by the
// approval here.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { designerContract, type ContractInfo } from './support/demo-contracts.ts';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16';
const SLOT_STATES = ['deleted', 'refunded', 'held', 'inactive', 'over_limit', 'billable'];
const COLUMNS = ['billable', 'inactive', 'overLimit', 'held', 'refunded'] as const;

async function openTimesheet(page: Page, contractId: string) {
  await page.goto(`/contracts/${contractId}/timesheet?week=${WEEK}&tz=utc`);
  await expect(page.getByRole('heading', { name: 'Hours by day and state' })).toBeVisible();
}

/** "7 h 40 m" → 460, "45 m" → 45, "0 h" → 0. */
function minutesOf(text: string): number {
  const m = /^(?:(\d+) h)?\s*(?:(\d+) m)?$/.exec(text.trim());
  expect(m, `"${text}" reads as a duration`).toBeTruthy();
  return Number(m![1] ?? 0) * 60 + Number(m![2] ?? 0);
}

/** A row's minutes by column; the billable cell's "incl. … manual" note is not part of it. */
async function rowMinutes(row: Locator): Promise<Record<(typeof COLUMNS)[number] | 'total', number>> {
  const read = async (column: string) => minutesOf((await row.locator(`td[data-column="${column}"] > span`).first().textContent())!);
  const entries = await Promise.all([...COLUMNS, 'total'].map(async (c) => [c, await read(c)] as const));
  return Object.fromEntries(entries) as Record<(typeof COLUMNS)[number] | 'total', number>;
}

/** What the page should show for a number of slots at the rate: slots × rate ÷ 6, rounded half up, in dollars. */
const dollars = (slots: number, hourlyRate: number) =>
  `$${(Math.floor((slots * hourlyRate * 2 + 6) / 12) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('a client reviews the week in review, approves it, and it stays approved', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  const contract = await designerContract(page);
  expect(contract.currency).toBe('USD');

  // One slot goes into a dispute first (as the diary would do it), so something is held.
  const week = (await (await page.request.get(`/api/contracts/${contract.id}/weeks/${WEEK}`)).json()) as {
    start: string;
    slots: { offset: number[]; state: number[]; disputed: number[] };
  };
  const firstBillable = week.slots.offset.find((_, i) => SLOT_STATES[week.slots.state[i]!] === 'billable' && !week.slots.disputed[i])!;
  const slotStart = new Date(Date.parse(week.start) + firstBillable * 600_000).toISOString();
  const dispute = await page.request.post('/api/disputes', {
    data: { slots: [{ contractId: contract.id, start: slotStart }], reason: 'low_activity', comment: 'Almost no input in this slot.' },
  });
  expect(dispute.status()).toBe(201);

  await openTimesheet(page, contract.id);
  await expect(page.getByTestId('week-status')).toHaveText('In review');
  await expect(page.getByText(/^Review closes in \d+ d \d+ h \d+ m/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Contract' }).getByRole('link', { name: 'Timesheet' })).toHaveAttribute('aria-current', 'page');

  // Seven UTC days; each row's states add up to its total, and the rows to the week's totals.
  const table = page.getByRole('table');
  for (const name of ['Billable', 'Inactive', 'Over the limit', 'Held', 'Refunded', 'Total']) {
    await expect(table.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(7);
  const days = await Promise.all((await rows.all()).map(rowMinutes));
  const totals = await rowMinutes(table.locator('tfoot tr'));
  for (const day of days) expect(COLUMNS.reduce((sum, c) => sum + day[c], 0)).toBe(day.total);
  for (const c of [...COLUMNS, 'total'] as const) expect(days.reduce((sum, d) => sum + d[c], 0), c).toBe(totals[c]);
  expect(totals.held, 'the disputed slot is held').toBeGreaterThanOrEqual(10);
  expect(totals.overLimit, 'the designer goes over his 30 h cap').toBeGreaterThan(0);

  // The amounts are in the contract's currency, at its rate.
  const paid = dollars(totals.billable / 10, contract.hourlyRate);
  const held = dollars(totals.held / 10, contract.hourlyRate);
  await expect(page.getByTestId('stat-billable')).toContainText(paid);
  await expect(page.getByTestId('stat-held')).toContainText(held);
  await expect(page.getByTestId('terms-rate')).toHaveText('$55.00 an hour');

  // Approve → the confirmation says what is paid and what stays held.
  await page.getByRole('button', { name: 'Approve timesheet' }).click();
  const dialog = page.getByRole('alertdialog', { name: /Approve the week of 16–22 Nov 2026/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('approve-paid')).toContainText(`Paid now${paid}`);
  await expect(dialog.getByTestId('approve-held')).toContainText(`Stays held${held}`);
  await expect(dialog.getByTestId('approve-held')).toContainText('paid or refunded when its dispute settles');

  // Esc cancels without approving.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('week-status')).toHaveText('In review');

  await page.getByRole('button', { name: 'Approve timesheet' }).click();
  await dialog.getByRole('button', { name: 'Approve the week' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('week-status')).toHaveText('Approved · locked');
  await expect(page.getByTestId('approval-facts')).toContainText('Approved by Alice Client');
  await expect(page.getByRole('button', { name: 'Approve timesheet' })).toHaveCount(0);

  // It is the server's state, not only the screen's.
  await page.reload();
  await expect(page.getByTestId('week-status')).toHaveText('Approved · locked');
  await expect(page.getByTestId('approval-facts')).toContainText('Approved by Alice Client');
  await expect(page.getByTestId('approval-facts')).toContainText(paid);
  await expect(page.getByText(/^Review closes in/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Approve timesheet' })).toHaveCount(0);
});

test('the approval shows before the server answers, and is taken back if it refuses', async ({ page }) => {
  await signIn(page, 'client2@demo.test');
  const { contracts } = (await (await page.request.get('/api/contracts')).json()) as { contracts: ContractInfo[] };
  const contract = contracts[0]!;

  // The server is slow, then refuses.
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/contracts/${contract.id}/weeks/${WEEK}/approval`, async (route) => {
    await answered;
    await route.fulfill({
      status: 409,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The review window closed Friday 27 November 23:59:59 UTC.' }),
    });
  });

  await openTimesheet(page, contract.id);
  await expect(page.getByTestId('week-status')).toHaveText('In review');
  await page.getByRole('button', { name: 'Approve timesheet' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Approve the week' }).click();
  // No answer yet, and the week already reads as approved.
  await expect(page.getByTestId('week-status')).toHaveText('Approved · locked');

  release();
  await expect(page.getByRole('alert')).toContainText('The week was not approved: The review window closed Friday 27 November 23:59:59 UTC.');
  await expect(page.getByTestId('week-status')).toHaveText('In review');
  await expect(page.getByRole('button', { name: 'Approve timesheet' })).toBeVisible();
});

test('the contractor reads the week as their earnings, with no approve button', async ({ page }) => {
  await signIn(page, 'dev@demo.test');
  const { contracts } = (await (await page.request.get('/api/contracts')).json()) as { contracts: ContractInfo[] };
  const contract = contracts[0]!;
  await openTimesheet(page, contract.id);
  await expect(page.getByTestId('stat-billable')).toContainText('Earnings this week');
  await expect(page.getByTestId('stat-billable')).toContainText(/\$[\d,]+\.\d\d/);
  await expect(page.getByTestId('week-status')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve timesheet' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Contract terms' })).toHaveCount(0);
  // The chart's legend names every state in words.
  for (const name of ['Billable', 'Inactive', 'Over the limit', 'Held', 'Refunded']) {
    await expect(page.locator('.recharts-legend-wrapper').getByText(name, { exact: true })).toBeVisible();
  }
});

test('another company’s client gets “not found”, not the timesheet', async ({ page, browser }) => {
  await signIn(page, 'client@demo.test');
  const contract = await designerContract(page);
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, 'client2@demo.test');
  expect((await page2.request.get(`/api/contracts/${contract.id}/weeks/${WEEK}/timesheet`)).status()).toBe(404);
  await page2.goto(`/contracts/${contract.id}/timesheet?week=${WEEK}&tz=utc`);
  await expect(page2.getByRole('heading', { name: 'Contract not found' })).toBeVisible();
  await expect(page2.getByRole('table')).toHaveCount(0);
  await other.close();
});

test('the timesheet fits a 375 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'client@demo.test');
  const contract = await designerContract(page);
  await openTimesheet(page, contract.id);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
