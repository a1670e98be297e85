/** GraphQL over HTTP against a running gateway and worker (started once by the global setup). */
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/apps/gateway-e2e/**/*.e2e-spec.ts'],
  // Global setup and teardown run outside Jest's module mapping: use the swc build (npm test builds first).
  globalSetup: '<rootDir>/dist/apps/gateway-e2e/src/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/apps/gateway-e2e/src/support/global-teardown.js',
  testTimeout: 30_000,
  // The suites talk to processes the global setup owns (and stops in the teardown); a client a failed test left open
  // must not keep Jest waiting after the run (it waited ~30 s after every run, and for good after some failures).
  forceExit: true,
};
