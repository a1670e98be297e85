// Orders test data, for tests only: import it as `@kooperant/orders/testing` (never through the lib's index).
export * from '../lib/testing/orders.factories';
