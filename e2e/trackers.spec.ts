// A contractor connects a tracker: the designer names a device, gets its token once with the
// command to run, sees the device listed (last upload "never", still so after the token has
// opened the tracker's session, which uploads nothing), and revokes it with a confirmation,
// after which the token is refused.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const DEVICE = 'E2E studio laptop';

test.describe.configure({ mode: 'serial' });

const row = (page: Page) => page.getByRole('listitem').filter({ has: page.getByText(DEVICE, { exact: true }) });

test('the designer creates a tracker token, sees it once, finds the device listed and revokes it', async ({ page, baseURL }, testInfo) => {
  await signIn(page, 'designer@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trackers' }).click();
  await expect(page).toHaveURL(/\/trackers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Trackers' })).toBeVisible();

  // The token is made only for a named device.
  const create = page.getByRole('button', { name: 'Create token' });
  await expect(create).toBeDisabled();
  await page.getByLabel('Device name').fill(DEVICE);
  await create.click();

  const panel = page.getByRole('region', { name: `Token for “${DEVICE}”` });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('it is shown only this once.')).toBeVisible();
  const command = await panel.getByLabel('Command').inputValue();
  expect(command).toMatch(new RegExp(`^workdiary-tracker --server ${baseURL} --token wdt_[A-Za-z0-9_-]{43}$`));
  const token = command.split('--token ')[1]!;
  await expect(panel.getByLabel('Token alone')).toHaveValue(token);
  // Listed at once, nothing uploaded yet.
  await expect(row(page).getByRole('term').filter({ hasText: 'Last upload' })).toBeVisible();
  await expect(row(page).getByText('never')).toBeVisible();
  await expect(row(page).getByText('Active')).toBeVisible();
  // A new token has no device key until its tracker registers one; the demo's computer signs its slots.
  await expect(row(page).getByRole('definition').filter({ hasText: 'none: its slots are unsigned' })).toBeVisible();
  const demoDevice = page.getByRole('listitem').filter({ has: page.getByText('MacBook Pro 14"', { exact: true }) });
  await expect(demoDevice.locator('.tracker-row__key')).toHaveText(/^([0-9a-f]{4} ){3}[0-9a-f]{4}$/);

  await page.screenshot({ path: testInfo.outputPath('trackers-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // On a phone the main links sit in a row of their own, still reachable.
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Contracts', 'Disputes', 'Trackers']) await expect(nav.getByRole('link', { name })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('trackers-375.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The token is what the tracker signs in with.
  const session = await page.request.get('/api/tracker/session', { headers: { authorization: `Bearer ${token}` } });
  expect(session.status()).toBe(200);
  expect((await session.json()).device.name).toBe(DEVICE);

  // Once dismissed, the token is gone from the page for good, even after a reload.
  await panel.getByRole('button', { name: 'I have copied it' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByLabel('Device name')).toBeVisible();
  await page.reload();
  await expect(row(page)).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await expect(row(page).getByRole('definition').filter({ hasText: 'never' })).toBeVisible();

  // Revoke, by keyboard: the confirmation takes the focus; Escape backs out, focus returns.
  const revoke = row(page).getByRole('button', { name: 'Revoke' });
  await revoke.focus();
  await page.keyboard.press('Enter');
  const yes = row(page).getByRole('button', { name: 'Yes, revoke' });
  await expect(yes).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(yes).toBeHidden();
  await expect(revoke).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page).getByText('Its tracker stops uploading at once.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('trackers-confirm-1280.png'), fullPage: true });
  await yes.click();
  await expect(row(page).locator('.status')).toHaveText('Revoked');
  await expect(row(page).getByRole('term').filter({ hasText: 'Revoked' })).toBeVisible();
  await expect(row(page).getByRole('button', { name: 'Revoke' })).toBeHidden();

  const refused = await page.request.get('/api/tracker/session', { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

test('a client has no Trackers link, and the page says it is for contractors', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trackers' })).toHaveCount(0);
  await page.goto('/trackers');
  await expect(page.getByRole('heading', { name: 'Trackers are for contractors' })).toBeVisible();
});
