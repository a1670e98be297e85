// Identity test data, for tests only: import it as `@kooperant/identity/testing` (never through the lib's index).
export * from './identity.factories';
