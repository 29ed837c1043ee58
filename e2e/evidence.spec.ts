// The proof, end to end: the client approves a week in the browser and the server seals it; the
// week's evidence pack downloads from the timesheet and verifies offline, with the fingerprint the
// timesheet shows; one byte flipped in one screenshot names that slot; a memo edited by hand in
// the database is named by `npm run admin -- verify-chain`. The spec runs its own demo server
// (the shared one's data stays as other specs expect it), and stops it before the admin command
// opens its database: embedded PGlite admits one process at a time.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { E2E_NOW } from '../playwright.config.ts';
import { flipByte, readZip } from '../verify/src/__tests__/support/zip-files.ts';
import { useOwnDemoServer } from './support/own-server.ts';
import { signIn } from './support/sign-in.ts';

const WEEK = '2026-11-16'; // in review at E2E_NOW; the writer's has no dispute, so approving it is final
const server = useOwnDemoServer({ portOffset: 2, now: E2E_NOW, name: 'evidence' });

/** A command as a person runs it from the repository, with its exit code and what it printed. */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { env, timeout: 120_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` }));
  });
}

const verify = (file: string) => run(['exec', '-w', 'verify', '--', 'workdiary-verify', file]);

test('an approved week’s pack verifies offline; a flipped screenshot byte and a hand-edited memo are named', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, 'client2@demo.test');
  const { contracts } = (await (await page.request.get('/api/contracts')).json()) as { contracts: { id: string; contractor: { email: string } }[] };
  const contractId = contracts.find((c) => c.contractor.email === 'writer@demo.test')!.id;

  // The client approves the week in the browser; the approval is final, so the server seals it.
  await page.goto(`/contracts/${contractId}/timesheet?week=${WEEK}&tz=utc`);
  await expect(page.getByTestId('week-status')).toHaveText('In review');
  await page.getByRole('button', { name: 'Approve timesheet' }).click();
  await page.getByRole('alertdialog', { name: /^Approve the week of 16–22 Nov 2026/ }).getByRole('button', { name: 'Approve the week' }).click();
  await expect(page.getByTestId('week-status')).toHaveText('Approved · locked');
  // The fingerprint the client keeps, outside the server.
  await expect(page.getByTestId('seal-fingerprint')).toHaveText(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
  const fingerprint = (await page.getByTestId('seal-fingerprint').textContent())!;

  // The pack, downloaded from the timesheet; the verifier needs nothing but the file.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download evidence (.zip)' }).click();
  const pack = testInfo.outputPath('week.zip');
  await (await download).saveAs(pack);
  const zip = fs.readFileSync(pack);
  const valid = await verify(pack);
  expect(valid.output).toMatch(/^valid: \d+ slots, sealed 2026-11-25T\d\d:\d\d:\d\d\.\d{3}Z\n/);
  expect(valid.output).toContain(`seal fingerprint ${fingerprint}`);
  // The writer's tracker signed every slot with its device key, and each signature verifies.
  expect(valid.output).not.toContain('unsigned');
  expect(valid.code).toBe(0);

  // One byte of one screenshot flipped: the verifier names its slot.
  const manifest = JSON.parse((await readZip(zip)).get('manifest.json')!.toString()) as {
    receipts: { body: string }[];
    screenshots: { sha256: string; file: string | null }[];
  };
  const shot = manifest.screenshots.find((s) => s.file !== null)!;
  const slots = manifest.receipts.map((r) => JSON.parse(r.body) as { type: string; start: string; screenshotSha256: string | null });
  const { start } = slots.find((b) => b.type === 'slot' && b.screenshotSha256 === shot.sha256)!;
  const tampered = testInfo.outputPath('tampered.zip');
  fs.writeFileSync(tampered, await flipByte(zip, shot.file!));
  const invalid = await verify(tampered);
  expect(invalid.output).toContain(`slot ${start}: screenshot does not match its hash`);
  expect(invalid.code).toBe(1);

  // The same slot's memo edited by hand in the database: verify-chain names the slot.
  await server.stop();
  const db = new PGlite(path.join(server.dataDir(), 'pglite'));
  await db.query(`update slots set memo = 'Billed twice' where contract_id = $1 and start = $2`, [contractId, start]);
  await db.close();
  const { DATABASE_URL: _none, ...env } = process.env;
  const chain = await run(['run', 'admin', '--', 'verify-chain', '--contract', contractId], { ...env, WORKDIARY_DATA_DIR: server.dataDir() });
  expect(chain.output).toContain(`contract ${contractId}: slot ${start}: its memo in the database is not the one on its chain`);
  expect(chain.code).toBe(1);
});
