// The server's render of a diary link (server/services/diary-page.ts): the week's first screen
// arrives in the HTML, thumbnails included, and the dashboard then renders over it from the
// same data, without asking the API for it again.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16'; // the week before the review week: complete, in the demo for every contract

/** Signs in with scripts on, and returns the session for contexts of its own (scripts off, other viewports). */
async function session(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.getByRole('link', { name: /Open diary for/ }).first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+\/diary\?/);
  const contractId = new URL(page.url()).pathname.split('/')[2]!;
  const storageState = await context.storageState();
  await context.close();
  return { storageState, contractId };
}

const diaryUrl = (contractId: string, tz = 'utc') => `/contracts/${contractId}/diary?week=${WEEK}&tz=${tz}`;

/** At least `min` thumbnails are in the viewport, and every one there has loaded a real image. */
const thumbnailsOnScreenLoaded = (page: Page, min = 6) =>
  page.locator('.slot__thumb img').evaluateAll((imgs, min) => {
    const inView = (imgs as HTMLImageElement[]).filter((i) => {
      const r = i.getBoundingClientRect();
      return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
    });
    return inView.length >= min && inView.every((i) => i.complete && i.naturalWidth > 0);
  }, min);

/** The `src` of every thumbnail in the viewport. */
const onScreenSources = (page: Page) =>
  page.locator('.slot__thumb img').evaluateAll((imgs) =>
    (imgs as HTMLImageElement[])
      .filter((i) => {
        const r = i.getBoundingClientRect();
        return r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
      })
      .map((i) => i.getAttribute('src') ?? ''),
  );

async function withoutScripts(browser: Browser, storageState: BrowserContextOptions['storageState'], viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ storageState, javaScriptEnabled: false, viewport });
  return { context, page: await context.newPage() };
}

test('a diary link shows the week and its thumbnails before any script runs', async ({ browser }) => {
  const { storageState, contractId } = await session(browser, 'client@demo.test');
  const { context, page } = await withoutScripts(browser, storageState);
  const thumbnailRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('/thumbnail') && thumbnailRequests.push(r.url()));
  await page.goto(diaryUrl(contractId));

  await expect(page.getByRole('heading', { level: 2, name: /^Mon 16 Nov/ })).toBeVisible();
  await expect(page.locator('.week-nav__range')).toHaveText('16–22 Nov 2026');
  await expect(page.locator('.slot').first()).toBeVisible();
  await expect.poll(() => thumbnailsOnScreenLoaded(page)).toBe(true);
  // The screen's thumbnails came inside the page: no request for any of them.
  expect(await onScreenSources(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^data:image\/webp;base64,/)]));
  expect((await onScreenSources(page)).filter((src) => !src.startsWith('data:'))).toEqual([]);
  expect(thumbnailRequests).toEqual([]);
  await expect(page).toHaveTitle(/Week of 16 Nov 2026/);
  // Nothing on it answers until the dashboard has taken over.
  await expect(page.locator('#root > [inert]')).toHaveCount(1);
  await context.close();
});

test('on a phone the server lays the week out for the phone', async ({ browser }) => {
  const { storageState, contractId } = await session(browser, 'client@demo.test');
  const { context, page } = await withoutScripts(browser, storageState, { width: 375, height: 740 });
  await page.goto(diaryUrl(contractId));
  await expect(page.locator('.diary-list--compact')).toHaveCount(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect.poll(() => thumbnailsOnScreenLoaded(page, 1)).toBe(true);
  await context.close();
});

test('the dashboard takes over the server’s page without asking for the week again, and its cards then work', async ({ browser }) => {
  const { storageState, contractId } = await session(browser, 'client@demo.test');
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const api: string[] = [];
  const thumbnails: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith('/api/')) (pathname.endsWith('/thumbnail') ? thumbnails : api).push(pathname);
  });

  await page.goto(diaryUrl(contractId));
  const served = await onScreenSources(page);
  await expect(page.locator('#root > [inert]')).toHaveCount(0);
  // The cards the dashboard rendered show the images the page came with: no blank flash, no request.
  expect(await thumbnailsOnScreenLoaded(page)).toBe(true);
  expect(await onScreenSources(page)).toEqual(served);
  expect(served.every((src) => src.startsWith('data:image/webp;base64,'))).toBe(true);
  const starts = await page.locator('.slot__thumb img[data-first-thumbnail]').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-first-thumbnail')));
  expect(starts.length).toBeGreaterThanOrEqual(6);
  expect(thumbnails.filter((t) => starts.some((start) => t.endsWith(`/slots/${start}/thumbnail`)))).toEqual([]);
  expect(api.filter((p) => p.includes('/weeks/') || p === '/api/auth/me' || p === `/api/contracts/${contractId}`)).toEqual([]);

  await page.getByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d, / }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page).toHaveURL(/[?&]slot=/);
  expect(errors).toEqual([]);
  await context.close();
});

test('a reader who scrolls the server’s page before the dashboard takes over stays where they scrolled to', async ({ browser }) => {
  const { storageState, contractId } = await session(browser, 'client@demo.test');
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(diaryUrl(contractId), { waitUntil: 'commit' });
  await page.locator('#root > [inert] .slot').first().waitFor();
  // Scrolled while the page is still the server's (its scripts start only once it is painted).
  expect(await page.evaluate(() => (window.scrollTo(0, 1500), !!document.querySelector('#root > [inert]')))).toBe(true);
  await expect(page.locator('#root > [inert]')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(1500);
  // The grid has rendered the hours now on screen, and their thumbnails load.
  await expect.poll(() => thumbnailsOnScreenLoaded(page)).toBe(true);
  await context.close();
});

test('another company’s client gets no server render of Acme’s week, only “not found”', async ({ browser }) => {
  const acme = await session(browser, 'client@demo.test');
  const globex = await session(browser, 'client2@demo.test');
  const { context, page } = await withoutScripts(browser, globex.storageState);
  const res = await page.goto(diaryUrl(acme.contractId));
  expect(res?.status()).toBe(200);
  expect(await page.locator('#root').innerHTML()).toBe('');
  await expect(page.locator('#wd-first-render')).toHaveCount(0);
  await context.close();

  const live = await browser.newContext({ storageState: globex.storageState });
  const page2 = await live.newPage();
  await page2.goto(diaryUrl(acme.contractId));
  await expect(page2.getByText(/not found/i).first()).toBeVisible();
  await expect(page2.locator('.slot')).toHaveCount(0);
  await live.close();
});

test('a week in the browser’s own zone is rendered in the zone the dashboard left in its cookie, and not without it', async ({ browser }) => {
  const { storageState, contractId } = await session(browser, 'client@demo.test');
  // The dashboard (scripts on, in session()) left the browser's zone for the server.
  expect(storageState.cookies.find((c) => c.name === 'wd_tz')?.value).toBe(encodeURIComponent('Europe/Berlin'));
  const { context, page } = await withoutScripts(browser, storageState);
  await page.goto(diaryUrl(contractId, 'local'));
  await expect(page.locator('.tz-select select option[selected]')).toHaveText(/Your time · Europe\/Berlin/);
  await expect(page.locator('.slot').first()).toBeVisible();
  await context.close();

  const withoutZone = { ...storageState, cookies: storageState.cookies.filter((c) => c.name !== 'wd_tz') };
  const plain = await withoutScripts(browser, withoutZone);
  await plain.page.goto(diaryUrl(contractId, 'local'));
  expect(await plain.page.locator('#root').innerHTML()).toBe('');
  await plain.context.close();
});
