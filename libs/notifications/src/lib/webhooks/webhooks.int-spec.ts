import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { seedTaxonomy, TaxonomyService } from '@kooperant/catalogue';
import { addMember } from '@kooperant/identity/testing';
import {
  actorFor,
  leg,
  openOrder,
  pairClusters,
  pkg,
  submitQuote,
  verifiedFirm,
  type VerifiedFirm,
} from '@kooperant/orders/testing';
import { OrdersModule } from '@kooperant/orders';
import { createTestApp, domainError, testQueueModule, TEST_REDIS_URL, type TestApp } from '@kooperant/platform-testing';
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
import {
  NOTIFICATION_EVENT_SUBSCRIBERS,
  NOTIFICATION_JOB_HANDLERS,
  NotificationsModule,
} from '../notifications.module';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WebhookDeliveryService } from './webhook-delivery.service';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A firm's system on loopback: answers each request with the next scripted status (then 200), keeps what came. */
async function receiver(): Promise<{ url: string; received: Received[]; script: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = script.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `busy (${status})`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/kooperant/hooks`,
    received,
    script,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Webhooks end to end against real PostgreSQL, Redis and an HTTP receiver on loopback: the outbox relay, the event
 * subscriber planning deliveries, the BullMQ delivery jobs with their retries and backoff, the delivery log, the
 * disabling of an endpoint that keeps failing, and access to all of it.
 */
describe('webhooks', () => {
  let app: TestApp;
  let queues: QueueRegistry;
  let relay: OutboxRelay;
  let endpoints: WebhookEndpointService;
  let deliveries: WebhookDeliveryService;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let runner: JobRunner;
  let conn: QueueConnection;
  const { module: queueModule, prefix } = testQueueModule();

  beforeAll(async () => {
    app = await createTestApp(
      [queueModule, OrdersModule, NotificationsModule],
      [
        { provide: EVENT_SUBSCRIBERS, useFactory: (...s: unknown[]) => s, inject: NOTIFICATION_EVENT_SUBSCRIBERS },
        DomainEventProcessor,
      ],
      { WEBHOOK_ATTEMPTS: '4', WEBHOOK_BACKOFF_MS: '40', WEBHOOK_DISABLE_AFTER: '2', WEBHOOK_TIMEOUT_MS: '3000' },
    );
    await seedTaxonomy(app.db);
    app.get(TaxonomyService).invalidate();
    queues = app.get(QueueRegistry);
    endpoints = app.get(WebhookEndpointService);
    deliveries = app.get(WebhookDeliveryService);
    hook = await receiver();
  });

  beforeEach(async () => {
    await app.reset(['taxonomy_entry']);
    hook.received.length = 0;
    hook.script.length = 0;
    relay = new OutboxRelay(app.db, queues, { pollMs: 30 });
    conn = createQueueConnection({ backend: 'redis', redisUrl: TEST_REDIS_URL, prefix }, 'worker');
    const handlers: JobHandler[] = [
      ...NOTIFICATION_JOB_HANDLERS.map((h) => app.get<JobHandler>(h)),
      app.get<JobHandler>(DomainEventProcessor),
    ];
    runner = new JobRunner(conn, handlers, { concurrency: 4 });
    runner.start();
    relay.start();
  });

  afterEach(async () => {
    await relay.stop();
    await runner.close();
    await conn.close();
    for (const q of [QueueName.Events, QueueName.Notifications]) await queues.queue(q).obliterate({ force: true });
  });

  afterAll(async () => {
    await app?.close();
    await hook?.close();
  });

  /** Until no event waits in the outbox and no job waits, is delayed or runs. */
  async function drained(timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < until) {
      const [o] = await app.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
      let busy = o.n as number;
      for (const q of [QueueName.Events, QueueName.Notifications]) {
        const c = await queues.queue(q).getJobCounts('waiting', 'delayed', 'active', 'prioritized');
        busy += Object.values(c).reduce((a, b) => a + b, 0);
      }
      quiet = busy === 0 ? quiet + 1 : 0;
      if (quiet >= 3) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the queues did not drain');
  }

  /** A Polish buyer with an endpoint, and a Lithuanian supplier that will quote on its order. */
  async function buyerWithEndpoint(kinds?: string[]) {
    const buyer = await verifiedFirm(app, 'PL');
    const supplier = await verifiedFirm(app, 'LT');
    await pairClusters(app.db, buyer.clusterId, supplier.clusterId);
    // The firms' own events (registered, verified) are handled before the endpoint exists: only what follows is sent.
    await drained();
    const made = await endpoints.create(
      buyer.admin,
      buyer.firmId,
      { url: hook.url, description: 'ERP', kinds },
      `hook-${buyer.firmId}`,
    );
    return { buyer, supplier, endpoint: made.endpoint, secret: made.secret };
  }

  async function quoteFrom(supplier: VerifiedFirm, buyer: VerifiedFirm) {
    const view = await openOrder(app, buyer, { visibility: 'partner_clusters' });
    await submitQuote(app, supplier, view.order.id, [leg(pkg(view, 'cut'), { priceMinor: 250_000, currency: 'PLN' })]);
    const [q] = await app.db.query(`SELECT id FROM quote WHERE order_id = $1`, [view.order.id]);
    return q as { id: string };
  }

  it('POSTs a quote received to the buyer firm’s endpoint, signed so that the reference library accepts it', async () => {
    const { buyer, supplier, secret, endpoint } = await buyerWithEndpoint();
    const quote = await quoteFrom(supplier, buyer);
    await drained();
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    const payload = new Webhook(secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    }) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(payload.type).toBe('quote.received');
    expect(payload.data).toMatchObject({
      firmId: buyer.firmId,
      quoteId: quote.id,
      totalMinor: 250_000,
      currency: 'PLN',
      packages: 1,
    });
    expect(got.headers['content-type']).toBe('application/json');
    const page = await deliveries.deliveries(buyer.admin, endpoint.id, { first: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: got.headers['webhook-id'], status: 'succeeded', attempts: 1 });
    expect(page.items[0].attemptLog.map((a) => a.statusCode)).toEqual([200]);
  });

  it('retries a receiver that fails three times with backoff, and succeeds on the fourth with the same webhook-id', async () => {
    const { buyer, supplier, endpoint } = await buyerWithEndpoint();
    hook.script.push(503, 500, 429);
    await quoteFrom(supplier, buyer);
    await drained();
    expect(hook.received).toHaveLength(4);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [d] = (await deliveries.deliveries(buyer.admin, endpoint.id, { first: 10 })).items;
    expect(d).toMatchObject({ status: 'succeeded', attempts: 4, lastStatusCode: 200 });
    expect(d.attemptLog.map((a) => [a.statusCode, a.error])).toEqual([
      [503, 'HTTP 503'],
      [500, 'HTTP 500'],
      [429, 'HTTP 429'],
      [200, null],
    ]);
    expect(d.attemptLog[0].responseExcerpt).toBe('busy (503)');
    // Exponential: the gaps grow (40 ms, 80 ms, 160 ms, give or take 20 % jitter and the worker's pace).
    const at = d.attemptLog.map((a) => a.attemptedAt.getTime());
    expect(at[3] - at[2]).toBeGreaterThan(at[1] - at[0]);
    const [e] = await app.db.query(`SELECT consecutive_failures FROM webhook_endpoint WHERE id = $1`, [endpoint.id]);
    expect(e.consecutive_failures).toBe(0);
  });

  it('fails a delivery when every attempt fails, disables the endpoint at the limit and tells the firm’s admins', async () => {
    const { buyer, supplier, endpoint } = await buyerWithEndpoint();
    hook.script.push(...Array(8).fill(500));
    await quoteFrom(supplier, buyer);
    await drained();
    const first = (await deliveries.deliveries(buyer.admin, endpoint.id, { first: 10 })).items;
    expect(first.map((d) => [d.status, d.attempts])).toEqual([['failed', 4]]);
    let [e] = await endpoints.list(buyer.admin, buyer.firmId);
    expect(e).toMatchObject({ consecutiveFailures: 1, disabledAt: null });

    // The second delivery failing for good reaches the limit (2 here).
    await quoteFrom(await verifiedFirm(app, 'LT', supplier.clusterId), buyer);
    await drained();
    [e] = await endpoints.list(buyer.admin, buyer.firmId);
    expect(e.consecutiveFailures).toBe(2);
    expect(e.disabledAt).not.toBeNull();
    expect(e.disabledReason).toBe('after failed deliveries');
    const told = await app.db.query(`SELECT user_id, kind, body FROM notification WHERE kind = 'webhook.disabled'`);
    expect(told).toEqual([expect.objectContaining({ user_id: buyer.adminId })]);
    expect(told[0].body).toContain('2 kolejne dostawy nie powiodły się');

    // While disabled nothing is planned for it; once enabled, a failed delivery can be sent again.
    const sent = hook.received.length;
    await quoteFrom(await verifiedFirm(app, 'LT', supplier.clusterId), buyer);
    await drained();
    expect(hook.received).toHaveLength(sent);
    // Sent again while still disabled: put aside (skipped), not attempted.
    await deliveries.retry(buyer.admin, first[0].id);
    await drained();
    const skipped = (await deliveries.deliveries(buyer.admin, endpoint.id, { first: 10 })).items.find(
      (d) => d.id === first[0].id,
    );
    expect(skipped).toMatchObject({ status: 'skipped', attempts: 4 });
    await endpoints.update(buyer.admin, endpoint.id, { enabled: true });
    const retried = await deliveries.retry(buyer.admin, first[0].id);
    expect(retried.status).toBe('pending');
    await drained();
    const [again] = (await deliveries.deliveries(buyer.admin, endpoint.id, { first: 10 })).items.filter(
      (d) => d.id === first[0].id,
    );
    expect(again).toMatchObject({ status: 'succeeded', attempts: 5 });
    expect((await domainError(deliveries.retry(buyer.admin, first[0].id))).code).toBe('WEBHOOK_DELIVERY_NOT_RETRYABLE');
  });

  it('sends an event once however often it is replayed, and only the kinds an endpoint asked for', async () => {
    const { buyer, supplier, endpoint } = await buyerWithEndpoint();
    await quoteFrom(supplier, buyer);
    await drained();
    const [event] = await app.db.query(`SELECT id FROM outbox_event WHERE type = 'quote.submitted'`);
    await app.db.query(`UPDATE outbox_event SET published_at = NULL WHERE id = $1`, [event.id]);
    await queues.queue(QueueName.Events).obliterate({ force: true });
    await drained();
    expect(hook.received).toHaveLength(1);

    await endpoints.update(buyer.admin, endpoint.id, { kinds: ['award.won', 'order.cancelled'] });
    await quoteFrom(supplier, buyer);
    await drained();
    expect(hook.received).toHaveLength(1);
  });

  it('keeps endpoints and their log to the firm: members read, admins manage, others find nothing', async () => {
    const { buyer, endpoint, supplier } = await buyerWithEndpoint();
    const member = actorFor(app, await addMember(app, buyer));
    expect((await endpoints.list(member, buyer.firmId)).map((e) => e.id)).toEqual([endpoint.id]);
    expect((await domainError(endpoints.update(member, endpoint.id, { enabled: false }))).code).toBe('FORBIDDEN');
    expect((await domainError(endpoints.rotateSecret(member, endpoint.id))).code).toBe('FORBIDDEN');
    for (const work of [
      endpoints.list(supplier.admin, buyer.firmId),
      deliveries.deliveries(supplier.admin, endpoint.id, { first: 5 }),
      endpoints.update(supplier.admin, endpoint.id, { url: 'http://127.0.0.1:1/steal' }),
      endpoints.remove(supplier.admin, endpoint.id),
    ]) {
      expect((await domainError(work)).code).toMatch(/NOT_FOUND$/);
    }
    const [row] = await app.db.query(`SELECT url, disabled_at FROM webhook_endpoint WHERE id = $1`, [endpoint.id]);
    expect(row).toEqual({ url: hook.url, disabled_at: null });
  });

  it('names the field of bad input, keeps the limit per firm, and answers a replayed creation with the same secret', async () => {
    const buyer = await verifiedFirm(app, 'PL');
    const bad = await domainError(
      endpoints.create(
        buyer.admin,
        buyer.firmId,
        { url: 'not a url', kinds: ['quote.received', 'no.such'] },
        'k-1234567',
      ),
    );
    expect(bad.problems.map((p) => `${p.field}:${p.reason}`)).toEqual(['url:FORMAT', 'kinds.1:UNKNOWN_KIND']);
    const first = await endpoints.create(buyer.admin, buyer.firmId, { url: hook.url }, 'same-key-1');
    const replay = await endpoints.create(buyer.admin, buyer.firmId, { url: hook.url }, 'same-key-1');
    expect(replay).toEqual(first);
    for (let i = 1; i < 10; i++) await endpoints.create(buyer.admin, buyer.firmId, { url: hook.url }, `more-keys-${i}`);
    expect((await domainError(endpoints.create(buyer.admin, buyer.firmId, { url: hook.url }, 'eleventh'))).code).toBe(
      'WEBHOOK_ENDPOINT_LIMIT_REACHED',
    );
    const rotated = await endpoints.rotateSecret(buyer.admin, first.endpoint.id);
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.endpoint.previousSecretExpiresAt?.getTime()).toBeGreaterThan(Date.now());
  });
});
