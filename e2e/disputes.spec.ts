// A dispute from start to end, as the three people involved see it: the client flags two
// slots (through the API, as the diary would), the contractor accepts one and contests the
// other, the admin resolves the contested one for the contractor (confirming the amount), and
// the client finds one slot refunded, one billable, and every step in the audit trail.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD as PASSWORD, signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16'; // the week before the e2e clock's (Wednesday 25 Nov): in review
const SLOT_STATES = ['deleted', 'refunded', 'held', 'inactive', 'over_limit', 'billable'];

/** A browser of one's own for each person, signed in. */
async function signInAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** How the dispute page names a slot in the browser's zone (Europe/Berlin): "Mon 16 Nov, 09:30–09:40". */
function slotLabel(start: string): string {
  const t = Date.parse(start);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', day: 'numeric', month: 'short' }).format(t);
  const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  return `${day.replace(',', '')}, ${clock(t)}\u2013${clock(t + 600_000)}`;
}

test('a dispute goes from the client to the contractor to the admin and back', async ({ browser, playwright, baseURL }) => {
  // --- The client flags two billable slots of the developer's contract (the diary's request).
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post('/api/auth/login', { data: { email: 'client@demo.test', password: PASSWORD } })).status()).toBe(200);
  const { contracts } = (await (await api.get('/api/contracts')).json()) as {
    contracts: { id: string; title: string; contractor: { email: string } }[];
  };
  const contract = contracts.find((c) => c.contractor.email === 'dev@demo.test')!;
  expect(contract, 'the developer’s contract').toBeTruthy();
  const week = (await (await api.get(`/api/contracts/${contract.id}/weeks/${WEEK}`)).json()) as {
    start: string;
    canDispute: boolean;
    slots: { offset: number[]; state: number[]; shot: number[] };
  };
  expect(week.canDispute).toBe(true);
  const billable = week.slots.offset
    .map((offset, i) => ({ offset, state: SLOT_STATES[week.slots.state[i]!], shot: week.slots.shot[i] }))
    .filter((s) => s.state === 'billable' && s.shot === 1)
    .slice(0, 2)
    .map((s) => new Date(Date.parse(week.start) + s.offset * 600_000).toISOString());
  expect(billable).toHaveLength(2);
  const [accepted, contested] = billable as [string, string];
  const created = await api.post('/api/disputes', {
    data: {
      slots: billable.map((start) => ({ contractId: contract.id, start })),
      reason: 'not_work_related',
      comment: 'These two slots show a news site, not the planner.',
    },
  });
  expect(created.status()).toBe(201);
  const disputeId = ((await created.json()) as { id: string }).id;
  await api.dispose();

  // --- The contractor finds it waiting for an answer, accepts one slot and contests the other.
  const dev = await signInAs(browser, 'dev@demo.test');
  await dev.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await expect(dev.getByRole('heading', { level: 2, name: /Needs your answer/ })).toBeVisible();
  // (The demo has disputes of its own; ours is found by its link.)
  const row = dev.locator(`a[href="/disputes/${disputeId}"]`);
  await expect(row).toContainText('2 waiting for your answer');
  await expect(row).toContainText(/Answer by .*\b3 days left|2 days 23 hours left/);
  await row.click();
  await expect(dev).toHaveURL(new RegExp(`/disputes/${disputeId}$`));
  await expect(dev.getByText('Your answer is due')).toBeVisible();
  await expect(dev.getByText(/^(3 days|2 days 23 hours) left$/)).toBeVisible();

  const devSlot = (start: string) => dev.getByRole('listitem', { name: slotLabel(start) });
  await expect(devSlot(accepted).locator('img')).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => devSlot(accepted).locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  await devSlot(accepted).getByRole('button', { name: /^Accept .* \(refund\)$/ }).click();
  await devSlot(accepted).getByRole('button', { name: 'Yes, refund it' }).click();
  await expect(devSlot(accepted)).toContainText('Accepted — refunded');
  await expect(devSlot(accepted)).toContainText('Refunded');

  await devSlot(contested).getByRole('button', { name: /^Contest / }).click();
  // A contest needs a reply: sending none is stopped with a reason, next to the box.
  await devSlot(contested).getByRole('button', { name: 'Contest slot' }).click();
  await expect(devSlot(contested).getByRole('alert')).toContainText('Write why this time should be paid');
  await devSlot(contested).getByLabel(/Your reply/).fill('I was reading the motion-planning paper linked in the ticket.');
  await devSlot(contested).getByRole('button', { name: 'Contest slot' }).click();
  await expect(devSlot(contested)).toContainText('Contested');
  await expect(devSlot(contested)).toContainText('I was reading the motion-planning paper');
  // Every slot answered, one contested: the dispute goes to an admin.
  await expect(dev.getByRole('heading', { level: 1 }).locator('..')).toContainText('Escalated');
  await expect(devSlot(contested).getByRole('button', { name: /^Contest / })).toHaveCount(0);
  await dev.context().close();

  // --- The admin opens the escalated queue and resolves the contested slot for the contractor.
  const admin = await signInAs(browser, 'admin@demo.test');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await expect(admin.getByRole('button', { name: 'Escalated', pressed: true })).toBeVisible();
  // The queue is worked oldest first: the demo's escalated dispute, then ours.
  const queue = admin.getByRole('list', { name: 'Disputes' }).getByRole('link');
  await expect(queue).toHaveCount(2);
  await expect(queue.last()).toHaveAttribute('href', `/disputes/${disputeId}`);
  const queued = queue.last();
  await expect(queued).toContainText('1 to resolve');
  await queued.click();
  await expect(admin).toHaveURL(new RegExp(`/disputes/${disputeId}$`));
  const adminSlot = (start: string) => admin.getByRole('listitem', { name: slotLabel(start) });
  await expect(adminSlot(contested)).toContainText('I was reading the motion-planning paper');
  // The accepted slot is decided: there is nothing to resolve on it.
  await expect(adminSlot(accepted).getByRole('button', { name: /^Resolve / })).toHaveCount(0);
  await adminSlot(contested).getByLabel(/Note to both parties/).fill('The paper is part of the ticket; the time is work.');
  // Money moves for good: the decision is confirmed, with what one slot is worth (65.00 USD/h ÷ 6).
  const forContractor = adminSlot(contested).getByRole('button', { name: /for the contractor \(billable\)$/ });
  await forContractor.click();
  const confirm = admin.getByRole('alertdialog', { name: 'Resolve for the contractor?' });
  await expect(confirm).toContainText('The contractor is paid $10.83');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(adminSlot(contested)).not.toContainText('Resolved for contractor');
  await adminSlot(contested).getByRole('button', { name: /for the client \(refunded\)$/ }).click();
  await expect(admin.getByRole('alertdialog', { name: 'Resolve for the client?' })).toContainText('The client is refunded $10.83');
  await admin.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await forContractor.click();
  await confirm.getByRole('button', { name: 'Pay $10.83' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(adminSlot(contested)).toContainText('Resolved for contractor — billable');
  await expect(adminSlot(contested)).toContainText('The paper is part of the ticket');
  await expect(admin.getByRole('heading', { level: 1 }).locator('..')).toContainText('Settled');
  // Settled disputes leave the queue.
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await expect(queue).toHaveCount(1);
  await expect(admin.locator(`a[href="/disputes/${disputeId}"]`)).toHaveCount(0);
  await admin.context().close();

  // --- The client sees the outcome: one slot refunded, one billable, and how it came to be.
  const client = await signInAs(browser, 'client@demo.test');
  await client.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await client.getByRole('button', { name: 'Settled' }).click();
  await expect(client).toHaveURL(/[?&]status=settled/);
  await client.locator(`a[href="/disputes/${disputeId}"]`).click();
  const clientSlot = (start: string) => client.getByRole('listitem', { name: slotLabel(start) });
  await expect(clientSlot(accepted)).toContainText('Refunded');
  await expect(clientSlot(accepted)).toContainText('Accepted — refunded');
  await expect(clientSlot(contested)).toContainText('Billable');
  await expect(clientSlot(contested)).toContainText('Resolved for contractor — billable');
  await expect(client.getByText('Withdraw dispute')).toHaveCount(0);

  const trail = client.getByRole('list', { name: 'Audit trail' }).locator(':scope > li');
  await expect(trail).toHaveCount(6);
  const steps = (await trail.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
  expect(steps[0]).toMatch(/Alice Client \(client\) · Opened the dispute/);
  expect(steps[1]).toMatch(/\(contractor\) · Accepted a slot.*Slot Mon 16 Nov/);
  expect(steps[2]).toMatch(/\(contractor\) · Contested a slot.*status: Open → Contested/);
  expect(steps[3]).toMatch(/\(contractor\) · Escalated the dispute.*status: Open → Escalated/);
  expect(steps[4]).toMatch(/\(admin\) · Resolved a slot.*Resolved for contractor — billable/);
  expect(steps[5]).toMatch(/\(admin\) · Settled the dispute/);
  await client.context().close();
});

test('the client withdraws a dispute after a confirmation, and its slots are billable again', async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  await api.post('/api/auth/login', { data: { email: 'client@demo.test', password: PASSWORD } });
  const { contracts } = (await (await api.get('/api/contracts')).json()) as { contracts: { id: string; contractor: { email: string } }[] };
  const contract = contracts.find((c) => c.contractor.email === 'designer@demo.test')!;
  const week = (await (await api.get(`/api/contracts/${contract.id}/weeks/${WEEK}`)).json()) as {
    start: string;
    slots: { offset: number[]; state: number[] };
  };
  const start = week.slots.offset
    .map((offset, i) => ({ offset, state: SLOT_STATES[week.slots.state[i]!] }))
    .filter((s) => s.state === 'billable')
    .map((s) => new Date(Date.parse(week.start) + s.offset * 600_000).toISOString())[0]!;
  const created = await api.post('/api/disputes', { data: { slots: [{ contractId: contract.id, start }], reason: 'memo_missing_or_wrong', comment: '' } });
  expect(created.status()).toBe(201);
  const disputeId = ((await created.json()) as { id: string }).id;
  await api.dispose();

  const client = await signInAs(browser, 'client@demo.test');
  await client.goto(`/disputes/${disputeId}`);
  const slot = client.getByRole('listitem', { name: slotLabel(start) });
  await expect(slot).toContainText('Held');
  await client.getByRole('button', { name: 'Withdraw dispute' }).click();
  const dialog = client.getByRole('alertdialog', { name: 'Withdraw this dispute?' });
  await expect(dialog).toContainText('The slot still held becomes billable again');
  await expect(dialog).toContainText('the slot cannot be disputed again');
  // Esc keeps the dispute.
  await client.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(slot).toContainText('Held');

  await client.getByRole('button', { name: 'Withdraw dispute' }).click();
  await dialog.getByRole('button', { name: 'Withdraw dispute' }).click();
  await expect(dialog).toBeHidden();
  await expect(slot).toContainText('Withdrawn — billable');
  await expect(slot).toContainText('Billable');
  await expect(client.getByRole('heading', { level: 1 }).locator('..')).toContainText('Withdrawn');
  await expect(client.getByRole('button', { name: 'Withdraw dispute' })).toHaveCount(0);

  // The thread stays open to both parties.
  await client.getByLabel('Add a comment').fill('Withdrawn: the memo was fixed in the ticket.');
  await client.getByRole('button', { name: 'Post comment' }).click();
  await expect(client.getByRole('region', { name: /Conversation/ }).getByRole('listitem')).toContainText(['Withdrawn: the memo was fixed in the ticket.']);
  await expect(client.getByLabel('Add a comment')).toHaveValue('');
  await client.context().close();
});

test('the disputes pages fit a 375 px wide phone', async ({ browser }) => {
  const client = await signInAs(browser, 'client@demo.test');
  await client.setViewportSize({ width: 375, height: 740 });
  await client.goto('/disputes?status=all');
  await expect(client.getByRole('heading', { level: 1, name: 'Disputes' })).toBeVisible();
  // The chosen filter, last of the chips, is scrolled into view rather than left off the screen.
  const all = client.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'All', exact: true });
  await expect(all).toHaveAttribute('aria-pressed', 'true');
  await expect(all).toBeInViewport({ ratio: 0.9 });
  await expect(client.getByRole('link', { name: /Motion planning|design/i }).first()).toBeVisible();
  expect(await client.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await client.getByRole('link', { name: /Motion planning|design/i }).first().click();
  await expect(client.getByRole('heading', { name: /Disputed slots/ })).toBeVisible();
  expect(await client.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await client.context().close();
});
