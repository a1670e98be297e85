import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import WebSocket from 'ws';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { AccessService, DEMO_FIRMS, DEMO_PASSWORD, demoFirmUserEmail, IdentityModule } from '@kooperant/identity';
import { OrderService, OrdersModule, QuoteService } from '@kooperant/orders';
import { EMAIL_MODE_BY_DEFAULT } from '@kooperant/notifications';
import { QueueName } from '@kooperant/platform-queue';
import { loopbackSmtp, type LoopbackSmtp } from '@kooperant/platform-testing';
import { BIALYSTOK_DELIVERY, cli, dbUrl, graphqlAt, recreateDb, REDIS_URL, waitFor } from './harness';
import {
  benchContext,
  dropBenchDb,
  machineBusyOver,
  noopThroughput,
  pool,
  quantiles,
  RoundProcesses,
  sleep,
  until,
  WORKER_CONCURRENCY,
} from './measure';

/**
 * Notifications end to end: seeds the demo data into its own database, starts a real SMTP server on loopback, and
 * as the demo buyer firm creates and publishes one-package orders (through OrderService) on which 20 other demo firms
 * submit `events` quotes (QuoteService): each a `quote.submitted` outbox event whose notification (`quote.received`,
 * e-mailed by default) goes to every user of the buyer firm. Measures, in one run:
 * - delivery throughput with one and with two `dist/apps/worker/src/main.js` processes (default concurrency, SMTP
 *   to the loopback server, a fresh QUEUE_PREFIX each round): the events are handed back to the outbox at once, and
 *   timed until every in-app notification is written (relay → `domain-event` job → NotificationsEventsSubscriber →
 *   NotificationService.fromEvent) and until every e-mail is sent (SendNotificationEmailProcessor → nodemailer →
 *   SMTP; `emailed_at` set), polled every 50 ms;
 * - BullMQ's no-op job throughput through the platform's JobRunner, the baseline (as in the matching bench);
 * - live latency: a gateway and a worker, the buyer's user subscribed to `notificationAdded` over graphql-ws; a
 *   supplier submits a quote over GraphQL (`changes` times, one after another, after 10 unmeasured) and the time from
 *   sending the mutation to the buyer's notification arriving is taken, with the outbox relay's default idle poll
 *   (200 ms) and with 20 ms; next to a `{ __typename }` round trip and the mutation's own round trip.
 * Prints a Markdown table with ratios. Asserts nothing. Drops its database unless BENCH_KEEP_DB is set.
 *   npm run bench -- notifications [events] [changes]
 */
const DB = 'kooperant_bench_notifications';
const PORT = '3905';
const URL_GQL = `http://127.0.0.1:${PORT}/graphql`;
/** The buyer of the matching bench: a Polish demo firm; its orders are open to both clusters. */
const BUYER_KEY = 'pl-podlaska-fabryka-maszyn';
/** Firms quoting for the throughput rounds, and (others) for the live rounds. */
const SUPPLIERS = 20;
const LIVE_SUPPLIERS = 2;
const WARM_UP = 10;
/** Pause before each live change: uniform in [0, THINK_MS), longer than the relay's default idle poll. */
const THINK_MS = 250;
const NOOP_JOBS = 20_000;
const ROUND_TIMEOUT_MS = 280_000;
const POLL_MS = 50;
const DAY = 86_400_000;

const round1 = (x: number) => Math.round(x * 10) / 10;
const f = (x: number) => (Number.isFinite(x) ? String(round1(x)) : '-');
const pct = (a: number, b: number) => (b ? `${round1((a / b) * 100)} %` : '-');

@Module({})
class BenchNotificationsModule {}

interface DemoFirm {
  key: string;
  firmId: string;
  userId: string;
  email: string;
}

/** The demo firms' first users and firm ids, by firm key, the buyer first. */
async function demoFirms(pg: Client): Promise<DemoFirm[]> {
  const emails = DEMO_FIRMS.map((d) => demoFirmUserEmail(d));
  const { rows } = await pg.query<{ email: string; user_id: string; firm_id: string }>(
    `SELECT u.email, u.id AS user_id, m.firm_id FROM app_user u JOIN firm_member m ON m.user_id = u.id
     WHERE u.email = ANY($1::text[])`,
    [emails],
  );
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const firms = DEMO_FIRMS.flatMap((d) => {
    const r = byEmail.get(demoFirmUserEmail(d));
    return r ? [{ key: d.key, firmId: r.firm_id, userId: r.user_id, email: r.email }] : [];
  });
  const buyer = firms.find((x) => x.key === BUYER_KEY);
  if (!buyer) throw new Error(`no demo firm ${BUYER_KEY}`);
  return [buyer, ...firms.filter((x) => x !== buyer)];
}

/** A one-package order: laser cutting of 40 brackets in Białystok. */
function orderInput(buyerFirmId: string, i: number) {
  const at = (days: number) => new Date(Date.now() + days * DAY);
  return {
    buyerFirmId,
    language: 'pl' as const,
    title: `Wsporniki ${i + 1} – cięcie laserowe`,
    description: 'Benchmark powiadomień.',
    delivery: BIALYSTOK_DELIVERY,
    deliveryDate: at(60),
    currency: 'PLN',
    visibility: 'partner_clusters' as const,
    quoteDeadline: at(10),
    workPackages: [
      {
        key: 'cut',
        title: 'Cięcie laserowe',
        processCode: 'process.laser-cutting',
        quantity: 40,
        quantityUnit: 'pcs',
        dueDate: at(30),
        after: [],
      },
    ],
  };
}

interface DeliveryRound {
  workers: number;
  events: number;
  notifications: number;
  emails: number;
  /** From handing the events to the outbox until the last notification was written / e-mail sent. */
  appSeconds: number;
  mailSeconds: number;
  smtpReceived: number;
  failed: number;
  rss: (number | null)[];
  workerCpu: number[];
  machineBusy: number;
  timedOut: boolean;
}

/**
 * One round: `workers` worker processes on a fresh queue prefix, SMTP to the loopback server. Once they listen,
 * the events' outbox rows are marked unsent, all at once, and the notifications and e-mails they cause are counted.
 */
async function deliveryRound(
  workers: number,
  env: NodeJS.ProcessEnv,
  pg: Client,
  smtp: LoopbackSmtp,
  eventIds: string[],
  expected: { notifications: number; emails: number },
): Promise<DeliveryRound> {
  await pg.query(`DELETE FROM notification WHERE event_id = ANY($1::uuid[])`, [eventIds]);
  await pg.query(`UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL`);
  const round = new RoundProcesses('notifications', `w${workers}`);
  const { queues } = round;
  try {
    for (let i = 0; i < workers; i++) round.start('dist/apps/worker/src/main.js', env);
    const listening = await until(async () => {
      round.check('before the round');
      const counts = await Promise.all(
        [QueueName.Events, QueueName.Notifications].map((q) => queues.queue(q).getWorkersCount()),
      );
      return counts.every((n) => n >= workers);
    }, 60_000);
    if (!listening) throw new Error(`the ${workers} worker processes did not start listening`);
    await sleep(2000); // their boot-time sweeps

    const smtp0 = smtp.count();
    round.startClock();
    const t0 = performance.now();
    await pg.query(`UPDATE outbox_event SET published_at = NULL WHERE id = ANY($1::uuid[])`, [eventIds]);
    let appSeconds = NaN;
    let mailSeconds = NaN;
    let counts = { n: 0, e: 0 };
    let timedOut = false;
    for (;;) {
      counts = (
        await pg.query<{ n: number; e: number }>(
          `SELECT count(*)::int AS n, count(emailed_at)::int AS e FROM notification WHERE event_id = ANY($1::uuid[])`,
          [eventIds],
        )
      ).rows[0];
      const s = (performance.now() - t0) / 1000;
      if (Number.isNaN(appSeconds) && counts.n >= expected.notifications) appSeconds = s;
      if (Number.isNaN(mailSeconds) && counts.e >= expected.emails) mailSeconds = s;
      round.check('during the round');
      if (!Number.isNaN(appSeconds) && !Number.isNaN(mailSeconds)) break;
      if (s * 1000 > ROUND_TIMEOUT_MS) {
        timedOut = true;
        break;
      }
      await sleep(POLL_MS);
    }
    const { cpu, machineBusy } = round.stopClock();
    const failed = (
      await Promise.all([QueueName.Events, QueueName.Notifications].map((q) => queues.queue(q).getJobCounts('failed')))
    ).reduce((a, c) => a + c['failed'], 0);
    return {
      workers,
      events: eventIds.length,
      notifications: counts.n,
      emails: counts.e,
      appSeconds,
      mailSeconds,
      smtpReceived: smtp.count() - smtp0,
      failed,
      rss: round.peakRss,
      workerCpu: cpu,
      machineBusy,
      timedOut,
    };
  } finally {
    await round.close();
  }
}

const gql = graphqlAt(URL_GQL);

const signIn = (email: string) =>
  gql<{ signIn: { accessToken: string } }>(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
    i: { email, password: DEMO_PASSWORD },
  }).then((d) => d.signIn.accessToken);

const SUBMIT = `mutation($i: SubmitQuoteInput!) { submitQuote(input: $i) { id } }`;

interface LiveRound {
  pollMs: number;
  typename: number[];
  mutation: number[];
  live: number[];
  lost: number;
}

/**
 * A gateway and one worker (relay idle poll `pollMs`); the buyer's user subscribed over graphql-ws. Each change: a
 * live supplier submits a quote on the next order; measured from sending it until the buyer's `notificationAdded`
 * for that quote arrives. Then as many `{ __typename }` round trips, the baseline.
 */
async function liveRound(
  env: NodeJS.ProcessEnv,
  pollMs: number,
  buyer: DemoFirm,
  suppliers: DemoFirm[],
  packages: { orderId: string; packageId: string }[],
  changes: number,
): Promise<LiveRound> {
  const round = new RoundProcesses('notifications', `live${pollMs}`);
  const procEnv = { ...env, OUTBOX_POLL_MS: String(pollMs) };
  round.start('dist/apps/gateway/src/main.js', procEnv, ['--max-semi-space-size=64']);
  round.start('dist/apps/worker/src/main.js', procEnv);
  let client: WsClient | undefined;
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`);
    const buyerToken = await signIn(buyer.email);
    const supplierTokens = await Promise.all(suppliers.map((s) => signIn(s.email)));
    const arrived = new Map<string, number>();
    const waiting = new Map<string, (t: number) => void>();
    client = createClient({
      url: URL_GQL.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${buyerToken}` },
      retryAttempts: 0,
      lazy: false,
    });
    const subscribed = new Promise<void>((resolve, reject) => {
      client?.subscribe<{ notificationAdded: { links: { quoteId: string | null } } }>(
        { query: `subscription { notificationAdded { id kind links { quoteId } } }` },
        {
          next: (m) => {
            const t = performance.now();
            const quoteId = m.data?.notificationAdded.links.quoteId;
            if (!quoteId) return;
            arrived.set(quoteId, t);
            waiting.get(quoteId)?.(t);
          },
          error: reject,
          complete: () => undefined,
        },
      );
      client?.on('connected', () => resolve());
    });
    await subscribed;
    await sleep(500); // the subscription is set up on the server

    const validUntil = new Date(Date.now() + 30 * DAY).toISOString();
    const typename: number[] = [];
    const mutation: number[] = [];
    const live: number[] = [];
    let lost = 0;
    for (let i = 0; i < WARM_UP + changes; i++) {
      // Changes come at random moments, not in step with the relay's polling.
      await sleep(Math.random() * THINK_MS);
      const p = packages[Math.floor(i / suppliers.length)];
      const s = i % suppliers.length;
      const t0 = performance.now();
      const { submitQuote } = await gql<{ submitQuote: { id: string } }>(
        SUBMIT,
        {
          i: {
            idempotencyKey: `live-${randomUUID()}`,
            orderId: p.orderId,
            firmId: suppliers[s].firmId,
            validUntil,
            legs: [{ packageId: p.packageId, priceMinor: 95_000 + i, currency: 'PLN', leadTimeDays: 10 }],
          },
        },
        supplierTokens[s],
      );
      const t1 = performance.now();
      const got =
        arrived.get(submitQuote.id) ??
        (await Promise.race([
          new Promise<number>((r) => waiting.set(submitQuote.id, r)),
          sleep(10_000).then(() => NaN),
        ]));
      waiting.delete(submitQuote.id);
      if (i < WARM_UP) continue;
      mutation.push(t1 - t0);
      if (Number.isNaN(got)) lost++;
      else live.push(got - t0);
    }
    for (let i = 0; i < WARM_UP + changes; i++) {
      const t0 = performance.now();
      await gql(`{ __typename }`, {}, buyerToken);
      if (i >= WARM_UP) typename.push(performance.now() - t0);
    }
    return { pollMs, typename, mutation, live, lost };
  } finally {
    await client?.dispose();
    await round.close();
  }
}

export async function benchNotifications(events = 2000, changes = 200): Promise<void> {
  const smtp = await loopbackSmtp(0, { parse: false });
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(DB),
    REDIS_URL,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'warn',
    PORT,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
  };
  const before = await machineBusyOver(2000);
  await recreateDb(DB);
  const pg = new Client({ connectionString: dbUrl(DB) });
  let app: INestApplicationContext | undefined;
  try {
    const t0 = Date.now();
    cli(['seed'], env);
    console.log(`data ready in ${Math.round((Date.now() - t0) / 1000)} s`);
    await pg.connect();
    app = await benchContext(BenchNotificationsModule, env, [IdentityModule, OrdersModule]);
    const [buyer, ...others] = await demoFirms(pg);
    if (others.length < SUPPLIERS + LIVE_SUPPLIERS) throw new Error('not enough demo firms');
    const suppliers = others.slice(0, SUPPLIERS);
    const liveSuppliers = others.slice(SUPPLIERS, SUPPLIERS + LIVE_SUPPLIERS);
    const access = app.get(AccessService);
    const orders = app.get(OrderService);
    const quotes = app.get(QuoteService);

    // Orders: enough for the quotes of the delivery rounds, and for two live rounds of their own.
    const t1 = Date.now();
    const perLiveRound = Math.ceil((WARM_UP + changes) / LIVE_SUPPLIERS);
    const orderCount = Math.max(Math.ceil(events / SUPPLIERS), 1) + 2 * perLiveRound;
    const buyerActor = access.actorFor(buyer.userId);
    const stamp = Date.now().toString(36);
    const packages = await pool(
      Array.from({ length: orderCount }, (_, i) => i),
      4,
      async (i) => {
        const v = await orders.createOrder(buyerActor, orderInput(buyer.firmId, i), `bench-n-${stamp}-${i}`);
        await orders.publishOrder(buyerActor, v.order.id);
        return { orderId: v.order.id, packageId: v.packages[0].id };
      },
    );
    const validUntil = new Date(Date.now() + 30 * DAY);
    await pool(
      Array.from({ length: events }, (_, i) => i),
      4,
      (i) => {
        const s = suppliers[i % SUPPLIERS];
        const p = packages[Math.floor(i / SUPPLIERS)];
        return quotes.submitQuote(
          access.actorFor(s.userId),
          {
            orderId: p.orderId,
            firmId: s.firmId,
            validUntil,
            legs: [{ packageId: p.packageId, priceMinor: 90_000 + i, currency: 'PLN', leadTimeDays: 7 }],
          },
          `bench-q-${stamp}-${i}`,
        );
      },
    );
    const prepSeconds = (Date.now() - t1) / 1000;
    await app.close();
    app = undefined;
    const eventIds = (
      await pg.query<{ id: string }>(
        `SELECT id FROM outbox_event WHERE type = 'quote.submitted' AND payload->>'orderId' = ANY($1::text[])`,
        [packages.map((p) => p.orderId)],
      )
    ).rows.map((r) => r.id);
    // Nothing else for the workers to do: the set-up's events count as sent, its orders as matched.
    await pg.query(`UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL`);
    await pg.query(
      `INSERT INTO order_match_run (order_id, computed_at, matches, chains)
       SELECT id, now(), 0, NULL FROM cooperative_order WHERE status = 'open'
       ON CONFLICT (order_id) DO UPDATE SET computed_at = now()`,
    );
    const [{ n: members }] = (
      await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM firm_member WHERE firm_id = $1`, [buyer.firmId])
    ).rows;
    const expected = {
      notifications: eventIds.length * members,
      emails: EMAIL_MODE_BY_DEFAULT['quote.received'] === 'immediately' ? eventIds.length * members : 0,
    };
    console.log(
      `${orderCount} orders and ${eventIds.length} quotes ready in ${prepSeconds.toFixed(1)} s; delivery rounds, then the no-op baseline, then live latency`,
    );

    const d1 = await deliveryRound(1, env, pg, smtp, eventIds, expected);
    const d2 = await deliveryRound(2, env, pg, smtp, eventIds, expected);
    const noop = await noopThroughput(NOOP_JOBS, 'notifications');
    const liveOrders = packages.slice(Math.ceil(events / SUPPLIERS));
    const slow = await liveRound(env, 200, buyer, liveSuppliers, liveOrders.slice(0, perLiveRound), changes);
    const fast = await liveRound(env, 20, buyer, liveSuppliers, liveOrders.slice(perLiveRound), changes);

    console.log(
      `\nnotifications, demo data (44 firms); ${eventIds.length} quote.submitted events from ${SUPPLIERS} firms on ${Math.ceil(events / SUPPLIERS)} orders, each notifying the buyer firm's ${members} user(s) in the app and by e-mail; ${cpus().length} cores`,
    );
    console.log('| run | count | per second | p50 ms | p99 ms | vs baseline | RSS MiB | CPU % of a core |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const d of [d1, d2]) {
      const w = `${d.workers} worker process${d.workers > 1 ? 'es' : ''}`;
      const rate = (n: number, s: number) => n / s;
      console.log(
        `| in-app notifications written, ${w} (relay → domain-event job → fromEvent) | ${d.notifications}/${expected.notifications}${d.timedOut ? ' (timed out)' : ''} | ${f(rate(d.notifications, d.appSeconds))} | - | - | ${pct(rate(d.notifications, d.appSeconds), noop.jobsPerSec)} of no-op jobs/s | ${d.rss.map((r) => r ?? '-').join(' + ')} | ${d.workerCpu.map(f).join(' + ')} |`,
      );
      console.log(
        `| e-mails sent, ${w} (send-notification-email job → SMTP on loopback; until the last) | ${d.emails}/${expected.emails} | ${f(rate(d.emails, d.mailSeconds))} | - | - | ${pct(rate(d.emails, d.mailSeconds), noop.jobsPerSec)} of no-op jobs/s | | |`,
      );
    }
    console.log(
      `| BullMQ no-op jobs (JobRunner, concurrency ${WORKER_CONCURRENCY}, in the bench process) | ${NOOP_JOBS} | ${f(noop.jobsPerSec)} | - | - | 100 % | - | ${f(noop.cpu)} |`,
    );
    for (const r of [slow, fast]) {
      const t = quantiles(r.typename);
      const m = quantiles(r.mutation);
      const l = quantiles(r.live);
      const label = `OUTBOX_POLL_MS=${r.pollMs}`;
      console.log(
        `| \`{ __typename }\` round trip over HTTP (${label} run) | ${r.typename.length} | - | ${f(t.p50)} | ${f(t.p99)} | 1× | - | - |`,
      );
      console.log(
        `| \`submitQuote\` round trip (${label}) | ${r.mutation.length} | - | ${f(m.p50)} | ${f(m.p99)} | ${f(m.p50 / t.p50)}× at p50 | - | - |`,
      );
      console.log(
        `| \`submitQuote\` sent → buyer's \`notificationAdded\` arrives (${label}) | ${r.live.length}${r.lost ? `, ${r.lost} lost` : ''} | - | ${f(l.p50)} | ${f(l.p99)} | ${f(l.p50 / t.p50)}× at p50 | - | - |`,
      );
    }
    console.log('');
    for (const d of [d1, d2]) {
      console.log(
        `${d.workers} worker(s): notifications in ${d.appSeconds.toFixed(1)} s, e-mails in ${d.mailSeconds.toFixed(1)} s; SMTP server received ${d.smtpReceived}; failed jobs ${d.failed}; machine CPU busy (all cores) ${f(d.machineBusy)} %`,
      );
    }
    console.log(
      `machine CPU busy before the bench started: ${f(before)} %; no-op: ${noop.seconds.toFixed(1)} s, enqueued at ${Math.round(noop.addPerSec)}/s; e-mails go through nodemailer's pool of 2 SMTP connections per worker`,
    );
  } finally {
    await app?.close();
    await pg.end().catch(() => undefined);
    await smtp.close();
    await dropBenchDb(DB);
  }
}
