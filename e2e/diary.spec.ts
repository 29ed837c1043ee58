// A client scrolls a contractor's week: the built dashboard against the real server and
// the demo seeded at a fixed clock (see playwright.config.ts).
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

/** The buttons that open a slot, named like `09:10–09:20, active 8 of 10 minutes`. */
const slotButtons = (page: Page) => page.getByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d, / });

async function openFirstDiary(page: Page) {
  await page.getByRole('link', { name: /Open diary for/ }).first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+\/diary\?/);
  await expect(slotButtons(page).first()).toBeVisible();
}

/** The client's first diary with its first slot open in the lightbox. */
async function openFirstSlot(page: Page) {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  await slotButtons(page).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a client opens a diary and its thumbnails really load', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await expect(page.getByRole('link', { name: /Open diary for/ })).toHaveCount(2);
  await openFirstDiary(page);

  const thumbs = page.locator('.slot__thumb img');
  await expect(thumbs.first()).toBeVisible();
  // Every thumbnail in the first screenful decodes to a real image.
  await expect
    .poll(async () =>
      thumbs.evaluateAll((imgs) => {
        const inView = (imgs as HTMLImageElement[]).filter((i) => i.getBoundingClientRect().top < window.innerHeight);
        return inView.length > 0 && inView.every((i) => i.complete && i.naturalWidth > 0);
      }),
    )
    .toBe(true);
  const width = await thumbs.first().evaluate((i) => (i as HTMLImageElement).naturalWidth);
  expect(width).toBeGreaterThanOrEqual(300);
});

test('the lightbox steps with → and closes with Esc', async ({ page }) => {
  const dialog = await openFirstSlot(page);
  await expect(page).toHaveURL(/[?&]slot=/);
  const title = dialog.getByRole('heading', { level: 2 });
  const before = await title.textContent();
  const shot = dialog.locator('img').first();
  await expect.poll(() => shot.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThanOrEqual(1600);
  await expect(dialog.getByText(/of 10 minutes/).first()).toBeVisible();

  const slotBefore = new URL(page.url()).searchParams.get('slot');
  await page.keyboard.press('ArrowRight');
  await expect(title).not.toHaveText(before!);
  const slotAfter = new URL(page.url()).searchParams.get('slot');
  expect(Date.parse(slotAfter!)).toBeGreaterThan(Date.parse(slotBefore!));

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]slot=/);
});

test('switching the time zone changes the times shown', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  // The browser runs in Europe/Berlin (UTC+1 in November); the first slot of the week is
  // the same slot in every zone, so its time moves back by one hour in UTC.
  await page.getByLabel('Time zone').selectOption('local');
  const first = slotButtons(page).first();
  const berlin = (await first.textContent())!;
  await page.getByLabel('Time zone').selectOption('utc');
  await expect(page).toHaveURL(/[?&]tz=utc/);
  const [h, m] = berlin.split('–')[0]!.split(':').map(Number);
  const expected = `${String((h! + 23) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  await expect(first).toHaveText(new RegExp(`^${expected}–`));
});

test('going to the previous week shows that week', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  // In the review window the client lands on the week in review.
  const week = new URL(page.url()).searchParams.get('week');
  expect(week).toBe('2026-11-16');
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(page).toHaveURL(/[?&]week=2026-11-09/);
  await expect(slotButtons(page).first()).toBeVisible();
  await expect(page.getByText('9–15 Nov 2026', { exact: true })).toBeVisible();
});

test('arrow keys move between cards and Enter opens one', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  const buttons = slotButtons(page);
  await buttons.first().focus();
  const firstName = await buttons.first().getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(focused).toMatch(/^\d\d:\d\d–\d\d:\d\d, /);
  expect(focused).not.toBe(firstName);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('client2@demo.test gets 404 for Acme’s contract, week and screenshots', async ({ page, browser }) => {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  const acmeDiary = page.url();
  const contractId = new URL(acmeDiary).pathname.split('/')[2]!;
  await slotButtons(page).first().click();
  await expect(page).toHaveURL(/[?&]slot=/);
  const slot = new URL(page.url()).searchParams.get('slot')!;
  const urls = [
    `/api/contracts/${contractId}`,
    `/api/contracts/${contractId}/weeks/2026-11-23`,
    `/api/contracts/${contractId}/slots/${slot}`,
    `/api/contracts/${contractId}/slots/${slot}/thumbnail`,
    `/api/contracts/${contractId}/slots/${slot}/screenshot`,
  ];
  // Acme's own client gets every one of them.
  for (const url of urls) expect((await page.request.get(url)).status(), url).toBe(200);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, 'client2@demo.test');
  for (const url of urls) {
    const res = await page2.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(res.headers()['content-type']).toContain('application/problem+json');
  }
  await page2.goto(acmeDiary);
  await expect(page2.getByText(/not found/i).first()).toBeVisible();
  await expect(slotButtons(page2)).toHaveCount(0);
  await other.close();
});

test('the diary fits a 375 px wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the lightbox zooms the screenshot to 100 %, pans it and links the full size', async ({ page }) => {
  const dialog = await openFirstSlot(page);
  const shot = dialog.getByRole('img', { name: /^Screenshot taken/ });
  await expect.poll(() => shot.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThanOrEqual(1600);
  const natural = await shot.evaluate((i) => (i as HTMLImageElement).naturalWidth);
  // Fitted, the screenshot is shrunk to the room beside the facts.
  expect((await shot.boundingBox())!.width).toBeLessThan(natural);

  await shot.click();
  await expect(dialog.getByRole('button', { name: 'Zoom to 100 %' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Math.round((await shot.boundingBox())!.width)).toBe(natural);
  // Dragging pans it.
  const frame = page.getByTestId('lightbox-frame');
  const box = (await frame.boundingBox())!;
  const before = await frame.evaluate((el) => el.scrollLeft);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(await frame.evaluate((el) => el.scrollLeft)).toBeLessThan(before);
  // A drag is not a click: still zoomed. Z fits it again, and → steps once more.
  await expect(dialog.getByRole('button', { name: 'Zoom to 100 %' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('z');
  await expect(dialog.getByRole('button', { name: 'Zoom to 100 %' })).toHaveAttribute('aria-pressed', 'false');
  const slot = new URL(page.url()).searchParams.get('slot');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('slot')).not.toBe(slot);

  const full = dialog.getByRole('link', { name: /Open full size/ });
  await expect(full).toHaveAttribute('target', '_blank');
  const res = await page.request.get((await full.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^image\//);
});

test('on a 375 × 667 phone the first thumbnails show on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const tops = await page.locator('.slot__thumb img').evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().top));
  expect(Math.min(...tops)).toBeLessThan(667);
  // The options fold into one row; opened, they offer the date, the zone and the days.
  const toggle = page.getByRole('button', { name: 'Week options' });
  await expect(page.getByLabel('Time zone')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Time zone')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Jump to day' })).toBeVisible();
});

test('in a zone off UTC the partial days say so, and dates read one way', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await openFirstDiary(page);
  // The browser's zone (Europe/Berlin): the billing week runs Monday 01:00 to Monday 01:00.
  await page.goto(page.url().replace(/tz=\w+/, 'tz=local').replace(/week=[\d-]+/, 'week=2026-11-23'));
  const chips = page.getByRole('navigation', { name: 'Jump to day' }).getByRole('button');
  await expect(chips).toHaveCount(8);
  await expect(chips.last()).toHaveAccessibleName(/^Mon 30, 00:00–01:00 only, /);
  await expect(chips.last()).toContainText('00:00–01:00 only');
  await expect(chips.first()).toHaveAccessibleName(/^Mon 23, 01:00–24:00 only, /);
  // The eight chips share the toolbar's width: none spills out of it.
  const overflow = await page.getByRole('navigation', { name: 'Jump to day' }).evaluate((nav) => nav.scrollWidth - nav.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The date to jump to reads like the week's range, not in the browser's numeric format.
  const toolbar = page.getByRole('region', { name: 'Week', exact: true });
  await expect(toolbar).toContainText('Mon 23 Nov');
  expect(await toolbar.innerText()).not.toMatch(/\d+\/\d+\/\d{4}/);
  // The zone's whole name fits its select.
  const select = page.getByLabel('Time zone');
  const clipped = await select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    const probe = document.createElement('span');
    probe.style.cssText = `font:${getComputedStyle(s).font};white-space:nowrap;position:absolute`;
    probe.textContent = s.selectedOptions[0]!.textContent;
    document.body.append(probe);
    const style = getComputedStyle(s);
    const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    return need > room + 1;
  });
  expect(clipped).toBe(false);
});
