import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/__tests__/**/*.test.ts', 'src/**/__tests__/**/*.test.{ts,tsx}', 'contract/**/__tests__/**/*.test.ts', 'tracker/**/__tests__/**/*.test.ts', 'verify/**/__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
