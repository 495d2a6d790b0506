import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Deterministic: no network, no clock, no retries that hide flakiness.
    retry: 0,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
