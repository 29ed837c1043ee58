// The contractor's edits in their diary, until the edit deadline: a memo rewritten, a slot
// deleted (its time leaves the timesheet), manual time added where the contract allows it,
// and no manual time where it does not. The demo clock is Wednesday 25 Nov 2026 15:00 UTC, so
// the week of 23 Nov is still open to edits; the browser runs in Europe/Berlin (UTC+1).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD as PASSWORD, signIn } from './support/sign-in.ts';

const WEEK = '2026-11-23';

test.describe.configure({ mode: 'serial' });

async function onlyContractId(page: Page): Promise<string> {
  const response = await page.request.get('/api/contracts');
  expect(response.ok()).toBe(true);
  const { contracts } = (await response.json()) as { contracts: { id: string }[] };
  expect(contracts).toHaveLength(1);
  return contracts[0]!.id;
}

/** This week's diary in the browser's own zone (Europe/Berlin). */
async function openDiary(page: Page, contractId: string) {
  await page.goto(`/contracts/${contractId}/diary?week=${WEEK}&tz=local`);
  await expect(slotButtons(page).first()).toBeVisible();
}

/** The buttons that open a slot, named like `09:10–09:20, active 8 of 10 minutes`. */
const slotButtons = (page: Page) => page.getByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d, / });

async function timesheetTotals(page: Page, contractId: string) {
  const response = await page.request.get(`/api/contracts/${contractId}/weeks/${WEEK}/timesheet?tz=Europe/Berlin`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { totals: { total: number; manual: number } }).totals;
}

test('the designer rewrites a memo and the card shows it; Esc only cancels the edit', async ({ page }) => {
  await signIn(page, 'designer@demo.test');
  const contractId = await onlyContractId(page);
  await openDiary(page, contractId);

  await slotButtons(page).first().click();
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox).toBeVisible();
  const slot = new URL(page.url()).searchParams.get('slot')!;

  // Esc in the editor drops the draft and leaves the lightbox open.
  await lightbox.getByRole('button', { name: 'Edit memo' }).click();
  const memo = lightbox.getByRole('textbox', { name: 'Memo' });
  await expect(memo).toBeFocused();
  await memo.fill('A draft that is thrown away');
  await expect(lightbox.getByText('27 / 500')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(memo).toBeHidden();
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByText('A draft that is thrown away')).toHaveCount(0);

  const text = 'Icon set review with Acme: bell and lock reworked';
  await lightbox.getByRole('button', { name: 'Edit memo' }).click();
  await memo.fill(text);
  await lightbox.getByRole('button', { name: 'Save memo' }).click();
  await expect(memo).toBeHidden();
  await expect(lightbox.locator('.memo-fact')).toContainText(text);

  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();
  await expect(page.locator('.slot').filter({ hasText: text })).toHaveCount(1);

  // The server kept it.
  const detail = await page.request.get(`/api/contracts/${contractId}/slots/${slot}`);
  expect(((await detail.json()) as { memo: string }).memo).toBe(text);
});

/** The slot the designer deletes, for the client to find: its contract, start and range. */
let deletedSlot: { contractId: string; start: string; range: string } | null = null;
/** The demo clock (Wednesday 25 Nov, 15:00 UTC) in Berlin, as a deletion on another day is shown. */
const DELETED_WHEN = /25 Nov, 16:\d\d/;

test('the designer deletes a slot: the lightbox moves on, the card says deleted and the timesheet loses 10 minutes', async ({ page }) => {
  await signIn(page, 'designer@demo.test');
  const contractId = await onlyContractId(page);
  const before = await timesheetTotals(page, contractId);
  await openDiary(page, contractId);

  const first = slotButtons(page).first();
  const name = (await first.getAttribute('aria-label')) ?? (await first.textContent())!;
  const range = /^(\d\d:\d\d–\d\d:\d\d)/.exec(name)![1]!;
  const group = page.getByRole('group', { name: new RegExp(`^Mon 23 Nov, ${range}, `) });
  await expect(group).toHaveCount(1);

  await first.click();
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox).toBeVisible();
  const deleted = new URL(page.url()).searchParams.get('slot')!;

  await lightbox.getByRole('button', { name: 'Delete slot' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete ${range}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Its 10 minutes go from your timesheet and its screenshot is erased. This cannot be undone.');
  // "Keep it" is the safe default.
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete slot' }).click();
  await expect(confirm).toBeHidden();

  // The lightbox shows the next slot and says what happened.
  await expect(lightbox).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`slot=${encodeURIComponent(deleted)}`));
  expect(Date.parse(new URL(page.url()).searchParams.get('slot')!)).toBeGreaterThan(Date.parse(deleted));
  await expect(lightbox.getByText(`Deleted ${range}.`)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(lightbox).toBeHidden();
  // The card stays, saying so and when; it is not untracked time.
  await expect(group).toHaveCount(1);
  await expect(group).toHaveAccessibleName(new RegExp(`^Mon 23 Nov, ${range}, deleted by the contractor at ${DELETED_WHEN.source}$`));
  await expect(group).toContainText(new RegExp(`Deleted by the contractor · ${DELETED_WHEN.source}`));
  await expect(group.locator('img')).toHaveCount(0);
  deletedSlot = { contractId, start: deleted, range };

  await expect.poll(async () => (await timesheetTotals(page, contractId)).total).toBe(before.total - 10);
  // Its screenshot is gone too.
  expect((await page.request.get(`/api/contracts/${contractId}/slots/${deleted}/screenshot`)).status()).toBe(404);
});

test('the client sees "Deleted by the contractor" with the time at the slot the designer deleted', async ({ page }) => {
  expect(deletedSlot, 'the deletion test ran first').not.toBeNull();
  const { contractId, start, range } = deletedSlot!;
  await signIn(page, 'client@demo.test');
  await openDiary(page, contractId);
  const card = page.getByRole('group', { name: new RegExp(`^Mon 23 Nov, ${range}, deleted by the contractor at ${DELETED_WHEN.source}$`) });
  await expect(card).toContainText(new RegExp(`Deleted by the contractor · ${DELETED_WHEN.source}`));
  await expect(card.getByRole('checkbox')).toHaveCount(0);
  await expect(card.locator('img')).toHaveCount(0);

  // Its lightbox says the same, without a screenshot, and → steps on past it.
  await card.getByRole('button', { name: new RegExp(`^${range}, deleted by the contractor`) }).click();
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox.getByText(new RegExp(`^Deleted by the contractor at ${DELETED_WHEN.source}$`))).toBeVisible();
  await expect(lightbox.locator('img')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`slot=${encodeURIComponent(start)}`));
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(new RegExp(`slot=${encodeURIComponent(start)}`));
  await expect(lightbox.getByText(/^Deleted by the contractor/)).toHaveCount(0);
});

test('the designer adds 30 minutes of manual time this morning and sees three manual cards', async ({ page }) => {
  await signIn(page, 'designer@demo.test');
  const contractId = await onlyContractId(page);
  const before = await timesheetTotals(page, contractId);
  await openDiary(page, contractId);

  await page.getByRole('button', { name: 'Add manual time' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add manual time' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Day').selectOption('2026-11-25');
  await dialog.getByLabel('From', { exact: true }).fill('08:00');
  await dialog.getByLabel('To', { exact: true }).fill('08:30');

  // The memo is required: nothing is sent without it.
  await dialog.getByRole('button', { name: 'Add 30 m' }).click();
  await expect(dialog.getByText('Say what the time was spent on.')).toBeVisible();
  await expect(dialog.getByLabel('Memo')).toBeFocused();

  await dialog.getByLabel('Memo').fill('Brand workshop with Acme at their office');
  await expect(dialog.getByText('Adds 3 slots · 30 m')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add 30 m' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('navigation', { name: 'Jump to day' }).getByRole('button', { name: /^Wed 25/ }).click();
  const manual = page.getByRole('button', { name: /^08:[0-2]0–08:[1-3]0, manual time$/ });
  await expect(manual).toHaveCount(3);
  // The memo is written once per run of cards, and named on each.
  await expect(page.getByRole('group', { name: /, memo: Brand workshop with Acme at their office$/ })).toHaveCount(3);

  const after = await timesheetTotals(page, contractId);
  expect(after.total).toBe(before.total + 30);
  expect(after.manual).toBe(before.manual + 30);

  // The same time again is refused by the server, and the dialog says why.
  await page.getByRole('button', { name: 'Add manual time' }).click();
  await dialog.getByLabel('Day').selectOption('2026-11-25');
  await dialog.getByLabel('From', { exact: true }).fill('08:20');
  await dialog.getByLabel('To', { exact: true }).fill('08:40');
  await dialog.getByLabel('Memo').fill('Again');
  await dialog.getByRole('button', { name: 'Add 20 m' }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is already a slot at Wed 25 Nov 08:20');
  await expect(dialog).toBeVisible();
});

test('a held slot says why it cannot be edited and links to its dispute', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'designer@demo.test');
  const contractId = await onlyContractId(page);
  // The first slot on Tuesday, disputed by the client through the API.
  const week = (await (await page.request.get(`/api/contracts/${contractId}/weeks/${WEEK}?tz=UTC`)).json()) as { start: string; slots: { offset: number[] } };
  const tuesday = week.slots.offset.find((o) => o >= 144)!;
  const start = new Date(Date.parse(week.start) + tuesday * 600_000).toISOString();
  const client = await playwright.request.newContext({ baseURL });
  expect((await client.post('/api/auth/login', { data: { email: 'client@demo.test', password: PASSWORD } })).ok()).toBe(true);
  const created = await client.post('/api/disputes', {
    data: { slots: [{ contractId, start }], reason: 'low_activity', comment: 'The screenshots show the same screen.' },
  });
  expect(created.status()).toBe(201);
  const disputeId = ((await created.json()) as { id: string }).id;
  await client.dispose();

  await page.goto(`/contracts/${contractId}/diary?week=${WEEK}&tz=local&slot=${encodeURIComponent(start)}`);
  const lightbox = page.locator('dialog.lightbox');
  await expect(lightbox).toBeVisible();
  await expect(lightbox.getByText('Held in a dispute')).toBeVisible();
  await expect(lightbox.getByRole('button', { name: 'Delete slot' })).toHaveCount(0);
  await expect(lightbox.getByRole('button', { name: 'Edit memo' })).toHaveCount(0);
  await lightbox.getByRole('link', { name: 'Answer it on the dispute page' }).click();
  await expect(page).toHaveURL(new RegExp(`/disputes/${disputeId}$`));
});

test('the developer, whose contract allows no manual time, cannot add it and is told why', async ({ page }) => {
  await signIn(page, 'dev@demo.test');
  const contractId = await onlyContractId(page);
  await openDiary(page, contractId);

  const add = page.getByRole('button', { name: 'Add manual time' });
  // Either there is no such button, or it is disabled and says why.
  if ((await add.count()) > 0) {
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await expect(add).toHaveAccessibleDescription(/This contract does not allow manual time\./);
    // Pressing it shows the reason instead of a dialog.
    await add.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.toolbar-manual__why')).toHaveText(/^This contract does not allow manual time\./);
    await expect(page.getByRole('dialog', { name: 'Add manual time' })).toHaveCount(0);
  }

  // And the server refuses it anyway.
  const response = await page.request.post(`/api/contracts/${contractId}/manual-time`, {
    data: { start: '2026-11-25T07:00:00.000Z', end: '2026-11-25T07:30:00.000Z', memo: 'Pairing session' },
  });
  expect(response.status()).toBe(409);
});
