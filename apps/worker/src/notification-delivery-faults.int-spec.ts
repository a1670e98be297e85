import { Client } from 'pg';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { OrdersModule, type OrderView } from '@kooperant/orders';
import { leg, openOrder, pkg, submitQuote, verifiedFirm, type VerifiedFirm } from '@kooperant/orders/testing';
import { createQueueConnection, QueueName, QueueRegistry } from '@kooperant/platform-queue';
import {
  createTestApp,
  loopbackSmtp,
  startOwnRedis,
  startWorkerProcess,
  testQueuePrefix,
  waitFor,
  type LoopbackSmtp,
  type OwnRedis,
  type TestApp,
  type WorkerProcess,
} from '@kooperant/platform-testing';

const CONCURRENCY = 2;

/**
 * The guarantees of notification delivery, with the real worker process against real PostgreSQL, a redis-server of
 * the test's own (stopped and started again) and a loopback SMTP server: an event written while Redis is down is
 * delivered when it returns; a worker killed mid-delivery loses nothing; a user never sees the same in-app
 * notification twice; e-mails are at least once and carry the notification id so that a receiver can drop a repeat.
 */
describe('notification delivery under faults', () => {
  let app: TestApp;
  let redis: OwnRedis;
  let smtp: LoopbackSmtp;
  let queues: QueueRegistry;
  let prefix: string;
  let holder: Client | undefined;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([startOwnRedis(), loopbackSmtp()]);
    app = await createTestApp([OrdersModule]);
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
  });

  beforeEach(async () => {
    await app.reset(['taxonomy_entry']);
    smtp.received.length = 0;
    prefix = testQueuePrefix();
    queues = new QueueRegistry(createQueueConnection({ backend: 'redis', redisUrl: redis.url, prefix }, 'producer'));
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.kill();
    await holder?.end().catch(() => undefined);
    holder = undefined;
    smtp.release();
    await queues.close();
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await redis?.stop();
  });

  function startWorker(): WorkerProcess {
    const w = startWorkerProcess({
      DATABASE_URL: app.config.databaseUrl as string,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      JOB_LOCK_MS: '2000',
      OUTBOX_POLL_MS: '50',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_FROM: 'Kooperant <powiadomienia@kooperant.test>',
      PUBLIC_URL: 'https://kooperant.test',
      SCHEDULE_CHECK_MS: '200',
    });
    workers.push(w);
    return w;
  }

  const count = async (sql: string, params: unknown[] = []) =>
    ((await app.db.query(sql, params)) as { n: number }[])[0].n;

  /** Until the outbox is relayed and no job waits, is delayed or runs, three looks in a row. */
  async function drained(ms = 30_000): Promise<void> {
    let quiet = 0;
    const busy = async () => {
      let n = await count(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
      for (const q of [QueueName.Events, QueueName.Notifications]) {
        const c = await queues.queue(q).getJobCounts('waiting', 'delayed', 'active', 'prioritized');
        n += Object.values(c).reduce((a, b) => a + b, 0);
        // The next run of a repeating job (the digest sweep) always waits: it is not delivery work.
        n -= (await queues.queue(q).getJobs(['delayed'])).filter((j) => j.repeatJobKey).length;
      }
      return n;
    };
    await waitFor('the outbox and the queues to drain', async () => (quiet = (await busy()) ? 0 : quiet + 1) >= 3, {
      ms,
      describe: async () =>
        `${await busy()} rows or jobs still pending; the last worker said:\n${workers.at(-1)?.output().slice(-3000)}`,
    });
  }

  /** The quote events, and what they gave: notifications and e-mails. */
  async function delivery() {
    const events: { id: string }[] = await app.db.query(
      `SELECT id FROM outbox_event WHERE type = 'quote.submitted' ORDER BY created_at, id`,
    );
    const notifications: { id: string; user_id: string; event_id: string; emailed: boolean }[] = await app.db.query(
      `SELECT id, user_id, event_id, emailed_at IS NOT NULL AS emailed FROM notification WHERE kind = 'quote.received'`,
    );
    const [{ distinct }] = await app.db.query(
      `SELECT count(DISTINCT (user_id, event_id, kind))::int AS distinct FROM notification`,
    );
    const mailsById = new Map<string, string[]>();
    for (const m of smtp.received) {
      const id = String(m.headers.get('x-kooperant-notification-id'));
      mailsById.set(id, [...(mailsById.get(id) ?? []), m.messageId ?? '']);
    }
    return { events, notifications, distinct: distinct as number, mailsById };
  }

  /** The relay sent every event once: one completed job per outbox row, with the row's id, and no other. */
  async function expectOneJobPerEvent(events: { id: string }[]): Promise<void> {
    const jobs = await queues.queue(QueueName.Events).getJobs(['completed', 'failed']);
    expect(
      jobs
        .filter((j) => j.finishedOn && !j.failedReason)
        .map((j) => j.id)
        .sort(),
    ).toEqual(events.map((e) => `event-${e.id}`).sort());
  }

  /** Every notification e-mailed at least once, each message with the notification id; none for anything else. */
  function expectEmailedAtLeastOnce(
    notifications: { id: string; emailed: boolean }[],
    mailsById: Map<string, string[]>,
  ): number {
    const known = new Set(notifications.map((n) => n.id));
    const missing = [...known].filter((id) => !mailsById.has(id));
    const unknown = [...mailsById.keys()].filter((id) => !known.has(id));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    for (const [id, messageIds] of mailsById) expect(new Set(messageIds)).toEqual(new Set([`<${id}@kooperant>`]));
    expect(notifications.filter((n) => !n.emailed)).toEqual([]);
    return smtp.received.length - mailsById.size;
  }

  it('keeps the quotes placed while Redis is down and, once it is back, tells the buyer of each exactly once', async () => {
    // Ten orders of one buyer, quoted by ten firms of its cluster: a hundred quotes, each one `quote.received`
    // for the buyer's admin (and by e-mail: a kind sent by default).
    const buyer = await verifiedFirm(app, 'PL');
    const suppliers: VerifiedFirm[] = [];
    for (let i = 0; i < 10; i++) suppliers.push(await verifiedFirm(app, 'PL', buyer.clusterId));
    const orders: OrderView[] = [];
    for (let i = 0; i < 10; i++) orders.push(await openOrder(app, buyer));
    // Only the quotes: the events of the set-up are taken as relayed.
    await app.db.query(`UPDATE outbox_event SET published_at = now()`);
    const worker = startWorker();
    await worker.ready();

    await redis.stop();
    const quote = (s: VerifiedFirm, order: OrderView) => submitQuote(app, s, order.order.id, [leg(pkg(order, 'cut'))]);
    // The relay polls every 50 ms while the quotes are written (over a second): it finds rows, waits on Redis (or
    // fails) and marks nothing.
    for (const order of orders) await Promise.all(suppliers.map((s) => quote(s, order)));
    expect(await count(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`)).toBe(100);
    expect(await count(`SELECT count(*)::int AS n FROM notification`)).toBe(0);

    // Back, empty (no persistence): the outbox is all there is.
    await redis.start();
    await drained();

    const { events, notifications, distinct, mailsById } = await delivery();
    expect(events).toHaveLength(100);
    expect(notifications).toHaveLength(100);
    expect(distinct).toBe(100);
    expect(new Set(notifications.map((n) => n.user_id))).toEqual(new Set([buyer.adminId]));
    expect(notifications.map((n) => n.event_id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(await count(`SELECT count(*)::int AS n FROM notification`)).toBe(100);
    await expectOneJobPerEvent(events);
    const repeats = expectEmailedAtLeastOnce(notifications, mailsById);
    console.info(`Redis down: 100 notifications, ${smtp.received.length} e-mails (${repeats} repeated)`);
    // The repeating jobs (offer expiry and its reminders, the matching sweep) came back with the worker's check.
    await waitFor('the schedules to be restored', async () => {
      const ids = [
        ...(await queues.queue(QueueName.Catalogue).getJobSchedulers()),
        ...(await queues.queue(QueueName.Matching).getJobSchedulers()),
      ].map((j) => j.key);
      return ['offer-expiry-every-10-min', 'offer-expiry-reminder-hourly', 'matching-sweep-every-5-min'].every((k) =>
        ids.includes(k),
      );
    });
  }, 60_000);

  it('loses nothing when the worker is killed with SIGKILL in the middle of a batch, and shows each notification once', async () => {
    // Four buyers of one cluster, each with an order quoted by the same fifty firms: two hundred events, the fourth
    // buyer's fifty last.
    const buyers: VerifiedFirm[] = [await verifiedFirm(app, 'PL')];
    for (let i = 0; i < 3; i++) buyers.push(await verifiedFirm(app, 'PL', buyers[0].clusterId));
    const suppliers: VerifiedFirm[] = [];
    for (let i = 0; i < 50; i++) suppliers.push(await verifiedFirm(app, 'PL', buyers[0].clusterId));
    const orders: OrderView[] = [];
    for (const b of buyers) orders.push(await openOrder(app, b));
    await app.db.query(`UPDATE outbox_event SET published_at = now()`);
    for (const order of orders) {
      for (let i = 0; i < suppliers.length; i += 10) {
        await Promise.all(
          suppliers.slice(i, i + 10).map((s) => submitQuote(app, s, order.order.id, [leg(pkg(order, 'cut'))])),
        );
      }
    }
    const last = buyers[3];

    // So that the kill lands in the middle: the last buyer's user row is held, its notifications wait on it
    // (the insert checks the foreign key); and the SMTP server keeps every e-mail after the 50th unanswered.
    holder = new Client({ connectionString: app.config.databaseUrl });
    await holder.connect();
    await holder.query(`BEGIN`);
    await holder.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [last.adminId]);
    smtp.holdAfter(50);

    const first = startWorker();
    const lockWaits = () =>
      count(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
           AND application_name = 'kooperant-worker' AND wait_event_type = 'Lock'`,
      );
    await waitFor(
      'every event runner to wait on the held row and every e-mail sender on the SMTP server',
      async () => (await lockWaits()) === CONCURRENCY && smtp.held().length === CONCURRENCY,
      { describe: async () => `${await lockWaits()} lock waits, ${smtp.held().length} e-mails held` },
    );
    const before = await count(`SELECT count(*)::int AS n FROM notification`);
    expect(before).toBe(150);
    const inFlight = smtp.held().map((m) => String(m.headers.get('x-kooperant-notification-id')));
    await first.kill();

    // The killed worker's inserts were sent before it died: they go through once the row is free, as they would
    // have if it had died just after them.
    await holder.query(`ROLLBACK`);
    smtp.release();
    await waitFor('the inserts of the killed worker to commit', async () =>
      (await count(`SELECT count(*)::int AS n FROM notification`)) === 150 + CONCURRENCY ? true : null,
    );

    startWorker();
    await drained();

    const { events, notifications, distinct, mailsById } = await delivery();
    expect(events).toHaveLength(200);
    expect(notifications).toHaveLength(200);
    expect(distinct).toBe(200);
    expect(notifications.map((n) => n.event_id).sort()).toEqual(events.map((e) => e.id).sort());
    await expectOneJobPerEvent(events);
    const perUser = new Map<string, number>();
    for (const n of notifications) perUser.set(n.user_id, (perUser.get(n.user_id) ?? 0) + 1);
    expect(new Map([...perUser].sort())).toEqual(new Map(buyers.map((b) => [b.adminId, 50] as const).sort()));
    const repeats = expectEmailedAtLeastOnce(notifications, mailsById);
    // Only an e-mail in flight when the worker died can come twice.
    const repeated = [...mailsById].filter(([, m]) => m.length > 1).map(([id]) => id);
    expect(inFlight.filter((id) => repeated.includes(id)).sort()).toEqual(repeated.sort());
    console.info(
      `SIGKILL: ${before} of 200 notifications before the kill, ${smtp.received.length} e-mails ` +
        `(${repeats} repeated, ${inFlight.length} in flight at the kill)`,
    );
  }, 60_000);
});
