// `npm test`: every test. Unit and API tests (vitest; on PostgreSQL too when
// TEST_DATABASE_URL is set), then the dashboard build and the browser tests (Playwright in
// Chromium). Without a Chromium the browser tests are skipped with a message, except
// under CI=true, where a missing browser or database fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true';
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const bin = (p) => path.join(root, 'node_modules', p);

if (ci && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true needs TEST_DATABASE_URL (a PostgreSQL database for the API tests).');
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) console.log('TEST_DATABASE_URL is not set: API tests run on embedded PGlite only.');

run([bin('vitest/vitest.mjs'), 'run']);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const msg = `No Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (ci) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`${msg} Browser tests skipped.`);
  process.exit(0);
}
run([bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([bin('@playwright/test/cli.js'), 'test']);
