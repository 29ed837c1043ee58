// The "Done when", in the demo: the admin invites a new client into a new company; the
// invitation is in the outbox; its link sets a password; the new client signs in and invites a
// contractor (a new address) to a contract, which is "Pending invitation" until the contractor
// follows their link and sets a password. Then the contract is active on both sides, and the
// used link says "This link is no longer valid". Everything happens in a company of its own, so
// the demo's companies, contracts and mails that the other specs read stay as they were.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

test.describe.configure({ mode: 'serial' });

const CLIENT = 'nora.new@demo.test';
const CONTRACTOR = 'omar.contractor@demo.test';
const COMPANY = 'Wayne Automation';
const CLIENT_PASSWORD = 'nora-chooses-this-one';
const CONTRACTOR_PASSWORD = 'omar-chooses-this-one';

/**
 * The link in the newest invitation to `to`, read where the issue says the demo shows it: the
 * admin opens Admin → Outbox, finds the mail by its recipient, and reads the button's link in
 * the mail as the recipient sees it.
 */
async function linkInOutbox(page: Page, to: string, button: string): Promise<string> {
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Recipient' }).fill(to);
  await page.getByRole('button', { name: 'Search' }).click();
  // Newest first: the invitation just sent (the demo's own mails to the address come after).
  const mail = page.getByRole('region', { name: 'Mails' }).getByRole('listitem').filter({ hasText: 'Invitation' }).first();
  await expect(mail).toBeVisible();
  await mail.getByRole('link').click();
  const open = page.frameLocator('iframe.outbox-reader__frame').getByRole('link', { name: button });
  const href = (await open.getAttribute('href'))!;
  expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(href).pathname;
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

let clientLink = '';
let contractorLink = '';

test('the admin invites a new client, whose link sets a password and signs her in', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin/companies');
  await page.getByRole('textbox', { name: 'New company name' }).fill(COMPANY);
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page.getByRole('list', { name: 'Companies' }).getByRole('listitem', { name: COMPANY })).toContainText('0 clients');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.getByRole('button', { name: 'Invite a client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a client' });
  await dialog.getByLabel('Company').selectOption({ label: COMPANY });
  await dialog.getByLabel('Email').fill(CLIENT);
  await dialog.getByLabel('Name (optional)').fill('Nora New');
  await dialog.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${CLIENT}` })).toBeVisible();
  const row = page.getByRole('list', { name: 'Invitations' }).getByRole('listitem', { name: CLIENT });
  await expect(row.getByText('Waiting')).toBeVisible();

  clientLink = await linkInOutbox(page, CLIENT, 'Set up your account');

  const nora = await freshPage(browser);
  await nora.goto(clientLink);
  await expect(nora.getByRole('heading', { level: 1, name: 'Set up your account' })).toBeVisible();
  await expect(nora.getByText(COMPANY).first()).toBeVisible();
  await expect(nora.getByLabel('Your name')).toHaveValue('Nora New');
  await nora.getByLabel('Choose a password (10 to 200 characters)').fill(CLIENT_PASSWORD);
  await nora.getByRole('button', { name: 'Set up my account' }).click();
  await expect(nora.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
  await nora.context().close();
});

test('the new client signs in and invites a contractor; the contract waits as "Pending invitation"', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(CLIENT);
  await page.getByLabel('Password').fill(CLIENT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contracts' }).click();

  await page.getByRole('button', { name: 'Invite a contractor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a contractor' });
  await dialog.getByLabel('Email').fill(CONTRACTOR);
  await dialog.getByLabel('Contract title').fill('Warehouse robot firmware');
  await dialog.getByLabel('Hourly rate').fill('70');
  await dialog.getByLabel('Weekly limit (hours)').fill('25');
  await dialog.getByLabel('Contractor’s time zone').selectOption('Europe/Lisbon');
  await dialog.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('article', { name: 'Warehouse robot firmware' });
  await expect(card.getByText('Pending invitation')).toBeVisible();
  await expect(card.getByText(`Waiting for ${CONTRACTOR} to accept`)).toBeVisible();
});

test('the contractor follows the link, sets a password, and the contract is active for both', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test');
  contractorLink = await linkInOutbox(page, CONTRACTOR, 'Set up your account');

  const omar = await freshPage(browser);
  await omar.goto(contractorLink);
  await expect(omar.getByRole('heading', { level: 1, name: 'Set up your account' })).toBeVisible();
  await expect(omar.getByText('Warehouse robot firmware')).toBeVisible();
  await omar.getByLabel('Your name').fill('Omar Okafor');
  await omar.getByLabel('Choose a password (10 to 200 characters)').fill(CONTRACTOR_PASSWORD);
  await omar.getByRole('button', { name: 'Accept and set up my account' }).click();
  await expect(omar.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
  const mine = omar.getByRole('article', { name: 'Warehouse robot firmware' });
  await expect(mine.getByRole('link', { name: /Open diary/ })).toBeVisible();
  await expect(mine.getByText('Pending invitation')).toHaveCount(0);

  // The used link: the same clear page, with a way on.
  const again = await freshPage(browser);
  await again.goto(contractorLink);
  await expect(again.getByRole('heading', { level: 1, name: 'This link is no longer valid' })).toBeVisible();
  await expect(again.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await again.goto(clientLink);
  await expect(again.getByRole('heading', { level: 1, name: 'This link is no longer valid' })).toBeVisible();

  // The client's list shows it active too.
  const nora = await freshPage(browser);
  await signIn(nora, CLIENT, CLIENT_PASSWORD);
  const theirs = nora.getByRole('article', { name: 'Warehouse robot firmware' });
  await expect(theirs.getByRole('link', { name: /Open diary/ })).toBeVisible();
  await expect(theirs.getByText('Pending invitation')).toHaveCount(0);
  await expect(nora.getByRole('list', { name: 'Invitations' }).getByRole('listitem', { name: CONTRACTOR }).getByText('Accepted')).toBeVisible();
});

test('an existing contractor signs in from the link and accepts the new contract', async ({ page, browser }) => {
  const nora = await freshPage(browser);
  await signIn(nora, CLIENT, CLIENT_PASSWORD);
  await nora.getByRole('button', { name: 'Invite a contractor' }).click();
  const dialog = nora.getByRole('dialog', { name: 'Invite a contractor' });
  await dialog.getByLabel('Email').fill(CONTRACTOR);
  await dialog.getByLabel('Contract title').fill('Conveyor tuning');
  await dialog.getByLabel('Hourly rate').fill('65');
  await dialog.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(nora.getByRole('article', { name: 'Conveyor tuning' }).getByText('Pending invitation')).toBeVisible();

  await signIn(page, 'admin@demo.test');
  const link = await linkInOutbox(page, CONTRACTOR, 'Accept the invitation');

  // Not signed in: the page asks the contractor to sign in, and brings them back to accept.
  const omar = await freshPage(browser);
  await omar.goto(link);
  await expect(omar.getByRole('heading', { level: 1, name: 'Accept “Conveyor tuning”' })).toBeVisible();
  await omar.getByRole('link', { name: 'Sign in to accept' }).click();
  await omar.getByLabel('Email').fill(CONTRACTOR);
  await omar.getByLabel('Password').fill(CONTRACTOR_PASSWORD);
  await omar.getByRole('button', { name: 'Sign in' }).click();
  await omar.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(omar.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
  await expect(omar.getByRole('article', { name: 'Conveyor tuning' }).getByRole('link', { name: /Open diary/ })).toBeVisible();
});
