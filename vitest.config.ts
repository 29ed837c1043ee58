import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/__tests__/**/*.test.ts', 'src/**/__tests__/**/*.test.{ts,tsx}', 'contract/**/__tests__/**/*.test.ts', 'tracker/**/__tests__/**/*.test.ts', 'verify/**/__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at once, whatever the machine: most of a file's time is spent waiting on
    // PostgreSQL, child servers and s3rver, so a 2-core machine runs two well (one would leave
    // CI above 20 minutes).
    maxWorkers: 2,
  },
});
