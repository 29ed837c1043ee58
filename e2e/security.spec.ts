// The dashboard under its Content-Security-Policy (server/lib/security-headers.ts): every page
// and the API's documentation work with no inline script but the one the policy names by hash,
// and the browser reports no violation. And a memo that looks like a replacement pattern (`$'`)
// shows as written.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-23'; // the current week: the contractor may still edit its memos
const MEMO = "IFS=$'\\n' $' $& $` done";

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|CSP violation/i.test(m.text())) violations.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });
  return violations;
}

test('every page works under the policy, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const policy = (await page.request.get('/')).headers()['content-security-policy'];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);

  await signIn(page, 'dev@demo.test');
  await page.getByRole('link', { name: /Open diary for/ }).first().click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]+\/diary\?/);
  const contractId = new URL(page.url()).pathname.split('/')[2]!;

  // A memo with `$'`, `$&` and `` $` `` on the week's first slot that the contractor may edit.
  const week = await (await page.request.get(`/api/contracts/${contractId}/weeks/${WEEK}?tz=UTC`)).json();
  let edited = false;
  for (const offset of week.slots.offset as number[]) {
    const start = new Date(Date.parse(week.start) + offset * 600_000).toISOString();
    const res = await page.request.patch(`/api/contracts/${contractId}/slots/${start}`, { data: { memo: MEMO } });
    if (res.ok()) {
      edited = true;
      break;
    }
  }
  expect(edited).toBe(true);

  // The page is the built index.html, with no data in it; the dashboard shows the memo as written.
  const res = await page.goto(`/contracts/${contractId}/diary?week=${WEEK}&tz=utc`);
  const html = await res!.text();
  expect(html).toContain('<div id="root"></div>');
  expect(html).not.toContain('IFS=');
  await expect(page.getByText(MEMO, { exact: true }).first()).toBeVisible();

  // The other pages the dashboard has, each loaded afresh (its inline script runs each time).
  for (const path of ['/', '/trackers', `/contracts/${contractId}/diary?week=2026-11-16&tz=contractor`]) {
    await page.goto(path);
    await expect(page.locator('#root')).not.toBeEmpty();
  }
  // The last page's own week request (in the contractor's zone, asked once the contract is known)
  // may still be on its way; it must not be counted as the next page's.
  await page.waitForLoadState('networkidle');
  // The API's answers are no-store, and the page's preloads of them (API_PRELOAD_SCRIPT) still
  // serve the dashboard's own requests: each is asked for once.
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/') && asked.push(new URL(r.url()).pathname));
  await page.goto(`/contracts/${contractId}/diary?week=2026-11-16&tz=utc&day=2026-11-17`);
  await expect(page.locator('.slot').first()).toBeVisible();
  expect(asked.filter((p) => p === '/api/auth/me')).toHaveLength(1);
  expect(asked.filter((p) => p === `/api/contracts/${contractId}`)).toHaveLength(1);
  expect(asked.filter((p) => p === `/api/contracts/${contractId}/weeks/2026-11-16`)).toHaveLength(1);

  await page.goto('/api/docs');
  await expect(page.locator('.swagger-ui .info .title')).toContainText('workdiary API');
  await page.locator('.opblock-summary').first().click();
  await expect(page.locator('.opblock-body').first()).toBeVisible();

  expect(violations).toEqual([]);
});
