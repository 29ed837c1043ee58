// A client's settings: they change their name (the user menu shows it), turn on two-factor
// sign-in with a code made from the key the page shows, sign in again with the password and a
// code, and see this device among their sessions. At the end they put both back, so the specs
// that sign in as this user after this one find them as the demo made them.
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, signIn } from './support/sign-in.ts';

const EMAIL = 'client2@demo.test';
const NAME = 'Greg Client';
const NEW_NAME = 'Gregory E2E Client';

/** The code an authenticator shows `steps` 30-second steps from now. */
const codeOf = (secret: string, steps = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

const openSettings = async (page: Page) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
};

const saveName = async (page: Page, name: string) => {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.locator('.user-menu__name')).toHaveText(name);
};

let secret = '';

// A failure part-way must not leave the demo client with a second factor the specs after this
// one cannot pass: put the user back through the API, as the end of the test does in the page.
test.afterEach(async ({ playwright }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const login = await api.post('/api/auth/login', { data: { email: EMAIL, password: DEMO_PASSWORD } });
  if (login.status() === 202) {
    const { pendingToken } = (await login.json()) as { pendingToken: string };
    for (const steps of [0, 1, 2]) {
      if ((await api.post('/api/auth/login/code', { data: { pendingToken, code: codeOf(secret, steps) } })).ok()) break;
    }
    await api.post('/api/settings/totp/disable', { data: { password: DEMO_PASSWORD } });
  }
  await api.patch('/api/settings', { data: { name: NAME } });
  await api.dispose();
});

test('a client renames themselves, turns on two-factor sign-in and signs in with a code', async ({ page }, testInfo) => {
  await signIn(page, EMAIL);
  await openSettings(page);
  await saveName(page, NEW_NAME);

  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('settings-setup-1280.png'), fullPage: true });
  secret = await page.getByLabel('Setup key').inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A wrong code is refused, and two-factor sign-in stays off.
  await page.getByLabel('Code from the app').fill(codeOf(secret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('alert')).toContainText('This code is not right');
  await page.getByLabel('Code from the app').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-factor sign-in is on.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('settings-codes-1280.png'), fullPage: true });
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('Two-factor sign-in is on: signing in asks for a code')).toBeVisible();

  // Signed out, the password alone is not enough: the code step follows.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter the 6-digit code from your authenticator app')).toBeVisible();
  // The step the confirmation took is used: the next one signs in.
  await page.getByLabel('Code').fill(codeOf(secret, 1));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  await expect(page.locator('.user-menu__name')).toHaveText(NEW_NAME);

  await openSettings(page);
  const sessions = page.getByRole('list', { name: 'Your sessions' });
  await expect(sessions.getByRole('listitem').filter({ hasText: 'This device' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('settings-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath('settings-375.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back as the demo made them: two-factor sign-in off (with the password), the old name.
  await page.getByRole('button', { name: 'Use my password instead' }).click();
  await page.getByLabel('Your password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible();
  await saveName(page, NAME);
});
