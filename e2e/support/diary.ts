// Opening a diary link directly. The server may send the week's first screen rendered (inert)
// before the dashboard takes it over (server/services/diary-page.ts); a test that clicks or
// types waits for the live page, as a person waits for a page to answer.
import { expect, type Page } from '@playwright/test';

export async function openDiaryLink(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('#root > [inert]')).toHaveCount(0);
}
