import { adminSql } from './admin-sql';
import { workerDatabaseName } from './test-env';

/**
 * Waits up to `ms` for `work` (which must not reject: pass a Promise.allSettled). If it is still pending, the
 * pool is presumably starved: this ends the worker database's sessions that sit idle inside a transaction or
 * wait for a lock, so that the calls fail, the pool recovers and the rest of the file can run; then it waits
 * for `work` and reports 'stuck'.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<'settled' | 'stuck'> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work.then(() => 'settled' as const),
    new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), ms))),
  ]);
  clearTimeout(timer);
  if (outcome === 'stuck') {
    await adminSql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = '${workerDatabaseName()}' AND pid <> pg_backend_pid()
         AND (state = 'idle in transaction' OR wait_event_type = 'Lock')`,
    );
    await work;
  }
  return outcome;
}
