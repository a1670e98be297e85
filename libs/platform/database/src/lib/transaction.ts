import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';

/**
 * Runs `work` in one transaction. Use the given manager for every read and write that belongs to it,
 * including the outbox row of the domain event the change causes.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}

/**
 * Runs raw SQL and returns its rows. Unlike `manager.query`, which returns `[rows, count]` for
 * UPDATE/DELETE ... RETURNING, this always gives the rows. Uses the manager's transaction when it has one.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const own = manager.queryRunner ? undefined : manager.connection.createQueryRunner();
  const runner = manager.queryRunner ?? own;
  if (!runner) throw new Error('no query runner');
  try {
    const result = await runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  } finally {
    await own?.release();
  }
}

/**
 * Maps a raw row (column names as in the database) onto an entity object, with the columns' transformers.
 * For hot read paths that fetch rows with hand-written SQL: far cheaper than TypeORM's hydration.
 */
export function rowToEntity<T>(metadata: EntityMetadata, row: Record<string, unknown>): T {
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    let value = row[column.databaseName];
    const transformer = column.transformer;
    if (transformer && !Array.isArray(transformer)) value = transformer.from(value);
    entity[column.propertyName] = value;
  }
  return entity as T;
}
