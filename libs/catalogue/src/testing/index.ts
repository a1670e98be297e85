// Catalogue test data, for tests only: import it as `@kooperant/catalogue/testing` (never through the lib's index).
export * from '../lib/testing/catalogue.factories';
