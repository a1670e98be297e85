import { Test, type TestingModule } from '@nestjs/testing';
import type { DynamicModule, ModuleMetadata, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KooperantConfigModule, loadConfig, type KooperantConfig } from '@kooperant/platform-config';
import { DatabaseModule } from '@kooperant/platform-database';
import { recreateDatabase } from './admin-sql';
import { databaseUrl, intTemplateDatabase, TEST_REDIS_URL, workerDatabaseName } from './test-env';

export interface TestApp {
  module: TestingModule;
  db: DataSource;
  config: KooperantConfig;
  get<T>(type: Type<T> | string | symbol): T;
  /** Empties every table but the migrations table and those named in `keep`. */
  reset(keep?: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Nest testing module against this Jest worker's own database, cloned from the migrated template.
 * Real PostgreSQL, no mocks of our own database.
 */
export async function createTestApp(
  imports: (Type<unknown> | DynamicModule)[],
  providers: ModuleMetadata['providers'] = [],
  env: Record<string, string> = {},
  /** Connections in the pool: 1 behaves as the embedded database, which serves one transaction at a time. */
  poolSize = 10,
): Promise<TestApp> {
  const name = workerDatabaseName();
  await recreateDatabase(name, intTemplateDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(name),
    REDIS_URL: TEST_REDIS_URL,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
  const module = await Test.createTestingModule({
    imports: [
      KooperantConfigModule.forRoot(config),
      DatabaseModule.forRoot({
        url: config.databaseUrl as string,
        poolSize,
        applicationName: 'kooperant-int-test',
      }),
      ...imports,
    ],
    providers,
  }).compile();
  await module.init();
  const db = module.get<DataSource>(getDataSourceToken());
  return {
    module,
    db,
    config,
    get: <T>(t: Type<T> | string | symbol) => module.get<T>(t as Type<T>, { strict: false }),
    async reset(keep: string[] = []) {
      const tables: { tablename: string }[] = await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
      );
      const names = tables.map((t) => t.tablename).filter((t) => !keep.includes(t));
      if (names.length) await db.query(`TRUNCATE ${names.map((n) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`);
    },
    close: () => module.close(),
  };
}
