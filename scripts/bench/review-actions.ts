// How fast the dashboard shows the result of the two review decisions, in Chromium: from the
// confirming click to the change on screen (both are optimistic: the page does not wait for
// the server). Measured inside the page: a capturing click listener stamps the click, a
// MutationObserver stamps the first frame where the result is in the DOM.
import type { Browser, Page } from 'playwright-core';
import type { ApiServer } from './api.ts';
import { BENCH } from './data.ts';

export interface ReviewActionFigures {
  disputeMs: number | null;
  approveMs: number | null;
  error?: string;
}

/** Arms the page: resolves with ms from the next click on `clickSelector` until `done()` holds. */
async function timeFromClick(page: Page, clickSelector: string, doneScript: string, click: () => Promise<void>): Promise<number> {
  // A string, not a function: the bundler would add helpers the page does not have.
  await page.evaluate(`(() => {
    let clickedAt = null;
    window.__benchResult = new Promise((resolve, reject) => {
      document.addEventListener('click', (e) => {
        if (e.target && e.target.closest && e.target.closest(${JSON.stringify(clickSelector)})) clickedAt = e.timeStamp;
      }, { capture: true });
      const observer = new MutationObserver(() => {
        if (clickedAt !== null && (${doneScript})) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - clickedAt));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => reject(new Error('no result within 10 s')), 10000);
    });
  })()`);
  await click();
  return page.evaluate('window.__benchResult') as Promise<number>;
}

export async function benchReviewActions(browser: Browser, server: ApiServer, contractId: string): Promise<ReviewActionFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const out: ReviewActionFigures = { disputeMs: null, approveMs: null };
  let step = 'setup';
  try {
    await context.addCookies([{ name: 'wd_session', value: server.cookie.split('=')[1]!, url: server.base }]);
    const page = await context.newPage();
    const base = `${server.base}/contracts/${encodeURIComponent(contractId)}`;

    step = 'dispute';
    // Dispute: flag the first billable slot of the review queue, confirm in the dialog; the
    // slot shows "held".
    await page.goto(`${base}/review?week=${BENCH.week}&tz=utc`, { waitUntil: 'networkidle' });
    await page.getByRole('listbox').first().waitFor({ timeout: 15_000 });
    await page.locator('body').press('f');
    await page.getByRole('button', { name: /^Dispute 1 flagged slot/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select').selectOption('low_activity');
    await dialog.locator('textarea').fill('Benchmark: is this work?');
    const heldBefore = await page.locator('[class*="--held"]').count();
    out.disputeMs = await timeFromClick(page, 'button[type=submit]', `document.querySelectorAll('[class*="--held"]').length > ${heldBefore}`, () =>
      dialog.locator('button[type=submit]').click(),
    );
    await page.waitForLoadState('networkidle');

    step = 'approve';
    // Approve: the timesheet's confirm dialog; the badge turns "Approved".
    await page.goto(`${base}/timesheet?week=${BENCH.week}&tz=utc`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Approve timesheet' }).click();
    out.approveMs = await timeFromClick(
      page,
      '.btn--primary',
      `/Approved/.test(document.querySelector('[data-testid="week-status"]')?.textContent ?? '')`,
      () => page.getByRole('alertdialog').getByRole('button', { name: 'Approve the week' }).click(),
    );
    await page.waitForLoadState('networkidle');
  } catch (err) {
    out.error = `${step}: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    await context.close();
  }
  return out;
}
