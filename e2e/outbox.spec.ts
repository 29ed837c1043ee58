// Admin → Outbox: the admin opens the outbox, filters it, reads a mail as its recipient sees
// it (the HTML in a sandboxed frame, then the plain text), and follows the mail's link. A
// client is told the console is for admins.
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

test('the admin reads a kept mail as its recipient sees it, and its link opens', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();

  // Without WORKDIARY_SMTP_URL the demo's mails are kept here.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('kept');
  await expect(page).toHaveURL(/status=kept/);
  // The demo client's mails are notifications (other specs may add account mails to others).
  await page.getByRole('searchbox', { name: 'Recipient' }).fill('client@demo.test');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/to=client/);
  const mails = page.getByRole('region', { name: 'Mails' }).getByRole('listitem');
  // The list answers the search (the unfiltered list may show until it does).
  await expect(mails.first().locator('.outbox-row__to')).toContainText('client@demo.test');
  await expect(mails.first().getByText('Kept', { exact: true })).toBeVisible();
  const to = (await mails.first().locator('.outbox-row__to').textContent())!;
  await mails.first().getByRole('link').click();

  const mail = page.getByRole('article');
  await expect(mail.getByRole('definition').filter({ hasText: to }).first()).toBeVisible();
  await expect(mail.getByText('List-Unsubscribe')).toBeVisible();
  const frame = page.frameLocator('iframe.outbox-reader__frame');
  await expect(frame.getByText(/^Hello /)).toBeVisible();
  const open = frame.getByRole('link', { name: 'Open in workdiary' });
  const href = (await open.getAttribute('href'))!;
  expect(href).toMatch(/^http:\/\/localhost:\d+\//);
  // The frame runs no script.
  await expect(page.locator('iframe.outbox-reader__frame')).toHaveAttribute('sandbox', /^(?!.*allow-scripts)/);

  await mail.getByRole('tab', { name: 'Plain text' }).click();
  await expect(mail.getByRole('tab', { name: 'Plain text' })).toHaveAttribute('aria-selected', 'true');
  await expect(mail.getByRole('tabpanel').getByRole('link', { name: href })).toBeVisible();

  // The HTML's button takes the whole window to the mail's link.
  await mail.getByRole('tab', { name: 'As the recipient sees it' }).click();
  await frame.getByRole('link', { name: 'Open in workdiary' }).click();
  await expect(page).toHaveURL(new RegExp(`^${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^http:\/\/localhost:\d+/, 'http://localhost:\\d+')}|/login`));
});

test('a client is told the outbox is for admins', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await page.goto('/admin/outbox');
  await expect(page.getByRole('heading', { name: 'The admin console is for admins' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mails' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  // A phone's scroll bars take no room, as in the browser of a person holding one.
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('on 360 and 320 px phones the admin sees the tab and link they are on, and the top bar fits', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto('/admin/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Admin' });
    const current = tabs.getByRole('link', { name: 'Outbox' });
    await expect(current).toHaveAttribute('aria-current', 'page');
    // (Its underline sits on the strip's bottom border, one pixel the strip clips.)
    await expect(current).toBeInViewport({ ratio: 0.9 });
    // Nothing of the page runs past the screen's right edge: "Log out" is whole.
    await expect(page.getByRole('button', { name: 'Log out' })).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The narrowest phones (320 px): the demo clock drops its weekday, and the main link of the
    // page (Admin, last of them) is scrolled into view.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeInViewport({ ratio: 0.9 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
