// `npm test`: every test. Unit and API tests (vitest; on PostgreSQL too when
// TEST_DATABASE_URL is set), and the browser tests (Playwright in Chromium, on the built
// dashboard) at the same time: most of either's time is spent waiting on servers, databases
// and the browser, so a 2-core machine runs both at once in far less than one after the other.
// The browser tests' output is kept and printed after the unit tests', so neither is
// interleaved. Without a Chromium the browser tests are skipped with a message, except under
// CI=true, where a missing browser or database fails the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const bin = (p) => path.join(root, 'node_modules', p);

if (ci && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true needs TEST_DATABASE_URL (a PostgreSQL database for the API tests).');
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) console.log('TEST_DATABASE_URL is not set: API tests run on embedded PGlite only.');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser = null;
if (fs.existsSync(chromium)) {
  const build = spawnSync(process.execPath, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  browser = new Promise((resolve) => {
    const child = spawn(process.execPath, [bin('@playwright/test/cli.js'), 'test'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
} else {
  const msg = `No Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (ci) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`${msg} Browser tests skipped.`);
}

const unit = await new Promise((resolve) => {
  const child = spawn(process.execPath, [bin('vitest/vitest.mjs'), 'run'], { cwd: root, stdio: 'inherit', env: process.env });
  child.on('close', (code) => resolve(code ?? 1));
});

let failed = unit !== 0;
if (browser) {
  console.log('\nBrowser tests (run alongside the unit tests):');
  const { code, output } = await browser;
  process.stdout.write(output);
  failed ||= code !== 0;
}
process.exit(failed ? 1 : 0);
