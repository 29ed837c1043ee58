// A client adds a webhook to a receiver this spec starts on 127.0.0.1, sends a test, and sees
// it delivered in the log; the receiver verifies the Standard Webhooks signature with the secret
// the page showed. The server must run with WORKDIARY_WEBHOOK_ALLOW_PRIVATE=1 (a local receiver).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { signIn } from './support/sign-in.ts';

test.describe.configure({ mode: 'serial' });

interface Got {
  body: string;
  headers: Record<string, string>;
}

test('a client adds a webhook, sends a test, and sees it delivered and verified', async ({ page }) => {
  const got: Got[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ body, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/workdiary`;
  try {
    await signIn(page, 'client@demo.test');
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await expect(page).toHaveURL(/\/company\/webhooks$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Endpoint URL').fill(url);
    // Every kind is chosen to start with; "Clear all", then pick two.
    await form.getByRole('button', { name: 'Clear all' }).click();
    await expect(form.getByRole('button', { name: 'Add webhook' })).toBeDisabled();
    await form.getByLabel('A week is ready for review').check();
    await form.getByLabel('A contractor answered a dispute').check();
    await form.getByRole('button', { name: 'Add webhook' }).click();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: url }) });
    await expect(card.getByText('Enabled', { exact: true })).toBeVisible();
    await expect(card.getByText('2 of 13 events')).toBeVisible();
    await card.getByRole('button', { name: 'Show' }).click();
    const secret = await card.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    await card.getByRole('button', { name: 'Send test' }).click();
    const log = card.getByRole('list', { name: 'Delivery log' });
    await expect(log.getByRole('listitem', { name: 'Test event: Delivered' })).toBeVisible({ timeout: 20_000 });
    await expect(log.getByText('HTTP 204')).toBeVisible();

    expect(got).toHaveLength(1);
    const payload = new Webhook(secret).verify(got[0]!.body, got[0]!.headers) as { type: string; data: { company: string } };
    expect(payload).toMatchObject({ type: 'test', data: { company: 'Acme Robotics' } });

    // Delete asks first.
    await card.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this webhook?' });
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await expect(page.getByRole('heading', { name: url })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
