export * from './lib/test-env';
export * from './lib/admin-sql';
export * from './lib/test-app';
export * from './lib/domain-error';
export * from './lib/settles-within';
export * from './lib/db-helpers';
export * from './lib/test-queue';
