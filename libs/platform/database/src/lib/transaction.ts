import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction. Use the given manager for every read and write that belongs to it,
 * including the outbox row of the domain event the change causes.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
