// Ask before you dispute: the client asks about a slot in the lightbox, the question waits on
// both home pages, the contractor follows it to the slot and answers it, and the client reads
// the answer and closes it.
// The slot stays billable throughout: a question holds no money.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './support/sign-in.ts';

const WEEK = '2026-11-23'; // the e2e clock's week (Wednesday 25 Nov)
const SLOT_STATES = ['deleted', 'refunded', 'held', 'inactive', 'over_limit', 'billable'];

/** A browser of one's own, signed in on the login page (whatever home page follows). */
async function signInAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

test('a client asks about a slot, the contractor answers, the client reads it and closes it', async ({ browser }) => {
  const client = await signInAs(browser, 'client@demo.test');
  const { contracts } = (await (await client.request.get('/api/contracts')).json()) as { contracts: { id: string; contractor: { email: string } }[] };
  const contract = contracts.find((c) => c.contractor.email === 'dev@demo.test')!;
  expect(contract, 'the developer’s contract').toBeTruthy();
  const week = (await (await client.request.get(`/api/contracts/${contract.id}/weeks/${WEEK}`)).json()) as {
    start: string;
    slots: { offset: number[]; state: number[]; shot: number[] };
  };
  // A billable tracked slot nobody asked about yet.
  let start = '';
  for (let i = week.slots.offset.length - 1; i >= 0 && !start; i--) {
    if (SLOT_STATES[week.slots.state[i]!] !== 'billable' || week.slots.shot[i] !== 1) continue;
    const candidate = new Date(Date.parse(week.start) + week.slots.offset[i]! * 600_000).toISOString();
    const thread = (await (await client.request.get(`/api/contracts/${contract.id}/slots/${candidate}/questions`)).json()) as { questions: unknown[] };
    if (thread.questions.length === 0) start = candidate;
  }
  expect(start, 'a billable slot without questions').not.toBe('');
  const slotState = async (page: Page) => ((await (await page.request.get(`/api/contracts/${contract.id}/slots/${start}`)).json()) as { state: string }).state;
  const diary = `/contracts/${contract.id}/diary?week=${WEEK}&slot=${encodeURIComponent(start)}`;

  // --- The client asks in the lightbox.
  await client.goto(diary);
  const box = client.getByRole('dialog');
  const questions = box.getByRole('region', { name: /^Questions/ });
  await questions.getByLabel('Ask the contractor about this slot').fill('Which ticket was this for?');
  await questions.getByRole('button', { name: 'Ask question' }).click();
  await expect(questions.getByRole('heading', { name: 'Questions (1)' })).toBeVisible();
  await expect(questions.locator('.question__body', { hasText: 'Which ticket was this for?' })).toBeVisible();
  await expect(questions.getByText('Waiting on the contractor')).toBeVisible();
  // One question at a time: no second box to ask in while this one is open.
  await expect(questions.getByLabel('Ask the contractor about this slot')).toHaveCount(0);
  expect(await slotState(client)).toBe('billable');

  // --- Unanswered, it waits on the client's home page too, and on the contractor's.
  await client.goto('/');
  const clientItem = client.getByRole('region', { name: /Needs your review/ }).getByRole('link', { name: /Question .*Which ticket was this for\?/ });
  await expect(clientItem).toContainText('Unanswered');

  // --- The contractor follows the question from their home page to the slot, and answers it.
  const dev = await signInAs(browser, 'dev@demo.test');
  await dev.goto('/');
  await dev.getByRole('region', { name: /Waiting on your answer/ }).getByRole('link', { name: /Question .*Which ticket was this for\?/ }).click();
  await expect(dev).toHaveURL(new RegExp(`[?&]slot=${encodeURIComponent(start).replace(/[.]/g, '[.]')}`));
  const devQuestions = dev.getByRole('dialog').getByRole('region', { name: /^Questions/ });
  await expect(devQuestions.locator('.question__body', { hasText: 'Which ticket was this for?' })).toBeVisible();
  await expect(devQuestions.getByText('Waiting on the contractor')).toBeVisible();
  await expect(devQuestions.getByRole('button', { name: 'Close question' })).toHaveCount(0);
  // An empty answer is refused before it is sent.
  await devQuestions.getByRole('button', { name: 'Send answer' }).click();
  await expect(devQuestions.getByRole('alert')).toHaveText('Write something first.');
  await devQuestions.getByLabel('Your answer').fill('WD-142: the planner refactor.');
  await devQuestions.getByRole('button', { name: 'Send answer' }).click();
  await expect(devQuestions.locator('.question__body', { hasText: 'WD-142: the planner refactor.' })).toBeVisible();
  // Sent, the box is empty again for a follow-up.
  await expect(devQuestions.getByRole('textbox')).toHaveValue('');
  await expect(devQuestions.getByText('Answered', { exact: true })).toBeVisible();

  // --- Answered, it leaves the client's home page; the client reads the answer and closes it.
  await client.reload();
  await expect(clientItem).toHaveCount(0);
  await client.goto(diary);
  await expect(questions.locator('.question__body', { hasText: 'WD-142: the planner refactor.' })).toBeVisible();
  await expect(questions.getByText('Answered', { exact: true })).toBeVisible();
  await questions.getByRole('button', { name: 'Close question' }).click();
  await expect(questions.getByText('Closed', { exact: true })).toBeVisible();
  await expect(questions.getByLabel('Ask the contractor about this slot')).toBeVisible();
  expect(await slotState(client)).toBe('billable');
  await dev.context().close();
  await client.context().close();
});
