// A contractor gets the tracker the way the Trackers page says: the install command it shows
// fetches the package from this server (no registry name involved), npm installs it and its
// dependencies into a fresh prefix, and the installed command runs. The package's own
// dependencies come from the npm registry, so this needs the network (CI has it).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const run = promisify(execFile);

test('the install command on the Trackers page installs a working tracker from this server', async ({ page, baseURL, request }) => {
  test.setTimeout(300_000);
  await signIn(page, 'designer@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trackers' }).click();
  const install = page.getByRole('region', { name: 'Install the tracker' });
  await expect(install).toBeVisible();
  const command = await install.getByLabel('Install command').inputValue();
  const url = `${baseURL}/downloads/workdiary-tracker.tgz`;
  expect(command).toBe(`npm install -g ${url}`);
  await expect(install.getByRole('link', { name: 'download the package' })).toHaveAttribute('href', url);
  expect(await page.content()).not.toContain('npx workdiary-tracker');

  // npm sends no cookie: the package is public (the token is what authorizes uploads).
  const anonymous = await request.get(url, { headers: { cookie: '' } });
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()['content-type']).toBe('application/gzip');

  // Exactly the page's command, with a temporary prefix instead of the user's global one.
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-tracker-install-'));
  try {
    const [npm, ...args] = command.split(' ');
    const started = Date.now();
    await run(npm!, [...args, '--prefix', prefix, '--no-audit', '--no-fund'], { timeout: 240_000, shell: process.platform === 'win32' });
    test.info().annotations.push({ type: 'npm install', description: `${Math.round((Date.now() - started) / 1000)} s` });

    const bin = path.join(prefix, process.platform === 'win32' ? 'workdiary-tracker.cmd' : path.join('bin', 'workdiary-tracker'));
    const help = await run(bin, ['--help'], { timeout: 60_000, shell: process.platform === 'win32' });
    expect(help.stdout).toContain('Usage: workdiary-tracker --server URL --token TOKEN [options]');
    expect(help.stdout).toContain("--token TOKEN      the tracker token from the dashboard's Trackers page");
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
});
