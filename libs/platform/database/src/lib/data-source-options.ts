import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface DataSourceParams {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  logging?: boolean;
}

/** PostgreSQL options shared by every process. The schema comes from migrations only: never `synchronize`. */
export function createDataSourceOptions(p: DataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    url: p.url,
    entities: p.entities,
    migrations: p.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: p.logging ? ['query', 'error'] : ['error'],
    applicationName: p.applicationName ?? 'kooperant',
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: p.poolSize ?? 20,
      // A stuck query must not hold a pool slot forever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      // JIT compilation cost more than it saved on every query measured here (50 ms of a 108 ms candidate query).
      options: '-c jit=off',
    },
  };
}
