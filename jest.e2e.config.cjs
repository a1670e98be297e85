/** GraphQL over HTTP against a running gateway and worker (started once by the global setup). */
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/apps/gateway-e2e/**/*.e2e-spec.ts'],
  // Global setup and teardown run outside Jest's module mapping: use the swc build (npm test builds first).
  globalSetup: '<rootDir>/dist/apps/gateway-e2e/src/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/apps/gateway-e2e/src/support/global-teardown.js',
  testTimeout: 30_000,
};
