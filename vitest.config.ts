import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/store/postgresGlobalSetup.ts'],
    setupFiles: ['tests/setup/fastCheckSeed.ts'],
  },
});
