// Browser tests: the built dashboard and the real server on a fresh embedded database with
// the demo seeded at a fixed clock, driven in Debian's Chromium.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4311);
export const E2E_NOW = '2026-11-25T15:00:00.000Z'; // a Wednesday afternoon
const dataDir = path.join(os.tmpdir(), `workdiary-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `rm -rf "${dataDir}" && node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 420_000, // the demo seed draws ~1,700 screenshots; on a busy 2-core machine that can take minutes
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKDIARY_DATA_DIR: dataDir,
      WORKDIARY_NOW: E2E_NOW,
      WORKDIARY_DEMO: '1',
      DATABASE_URL: '',
      // The webhooks spec posts to a receiver on this machine.
      WORKDIARY_WEBHOOK_ALLOW_PRIVATE: '1',
    },
  },
});
