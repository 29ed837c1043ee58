// The admin console: the admin finds a contractor by search, disables her after a confirmation
// (she can no longer sign in), finds it in the audit trail filtered by her; then creates a
// company, is told a taken name is taken, and renames it.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';

test.describe.configure({ mode: 'serial' });

test('the admin disables a user after confirming, and the audit trail filtered by her shows it', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search by name or email' }).fill('WRITER@');
  await page.getByRole('button', { name: 'Search' }).click();
  const users = page.getByRole('list', { name: 'Users' });
  await expect(users.getByRole('listitem')).toHaveCount(1);
  const priya = users.getByRole('listitem', { name: 'Priya Nair' });
  await expect(priya.getByText('writer@demo.test', { exact: true })).toBeVisible();

  // Cancel first: nothing changes.
  await priya.getByRole('button', { name: 'Disable' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Disable Priya Nair?' });
  await expect(dialog).toContainText('signed out everywhere');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(priya.getByText('Active')).toBeVisible();

  await priya.getByRole('button', { name: 'Disable' }).click();
  await dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(dialog).toBeHidden();
  await expect(priya.getByText(/^Disabled/)).toBeVisible();
  await expect(priya.getByRole('button', { name: 'Enable' })).toBeVisible();

  // She cannot sign in any more.
  const other = await browser.newPage();
  await other.goto('/login');
  await other.getByLabel('Email').fill('writer@demo.test');
  await other.getByLabel('Password').fill(DEMO_PASSWORD);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert')).toBeVisible();
  await expect(other).toHaveURL(/\/login/);
  await other.close();

  await priya.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue(/.+/);
  const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
  await expect(entries.first()).toContainText('Ada Admin (admin)');
  await expect(entries.first()).toContainText('disabled at: — → 25 Nov 2026, 15:');
  await expect(entries.first()).toContainText('Disabled the account of Priya Nair <writer@demo.test>');
});

test('the admin creates a company, is told a taken name is taken, and renames it', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/companies');
  await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
  const companies = page.getByRole('list', { name: 'Companies' });
  await expect(companies.getByRole('listitem', { name: 'Acme Robotics' })).toContainText('1 client');

  const name = page.getByRole('textbox', { name: 'New company name' });
  await name.fill('  globex ');
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByRole('alert')).toContainText('A company named “Globex” already exists');

  await name.fill('Initech');
  await page.getByRole('button', { name: 'Create company' }).click();
  const initech = companies.getByRole('listitem', { name: 'Initech' });
  await expect(initech).toContainText('0 clients');
  await expect(name).toHaveValue('');

  await initech.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename Initech' });
  await dialog.getByLabel('Name').fill('Initech Labs');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(companies.getByRole('listitem', { name: 'Initech Labs' })).toBeVisible();

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('company');
  // Only this company's entries: other specs (the console's) deactivate and reactivate Globex.
  const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem').filter({ hasText: 'Initech' });
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('company.renamed');
  await expect(entries.first()).toContainText('name: Initech → “Initech Labs”');
});
