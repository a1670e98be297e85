/** Libraries against real PostgreSQL and Redis: one database per Jest worker, cloned from a migrated template. */
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'int',
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  // Global setup runs outside Jest's module mapping: use the swc build (npm test builds first).
  globalSetup: '<rootDir>/dist/libs/platform/testing/src/lib/int-global-setup.js',
  globalTeardown: '<rootDir>/dist/libs/platform/testing/src/lib/int-global-teardown.js',
  testTimeout: 30_000,
};
