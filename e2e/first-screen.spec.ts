// A diary link opened afresh: the page answers the first click made as soon as the week's
// first thumbnail shows, and a second visit takes the thumbnails from the browser's cache.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16'; // complete, in the demo for every contract

async function diaryLink(page: Page) {
  await signIn(page, 'client@demo.test');
  await page.getByRole('link', { name: /Open diary for/ }).first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+\/diary\?/);
  const contractId = new URL(page.url()).pathname.split('/')[2]!;
  return { contractId, url: `/contracts/${contractId}/diary?week=${WEEK}&tz=utc` };
}

/** The centre of the first thumbnail on screen, as soon as it has loaded (checked on every frame). */
async function firstThumbnailShown(page: Page) {
  const handle = await page.waitForFunction(
    () => {
      const img = [...document.querySelectorAll<HTMLImageElement>('.slot__thumb img')].find((i) => {
        const r = i.getBoundingClientRect();
        return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
      });
      if (!img?.complete || img.naturalWidth === 0) return null;
      const r = img.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    undefined,
    { polling: 'raf' },
  );
  return (await handle.jsonValue())!;
}

/** The `src` of every thumbnail on screen once they have all loaded. */
const thumbnailsOnScreen = (page: Page) =>
  page.locator('.slot__thumb img').evaluateAll((imgs) => {
    const inView = (imgs as HTMLImageElement[]).filter((i) => {
      const r = i.getBoundingClientRect();
      return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
    });
    return inView.length >= 6 && inView.every((i) => i.complete && i.naturalWidth > 0) ? inView.map((i) => i.getAttribute('src')) : null;
  });

/** A browser that has signed in before but kept nothing else: a shared link opened cold. */
async function coldBrowser(browser: Browser) {
  const signedIn = await browser.newContext();
  const link = await diaryLink(await signedIn.newPage());
  const storageState = await signedIn.storageState();
  await signedIn.close();
  const context = await browser.newContext({ storageState });
  return { ...link, context, page: await context.newPage() };
}

test('one click on the first thumbnail, as soon as it shows, opens its lightbox', async ({ browser }) => {
  const { contractId, url, context, page } = await coldBrowser(browser);
  const api: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/') && !pathname.endsWith('/thumbnail')) api.push(pathname);
  });

  await page.goto(url, { waitUntil: 'commit' });
  const { x, y } = await firstThumbnailShown(page);
  await page.mouse.click(x, y);
  await expect(page.getByRole('dialog')).toBeVisible({ timeout: 3_000 });
  await expect(page).toHaveURL(/[?&]slot=2026-11-1/);

  // The page itself started the session, overview, contract and week calls; the dashboard used those answers.
  const preloaded = ['/api/auth/me', '/api/overview', `/api/contracts/${contractId}`, `/api/contracts/${contractId}/weeks/${WEEK}`];
  for (const path of preloaded) expect(api.filter((p) => p === path), path).toHaveLength(1);
  // …and each was fetched by the page's preload link, not later by the dashboard's own fetch.
  const initiators = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [new URL(r.name).pathname, r.initiatorType]),
  );
  for (const path of preloaded) expect(initiators.filter(([p]) => p === path).map(([, by]) => by), path).toEqual(['link']);
  await context.close();
});

test('a second visit shows the same thumbnails from the browser’s cache', async ({ page }) => {
  const { url } = await diaryLink(page);
  await page.goto(url);
  await expect.poll(() => thumbnailsOnScreen(page)).not.toBeNull();
  const first = await thumbnailsOnScreen(page);
  expect(first!.every((src) => /^\/api\/contracts\/[0-9a-f-]+\/slots\/[0-9T:.Z-]+\/thumbnail$/.test(src ?? ''))).toBe(true);

  await page.goto('about:blank');
  await page.goto(url);
  await expect.poll(() => thumbnailsOnScreen(page)).toEqual(first);
  // Each came without a byte over the network.
  const transferred = await page.evaluate(
    (srcs) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => srcs.includes(new URL(r.name).pathname))
        .map((r) => r.transferSize),
    first as string[],
  );
  expect(transferred.length).toBeGreaterThanOrEqual(first!.length);
  expect(transferred.every((size) => size === 0)).toBe(true);
});
