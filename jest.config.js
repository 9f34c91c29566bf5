/** Integration suites: real PostgreSQL, a real Temporal dev server, the API and worker as real processes. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 90_000,
  // every suite shares one stack; running them in one process keeps a 2-core machine from thrashing
  maxWorkers: 1,
};
