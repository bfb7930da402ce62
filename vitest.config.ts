import { defineConfig } from 'vitest/config';

/**
 * Four projects, chosen by scripts/test.mjs according to what the machine has:
 * pure unit tests; storage and API tests on embedded PGlite; the same on a real PostgreSQL;
 * browser tests in Debian's Chromium.
 */
const dbTests = ['src/**/*.db.test.ts'];
/** Tests of what only a PostgreSQL server does (several processes on one database). */
const postgresTests = ['src/**/*.postgres.test.ts'];
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default on a two-core machine is one worker (cores − 1), so every file waited for the
    // previous one, its imports included: measured 1,267 of 2,951 s with no test running. Two
    // workers overlap one file's imports and database start with another's tests.
    maxWorkers: 2,
    // Inline projects do not inherit these: each project below sets its own.
    projects: [
      {
        test: {
          name: 'unit',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...dbTests, ...postgresTests, 'src/**/*.browser.test.ts', '**/node_modules/**'],
          setupFiles: ['src/test-support/fast-check-seed.ts'],
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: dbTests,
          env: { KENCOT_TEST_DB: 'pglite' },
          globalSetup: ['src/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db-postgres',
          include: [...dbTests, ...postgresTests],
          env: { KENCOT_TEST_DB: 'postgres' },
          globalSetup: ['src/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts', 'web/**/*.browser.test.ts'],
          globalSetup: ['src/test-support/global-setup.ts'],
          env: { KENCOT_TEST_DB: 'pglite' },
          testTimeout: 120_000,
          // Inline projects do not inherit the root's timeouts: starting the server and Chromium
          // in beforeAll takes over vitest's default 10 s on a busy two-core machine.
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
