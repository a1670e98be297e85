import { DataSource } from 'typeorm';
import { createDataSourceOptions, MIGRATIONS } from '@kooperant/platform-database';
import { recreateDatabase } from './admin-sql';
import { databaseUrl, INT_TEMPLATE_DB } from './test-env';

/** Once per integration run: a freshly migrated template database that each test file clones. */
export default async function intGlobalSetup(): Promise<void> {
  await recreateDatabase(INT_TEMPLATE_DB);
  const ds = new DataSource(
    createDataSourceOptions({ url: databaseUrl(INT_TEMPLATE_DB), entities: [], migrations: MIGRATIONS, poolSize: 1 }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
