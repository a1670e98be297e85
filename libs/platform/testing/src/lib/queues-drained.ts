import type { DataSource } from 'typeorm';
import { QueueName, type QueueRegistry } from '@kooperant/platform-queue';
import { waitFor } from './wait-for';

/**
 * Work still to do: outbox events not yet relayed, and jobs of `queues` that wait, are delayed or run. The next run of
 * a schedule (a repeating job, always delayed) is not work.
 */
export async function pendingWork(
  db: DataSource,
  registry: QueueRegistry,
  queues: readonly QueueName[] = Object.values(QueueName),
): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
  let pending = n as number;
  for (const name of queues) {
    const q = registry.queue(name);
    const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
    pending += Object.values(counts).reduce((a, b) => a + b, 0);
    pending -= (await q.getJobs(['delayed'])).filter((j) => j.repeatJobKey).length;
  }
  return pending;
}

/** Until there is no pending work (see pendingWork), three looks in a row. */
export async function waitForDrained(
  db: DataSource,
  registry: QueueRegistry,
  opts: { queues?: readonly QueueName[]; ms?: number; describe?: () => Promise<string> | string } = {},
): Promise<void> {
  let quiet = 0;
  await waitFor(
    'the outbox and the queues to drain',
    async () => (quiet = (await pendingWork(db, registry, opts.queues)) ? 0 : quiet + 1) >= 3,
    {
      ms: opts.ms,
      everyMs: 100,
      describe: async () =>
        `${await pendingWork(db, registry, opts.queues)} events or jobs pending${opts.describe ? `; ${await opts.describe()}` : ''}`,
    },
  );
}
