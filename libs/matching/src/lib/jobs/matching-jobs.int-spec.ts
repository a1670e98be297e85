import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { publishedOffer } from '@kooperant/catalogue/testing';
import { openOrder, verifiedFirm } from '@kooperant/orders/testing';
import { createTestApp, testQueueModule, TEST_REDIS_URL, type TestApp } from '@kooperant/platform-testing';
import { recordEvent } from '@kooperant/platform-database';
import {
  createQueueConnection,
  DomainEventProcessor,
  EVENT_SUBSCRIBERS,
  JobRunner,
  OutboxRelay,
  QueueName,
  QueueRegistry,
  type JobHandler,
  type QueueConnection,
} from '@kooperant/platform-queue';
import { MatchingJobsModule, MATCHING_EVENT_SUBSCRIBERS, MATCHING_JOB_HANDLERS } from '../matching-jobs.module';
import { MatchStoreService } from '../store/match-store.service';

/**
 * The event-driven matching jobs against real PostgreSQL and Redis: the outbox relay, the event subscriber, the
 * debounced order matching, reverse matching, retries, and two runners sharing the queues.
 */
describe('matching jobs', () => {
  let app: TestApp;
  let queues: QueueRegistry;
  let relay: OutboxRelay;
  let store: MatchStoreService;
  const runners: { runner: JobRunner; conn: QueueConnection }[] = [];
  const { module: queueModule, prefix } = testQueueModule();

  beforeAll(async () => {
    app = await createTestApp(
      [queueModule, MatchingJobsModule],
      [
        { provide: EVENT_SUBSCRIBERS, useFactory: (...s: unknown[]) => s, inject: MATCHING_EVENT_SUBSCRIBERS },
        DomainEventProcessor,
      ],
      { MATCH_DEBOUNCE_MS: '400' },
    );
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    queues = app.get(QueueRegistry);
    relay = new OutboxRelay(app.db, queues, { pollMs: 50 });
    store = app.get(MatchStoreService);
  });

  beforeEach(() => app.reset(['taxonomy_entry']));

  afterEach(async () => {
    await relay.stop();
    for (const r of runners.splice(0)) {
      await r.runner.close();
      await r.conn.close();
    }
    jest.restoreAllMocks();
    for (const q of [QueueName.Events, QueueName.Matching]) await queues.queue(q).obliterate({ force: true });
  });

  afterAll(() => app?.close());

  /** A runner of every matching handler and the event dispatcher, as a worker process has. */
  function startRunner(): JobRunner {
    const conn = createQueueConnection({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }, 'worker');
    const handlers: JobHandler[] = [
      ...MATCHING_JOB_HANDLERS.map((h) => app.get<JobHandler>(h)),
      app.get<JobHandler>(DomainEventProcessor),
    ];
    const runner = new JobRunner(conn, handlers, { concurrency: 5 });
    runner.start();
    runners.push({ runner, conn });
    return runner;
  }

  /** Until no job waits, is delayed or runs (after at least one pass of the relay). */
  async function drained(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < until) {
      const [unpublished] = await app.db.query(
        `SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`,
      );
      let busy = unpublished.n;
      for (const q of [QueueName.Events, QueueName.Matching]) {
        const c = await queues.queue(q).getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
        busy += Object.values(c).reduce((a, b) => a + b, 0);
      }
      quiet = busy === 0 ? quiet + 1 : 0;
      if (quiet >= 3) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the queues did not drain');
  }

  const matchCount = (orderId: string) =>
    app.db
      .query(`SELECT count(*)::int AS n FROM package_match WHERE order_id = $1`, [orderId])
      .then((r: { n: number }[]) => r[0].n);

  it('matches a published order from its event, and proposes the order to a firm whose offer comes later', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const early = await verifiedFirm(app, 'LT');
    await publishedOffer(app, early);
    const view = await openOrder(app, buyer);
    startRunner();
    relay.start();
    await drained();
    expect(await matchCount(view.order.id)).toBe(1);

    // Reverse matching: a new offer's event finds the open order it fits.
    const late = await verifiedFirm(app, 'PL');
    await publishedOffer(app, late);
    await drained();
    const firms = await app.db.query(`SELECT firm_id FROM package_match WHERE order_id = $1 ORDER BY firm_id`, [
      view.order.id,
    ]);
    expect(firms.map((f: { firm_id: string }) => f.firm_id)).toEqual([early.firmId, late.firmId].sort());
    // Every event went out once, with its id as the job id.
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM outbox_event`);
    const completed = await queues.queue(QueueName.Events).getJobCounts('completed');
    expect(completed['completed']).toBe(n);
  });

  it('debounces a burst of changes to one order into one re-match, and ignores a replayed event', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    await publishedOffer(app, await verifiedFirm(app, 'LT'));
    const view = await openOrder(app, buyer);
    startRunner();
    relay.start();
    await drained();
    const refresh = jest.spyOn(store, 'refreshOrder');
    await app.db.transaction(async (m) => {
      for (let i = 0; i < 20; i++) {
        await recordEvent(m, {
          type: 'order.updated',
          aggregateType: 'order',
          aggregateId: view.order.id,
          payload: { orderId: view.order.id },
        });
      }
    });
    await drained();
    expect(refresh).toHaveBeenCalledTimes(1);

    // The relay dies after enqueueing, before marking: the same events go out again and nothing runs twice.
    await app.db.query(`UPDATE outbox_event SET published_at = NULL WHERE type = 'order.updated'`);
    await drained();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('retries a failed match job with backoff, and the retry stores the matches once', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    await publishedOffer(app, await verifiedFirm(app, 'LT'));
    const refresh = jest.spyOn(store, 'refreshOrder').mockRejectedValueOnce(new Error('database went away'));
    const view = await openOrder(app, buyer);
    // Only the order's event: the offer's (reverse matching) could add a run while the first attempt is failing.
    await app.db.query(`UPDATE outbox_event SET published_at = now() WHERE aggregate_type <> 'order'`);
    startRunner();
    relay.start();
    await drained(20_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(await matchCount(view.order.id)).toBe(1);
    const failed = await queues.queue(QueueName.Matching).getJobCounts('failed');
    expect(failed['failed']).toBe(0);
  });

  it('lets two runners share the jobs without doing any twice', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    await publishedOffer(app, await verifiedFirm(app, 'LT'));
    const orders = await Promise.all(Array.from({ length: 12 }, () => openOrder(app, buyer)));
    // Only the orders' own events: the offer's (reverse matching) would rightly trigger a second run of some.
    await app.db.query(`UPDATE outbox_event SET published_at = now() WHERE aggregate_type <> 'order'`);
    const refresh = jest.spyOn(store, 'refreshOrder');
    const done: string[][] = [[], []];
    startRunner().running.forEach((w) => w.on('completed', (job) => done[0].push(job.id as string)));
    startRunner().running.forEach((w) => w.on('completed', (job) => done[1].push(job.id as string)));
    relay.start();
    await drained();
    const perOrder = new Map<string, number>();
    for (const [id] of refresh.mock.calls) perOrder.set(id, (perOrder.get(id) ?? 0) + 1);
    expect(orders.map((o) => perOrder.get(o.order.id))).toEqual(orders.map(() => 1));
    expect(done[0].length).toBeGreaterThan(0);
    expect(done[1].length).toBeGreaterThan(0);
    const all = [...done[0], ...done[1]];
    expect(new Set(all).size).toBe(all.length);
    for (const o of orders) expect(await matchCount(o.order.id)).toBe(1);
  });

  it('keeps events written while the queue is unreachable, and relays them when it is back', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    await publishedOffer(app, await verifiedFirm(app, 'LT'));
    const down = new QueueRegistry(
      createQueueConnection({ backend: 'redis', redisUrl: 'redis://127.0.0.1:1', prefix }, 'producer'),
    );
    const view = await openOrder(app, buyer);
    // The relay waits for the queue (or fails): either way it marks nothing.
    const outcome = await Promise.race([
      new OutboxRelay(app.db, down, { pollMs: 50 }).relayOnce().then(
        () => 'sent',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('waiting'), 1500)),
    ]);
    expect(outcome).not.toBe('sent');
    void down.close();
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    expect(n).toBeGreaterThan(0);
    startRunner();
    relay.start();
    await drained();
    expect(await matchCount(view.order.id)).toBe(1);
  });
});
