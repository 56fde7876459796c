import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    globalSetup: ['src/server/test/pglite-template.ts'],
    setupFiles: ['src/server/test/guard-setup.ts'],
    // Cheap argon2 for the accounts the set-ups create (only under NODE_ENV=test; see core/auth/password.ts).
    env: { SKILLMONTH_TEST_ARGON2: 'cheap' },
  },
});
