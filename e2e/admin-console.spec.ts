// The admin console's contracts and companies: the admin pauses Globex's contract and resumes
// it, changes its rate from the next Monday (told the date before confirming) and finds both in
// the audit trail; then deactivates Globex, whose client is told at sign-in why they cannot
// sign in, and reactivates it.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';

test.describe.configure({ mode: 'serial' });

const TITLE = 'API documentation';

async function openAdmin(page: Page, tab: 'Contracts' | 'Companies') {
  await signIn(page, 'admin@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 1, name: tab })).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // Whatever happened above, later specs find Globex active and its contract running.
  const page = await browser.newPage();
  await page.request.post('/api/auth/login', { data: { email: 'admin@demo.test', password: DEMO_PASSWORD } });
  const { companies } = (await (await page.request.get('/api/admin/companies')).json()) as { companies: { id: string; name: string }[] };
  const globex = companies.find((c) => c.name === 'Globex');
  if (globex) await page.request.post(`/api/admin/companies/${globex.id}/reactivate`);
  await page.close();
});

test('the admin pauses and resumes a contract, changes its rate from next Monday, and sees both in the audit trail', async ({ page }) => {
  await openAdmin(page, 'Contracts');
  await page.getByRole('searchbox', { name: 'Search by title or contractor' }).fill('priya');
  await page.getByRole('button', { name: 'Search' }).click();
  const contracts = page.getByRole('list', { name: 'Contracts' });
  await expect(contracts.getByRole('listitem')).toHaveCount(1);
  const row = contracts.getByRole('listitem', { name: TITLE });
  await expect(row).toContainText('Priya Nair for Globex');
  await expect(row).toContainText('€42.00/h · 25 h a week');

  // Pause: the dialog says what happens; Cancel changes nothing.
  await row.getByRole('button', { name: 'Pause' }).click();
  const pause = page.getByRole('alertdialog', { name: `Pause ${TITLE}?` });
  await expect(pause).toContainText("Priya Nair's tracker can no longer upload to this contract");
  await pause.getByRole('button', { name: 'Cancel' }).click();
  await expect(pause).toBeHidden();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Pause' }).click();
  await pause.getByRole('button', { name: 'Pause' }).click();
  await expect(pause).toBeHidden();
  await expect(row.getByText('Paused', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Resume' }).click();
  const resume = page.getByRole('alertdialog', { name: `Resume ${TITLE}?` });
  await resume.getByRole('button', { name: 'Resume' }).click();
  await expect(resume).toBeHidden();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // The demo clock is Wednesday 25 November: a change applies from Monday 30 November.
  await row.getByRole('button', { name: 'Change terms' }).click();
  const terms = page.getByRole('dialog', { name: `New terms for ${TITLE}` });
  await expect(terms).toContainText('They apply from Mon 30 Nov (00:00 UTC). This week keeps €42.00 an hour, 25 h a week.');
  await terms.getByLabel('Hourly rate (EUR)').fill('45.50');
  await terms.getByRole('button', { name: 'Change from Mon 30 Nov' }).click();
  await expect(terms).toBeHidden();
  await expect(row).toContainText('€42.00/h · 25 h a week');
  await expect(row).toContainText('From Mon 30 Nov: €45.50/h · 25 h a week');

  await row.getByRole('link', { name: /^Audit/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
  await expect(entries.nth(0)).toContainText('Ada Admin (admin) Changed the terms from the next Monday');
  await expect(entries.nth(0)).toContainText('hourly rate: 42.00 an hour → 45.50 an hour');
  await expect(entries.nth(1)).toContainText('Ada Admin (admin) Resumed the contract');
  await expect(entries.nth(1)).toContainText('status: paused → active');
  await expect(entries.nth(2)).toContainText('Ada Admin (admin) Paused the contract');
});

test('the admin deactivates a company: its client cannot sign in and is told why; reactivated, they can', async ({ page, browser }) => {
  await openAdmin(page, 'Companies');
  const globex = page.getByRole('list', { name: 'Companies' }).getByRole('listitem', { name: 'Globex' });
  await globex.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Deactivate Globex?' });
  await expect(dialog).toContainText('Its client is signed out at once and cannot sign in');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(dialog).toBeHidden();
  await expect(globex.getByText(/^Deactivated/)).toBeVisible();

  const other = await browser.newPage();
  await other.goto('/login');
  await other.getByLabel('Email').fill('client2@demo.test');
  await other.getByLabel('Password').fill(DEMO_PASSWORD);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert')).toContainText('Globex is deactivated on this workdiary, so its clients cannot sign in.');
  await expect(other).toHaveURL(/\/login/);

  await globex.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('alertdialog', { name: 'Reactivate Globex?' }).getByRole('button', { name: 'Reactivate' }).click();
  await expect(globex.getByText('Active', { exact: true })).toBeVisible();
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await other.close();
});

test('a client manages their own contract from its card: new terms say from which Monday', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  const card = page.getByRole('article', { name: 'Website, app and brand design' });
  await card.getByRole('group', { name: 'Manage Website, app and brand design' }).getByRole('button', { name: 'Change terms' }).click();
  const terms = page.getByRole('dialog', { name: 'New terms for Website, app and brand design' });
  await expect(terms).toContainText('They apply from Mon 30 Nov (00:00 UTC).');
  await terms.getByRole('button', { name: 'Cancel' }).click();
  await expect(terms).toBeHidden();
  await expect(page).toHaveURL(/\/contracts$/);
});
