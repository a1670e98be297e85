import { Client } from 'pg';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { openOrder, verifiedFirm } from '@kooperant/orders/testing';
import { MatchingModule } from '@kooperant/matching';
import { JobName, QueueName, QueueRegistry, jobId } from '@kooperant/platform-queue';
import {
  createTestApp,
  startWorkerProcess,
  testQueueModule,
  TEST_REDIS_URL,
  waitFor,
  type TestApp,
  type WorkerProcess,
} from '@kooperant/platform-testing';

/**
 * The real worker process (from the build) against this test's database and Redis: killed with SIGKILL in the
 * middle of a match job, the job is not lost: another worker process takes it over once its lock expires.
 */
describe('worker process', () => {
  let app: TestApp;
  const { module: queueModule, prefix } = testQueueModule();
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    app = await createTestApp([queueModule, MatchingModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
  });

  afterAll(async () => {
    for (const w of workers) await w.kill();
    const queues = app.get(QueueRegistry);
    for (const q of Object.values(QueueName)) await queues.queue(q).obliterate({ force: true });
    await app?.close();
  });

  function startWorker(): WorkerProcess {
    const w = startWorkerProcess({
      DATABASE_URL: app.config.databaseUrl as string,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
      WORKER_CONCURRENCY: '2',
    });
    workers.push(w);
    return w;
  }

  it('retries a match job whose worker was killed mid-job, once, in another worker process', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    await publishedOffer(app, await verifiedFirm(app, 'LT'));
    await publishedOffer(app, await verifiedFirm(app, 'PL'));
    const view = await openOrder(app, buyer);
    // Only the job below: the events of the set-up are taken as relayed.
    await app.db.query(`UPDATE outbox_event SET published_at = now()`);

    // Hold the order's matching lock, so that the job stops in the middle, inside its transaction.
    const holder = new Client({ connectionString: app.config.databaseUrl });
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('package_match'), hashtext($1))`, [view.order.id]);
    await app
      .get(QueueRegistry)
      .enqueue(JobName.MatchOrder, { orderId: view.order.id }, { jobId: jobId('match-order', view.order.id, 'kill') });

    const first = startWorker();
    await waitFor('the job to wait on the lock', async () => {
      const rows = await app.db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND application_name = 'kooperant-worker'`,
      );
      return rows.length > 0;
    });
    await first.kill();
    await holder.query(`SELECT pg_advisory_unlock_all()`);
    await holder.end();
    expect(await app.db.query(`SELECT 1 FROM order_match_run WHERE order_id = $1`, [view.order.id])).toEqual([]);

    startWorker();
    await waitFor('the job to complete in the second worker', async () => {
      const job = await app
        .get(QueueRegistry)
        .queue(QueueName.Matching)
        .getJob(jobId('match-order', view.order.id, 'kill'));
      return (await job?.isCompleted()) ? job : null;
    });
    const [run] = await app.db.query(`SELECT matches FROM order_match_run WHERE order_id = $1`, [view.order.id]);
    expect(run.matches).toBe(2);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM package_match WHERE order_id = $1`, [
      view.order.id,
    ]);
    expect(n).toBe(2);
    const [{ proposed }] = await app.db.query(
      `SELECT sum(jsonb_array_length(payload->'proposals'))::int AS proposed FROM outbox_event
       WHERE type = 'match.proposed' AND aggregate_id = $1`,
      [view.order.id],
    );
    expect(proposed).toBe(2);
  }, 60_000);
});
