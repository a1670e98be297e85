import { DataSource } from 'typeorm';
import { createDataSourceOptions, MIGRATIONS } from '@kooperant/platform-database';
import { recreateDatabase } from './admin-sql';
import { databaseUrl, intTemplateDatabase } from './test-env';

/** Once per integration run: a freshly migrated template database that each test file clones. */
export default async function intGlobalSetup(): Promise<void> {
  // Inherited by the Jest workers: names this run's databases.
  process.env['KOOPERANT_TEST_RUN'] ??= `r${process.pid}`;
  const template = intTemplateDatabase();
  await recreateDatabase(template);
  const ds = new DataSource(
    createDataSourceOptions({ url: databaseUrl(template), entities: [], migrations: MIGRATIONS, poolSize: 1 }),
  );
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
