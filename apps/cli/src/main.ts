import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@kooperant/platform-config';
import { createCliDataSource } from './data-source';
import { generateMigration, pendingSchemaChanges } from './commands/schema';
import { launch, prepareDatabase } from './commands/launch';
import { seedScale } from './commands/seed-scale';
import { recomputeMetrics } from './commands/metrics-recompute';

const USAGE = `usage: kooperant <command>
  migrate                 apply pending migrations (DATABASE_URL)
  schema:check            fail when entities and migrations disagree
  schema:generate <Name>  write a migration for the pending entity changes
  seed                    load the taxonomy, and the demo data into an empty database
  seed:scale [offers] [firms]  add generated firms and offers for benchmarks (default 100000 5000)
  metrics:recompute       rebuild every KPI roll-up from the outbox (DATABASE_URL)
  start                   migrate, seed, run gateway and worker (embedded PostgreSQL without DATABASE_URL)`;

async function withDataSource<T>(fn: (ds: ReturnType<typeof createCliDataSource>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new ConfigError([{ setting: 'DATABASE_URL', message: 'is required for this command' }]);
  const ds = createCliDataSource(config.databaseUrl);
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'migrate':
      return withDataSource(async (ds) => {
        const done = await ds.runMigrations({ transaction: 'each' });
        console.log(
          done.length ? `migrated: ${done.map((m) => m.name).join(', ')}` : 'migrate: database is up to date',
        );
        return 0;
      });
    case 'schema:check':
      return withDataSource(async (ds) => {
        await ds.runMigrations({ transaction: 'each' });
        const { up } = await pendingSchemaChanges(ds);
        if (up.length === 0) {
          console.log('schema:check: entities and migrations agree');
          return 0;
        }
        console.error(`schema:check: entities and migrations disagree; a migration would run:\n${up.join(';\n')}`);
        return 1;
      });
    case 'schema:generate':
      return withDataSource(async (ds) => {
        await ds.runMigrations({ transaction: 'each' });
        const file = await generateMigration(
          ds,
          args[0] ?? '',
          resolve(__dirname, '../../../../libs/platform/database/src/migrations').replace('/dist/', '/'),
        );
        console.log(file ? `wrote ${file}; add it to MIGRATIONS in migrations/index.ts` : 'no changes');
        return 0;
      });
    case 'seed': {
      const config = loadConfig();
      if (!config.databaseUrl)
        throw new ConfigError([{ setting: 'DATABASE_URL', message: 'is required for this command' }]);
      await prepareDatabase(config, (s) => console.log(s));
      return 0;
    }
    case 'seed:scale':
      return withDataSource(async (ds) => {
        const offers = Number(args[0] ?? 100_000);
        const firms = Number(args[1] ?? 5_000);
        if (!Number.isInteger(offers) || !Number.isInteger(firms) || offers < 0 || firms < 1) {
          console.error('seed:scale [offers] [firms]: whole numbers');
          return 2;
        }
        await seedScale(ds, offers, firms, (s) => console.log(s));
        return 0;
      });
    case 'metrics:recompute': {
      const config = loadConfig();
      if (!config.databaseUrl)
        throw new ConfigError([{ setting: 'DATABASE_URL', message: 'is required for this command' }]);
      await recomputeMetrics(config, (s) => console.log(s));
      return 0;
    }
    case 'start':
      return launch();
    default:
      console.error(USAGE);
      return cmd ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError) console.error(e.message);
    else console.error(e);
    process.exit(1);
  },
);
