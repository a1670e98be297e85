import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { AccessService, demoFirmUserEmail, IdentityModule, type Actor } from '@kooperant/identity';
import { OrderService, type CreateOrderCommand } from '@kooperant/orders';
import { MatchingModule, PackageRankingService } from '@kooperant/matching';
import { JobName, jobId, QueueName } from '@kooperant/platform-queue';
import { cli, dbUrl, recreateDb, REDIS_URL } from './harness';
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
 * Matching at scale: seeds the demo data and `offers` generated offers from 5,000 firms, then, as a demo buyer firm,
 * creates and publishes (through OrderService) 300 orders of five chained packages (cut → bend → weld → coat →
 * assemble; varied processes, materials, thicknesses, quantities, dates, delivery places) and 100 orders of a single
 * package. Measures, in one run:
 * - ranking one package in-process: `PackageRankingService.rankOrder` on the single-package orders (there is no
 *   per-package method), sequentially for `seconds` after a warm-up; and the same on the five-package orders;
 * - packages matched per second by `dist/apps/worker/src/main.js` with one and with two worker processes (default
 *   concurrency, a fresh QUEUE_PREFIX each round): one `match-order` job per five-package order, timed from the first
 *   enqueue until every order has its `order_match_run` row (polled every 50 ms);
 * - BullMQ's no-op job throughput, the baseline: the platform's JobRunner with a handler that does nothing, the
 *   worker's default concurrency, 20,000 jobs added in bulk, timed until the last completes.
 * Prints a Markdown table with ratios to the no-op baseline and the goals of the issue (p50 < 20 ms per package,
 * at least 200 packages/s on the 2-core machine). Asserts nothing. Drops its database at the end unless
 * BENCH_KEEP_DB is set (to look at query plans afterwards).
 *   npm run bench -- matching [seconds] [offers]
 */
const DB = 'kooperant_bench_matching';
const FIRMS = 5_000;
const CHAIN_ORDERS = 300;
const SINGLE_ORDERS = 100;
const NOOP_JOBS = 20_000;
const BUYER_KEY = 'pl-podlaska-fabryka-maszyn';
/** A round that has not finished by then is reported with what it did (the worker's 5-minute sweep must not join). */
const ROUND_TIMEOUT_MS = 280_000;
const POLL_MS = 50;

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);
const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (a: number, b: number) => (b ? `${round1((a / b) * 100)} %` : '-');

/** Only what ranking and order creation need: no queue, no GraphQL. */
@Module({})
class BenchMatchingModule {}

const CUT = ['process.laser-cutting', 'process.plasma-cutting', 'process.waterjet-cutting'];
const WELD = ['process.mig-mag-welding', 'process.tig-welding', 'process.robotic-welding'];
const COAT = ['process.powder-coating', 'process.hot-dip-galvanising', 'process.wet-painting'];
const MATERIALS = [
  'material.structural-steel',
  'material.stainless-steel',
  'material.sheet-metal',
  'material.aluminium',
];
const THICKNESS = [1, 2, 3, 4, 6, 8, 12, 20];
const QUANTITY = [10, 40, 120, 500, 2000];
const PLACES = [
  { street: 'ul. Przemysłowa 40', city: 'Białystok', postcode: '15-480', country: 'PL', lat: 53.12, lng: 23.2 },
  { street: 'ul. Sejneńska 12', city: 'Suwałki', postcode: '16-400', country: 'PL', lat: 54.1, lng: 22.93 },
  { street: 'ul. Zjazd 5', city: 'Łomża', postcode: '18-400', country: 'PL', lat: 53.18, lng: 22.07 },
  { street: 'Pramonės g. 7', city: 'Alytus', postcode: 'LT-62175', country: 'LT', lat: 54.4, lng: 24.05 },
  { street: 'Savanorių pr. 170', city: 'Kaunas', postcode: 'LT-44150', country: 'LT', lat: 54.9, lng: 23.89 },
];

type OrderInput = Omit<CreateOrderCommand, 'buyerFirmId'>;
type WorkPackageDraft = CreateOrderCommand['workPackages'][number];

/** The i-th five-package order: a frame cut, bent, welded, coated and assembled, every step after the previous. */
function chainOrder(i: number): OrderInput {
  const material = MATERIALS[i % MATERIALS.length];
  const thicknessMm = THICKNESS[i % THICKNESS.length];
  const quantity = QUANTITY[i % QUANTITY.length];
  const first = 12 + (i % 30);
  const step = (
    key: string,
    title: string,
    processCode: string,
    n: number,
    extra: Partial<WorkPackageDraft> = {},
  ): WorkPackageDraft => ({
    key,
    title,
    processCode,
    quantity,
    quantityUnit: 'pcs',
    dueDate: at(first + n * (5 + (i % 4))),
    after: n === 0 ? [] : [['cut', 'bend', 'weld', 'coat'][n - 1]],
    ...extra,
  });
  return {
    language: 'pl',
    title: `Rama wsporcza ${i + 1} – cięcie, gięcie, spawanie, malowanie, montaż`,
    description: 'Benchmark: pięć kroków w łańcuchu.',
    delivery: PLACES[i % PLACES.length],
    deliveryDate: at(first + 5 * 9),
    currency: i % 2 ? 'EUR' : 'PLN',
    visibility: 'partner_clusters',
    quoteDeadline: at(7),
    workPackages: [
      step('cut', 'Cięcie', CUT[i % CUT.length], 0, { materialCode: material, thicknessMm }),
      step('bend', 'Gięcie', 'process.press-brake-bending', 1, { materialCode: material, thicknessMm }),
      step('weld', 'Spawanie', WELD[i % WELD.length], 2, { materialCode: material }),
      step('coat', 'Malowanie', COAT[i % COAT.length], 3),
      step('assemble', 'Montaż', 'process.assembly', 4),
    ],
  };
}

/** The i-th single-package order: the steps of the chain orders in turn. */
function singleOrder(i: number): OrderInput {
  const chain = chainOrder(i);
  const only = { ...chain.workPackages[i % 5], key: 'only', after: [] };
  return { ...chain, title: `Zlecenie jednoetapowe ${i + 1}`, workPackages: [only] };
}

interface RankRun {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  considered: number;
  matches: number;
  /** CPU this process used while ranking, in % of one core (the rest of the time it waits for PostgreSQL). */
  cpu: number;
}

/** `rankOrder` on the orders in turn, one at a time: a short warm-up, then `seconds` of samples (at least 20). */
async function timeRanking(ranking: PackageRankingService, orderIds: string[], seconds: number): Promise<RankRun> {
  for (const id of orderIds.slice(0, 20)) await ranking.rankOrder(id);
  const ms: number[] = [];
  let considered = 0;
  let matches = 0;
  let packages = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const until = t0 + seconds * 1000;
  for (let i = 0; performance.now() < until || ms.length < 20; i++) {
    const t = performance.now();
    const r = await ranking.rankOrder(orderIds[i % orderIds.length]);
    ms.push(performance.now() - t);
    for (const p of r) {
      considered += p.considered;
      matches += p.matches.length;
      packages++;
    }
  }
  const used = process.cpuUsage(cpu0);
  const cpu = ((used.user + used.system) / 1000 / (performance.now() - t0)) * 100;
  return { samples: ms.length, ...quantiles(ms), considered: considered / packages, matches: matches / packages, cpu };
}

interface WorkerRound {
  workers: number;
  orders: number;
  done: number;
  seconds: number;
  packagesPerSec: number;
  jobsPerSec: number;
  /** Time a `match-order` job took in a worker (processedOn → finishedOn). */
  jobP50: number;
  jobP99: number;
  failed: number;
  matchRows: number;
  rss: (number | null)[];
  /** CPU each worker process used during the round, in % of one core. */
  workerCpu: number[];
  /** CPU the whole machine used during the round (PostgreSQL, Redis, workers, this process), in % of all cores. */
  machineBusy: number;
  timedOut: boolean;
}

/**
 * One round: `workers` worker processes on a fresh queue prefix. Before they start, every open order gets a
 * placeholder `order_match_run` row and the outbox is marked sent, so that the boot-time sweeps and the relay find
 * nothing to do; once those sweeps have run, the bench orders' matches and runs are cleared and one `match-order`
 * job per order is enqueued (no debounce).
 */
async function workerRound(
  workers: number,
  env: NodeJS.ProcessEnv,
  pg: Client,
  orderIds: string[],
  packagesPerOrder: number,
): Promise<WorkerRound> {
  await pg.query(
    `INSERT INTO order_match_run (order_id, computed_at, matches, chains)
     SELECT id, now(), 0, NULL FROM cooperative_order WHERE status = 'open'
     ON CONFLICT (order_id) DO UPDATE SET computed_at = now()`,
  );
  await pg.query(`UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL`);
  const round = new RoundProcesses('matching', `w${workers}`);
  const { queues } = round;
  try {
    for (let i = 0; i < workers; i++) round.start('dist/apps/worker/src/main.js', env);
    const matching = queues.queue(QueueName.Matching);
    const catalogue = queues.queue(QueueName.Catalogue);
    // Every process listening, and the schedules' first (immediate) runs done.
    const ready = await until(async () => {
      round.check('before the round');
      const [m, c] = await Promise.all([
        matching.getJobCounts('completed', 'active', 'waiting'),
        catalogue.getJobCounts('completed', 'active', 'waiting'),
      ]);
      return (
        (await matching.getWorkersCount()) >= workers &&
        m['completed'] >= 1 &&
        c['completed'] >= 2 &&
        m['active'] + m['waiting'] + c['active'] + c['waiting'] === 0
      );
    }, 90_000);
    if (!ready) console.warn(`matching round with ${workers} workers: the boot-time sweeps did not finish; going on`);
    await pg.query(`DELETE FROM package_match WHERE order_id = ANY($1::uuid[])`, [orderIds]);
    await pg.query(`DELETE FROM order_match_run WHERE order_id = ANY($1::uuid[])`, [orderIds]);
    const count = async () =>
      (
        await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM order_match_run WHERE order_id = ANY($1::uuid[])`,
          [orderIds],
        )
      ).rows[0].n;

    round.startClock();
    const t0 = performance.now();
    await Promise.all(
      orderIds.map((orderId) =>
        queues.enqueue(JobName.MatchOrder, { orderId }, { jobId: jobId('bench-match-order', orderId) }),
      ),
    );
    let done = 0;
    let timedOut = false;
    for (;;) {
      done = await count();
      round.check('during the round');
      if (done >= orderIds.length) break;
      if (performance.now() - t0 > ROUND_TIMEOUT_MS) {
        timedOut = true;
        break;
      }
      await sleep(POLL_MS);
    }
    const { seconds, cpu: workerCpu, machineBusy } = round.stopClock();

    const jobs = (await matching.getJobs(['completed'], 0, -1)).filter((j) => j.name === JobName.MatchOrder);
    const jobMs = jobs
      .filter((j) => j.processedOn && j.finishedOn)
      .map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0));
    const { p50, p99 } = quantiles(jobMs);
    const failed = (await matching.getJobCounts('failed'))['failed'];
    const [{ n: matchRows }] = (
      await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM package_match WHERE order_id = ANY($1::uuid[])`, [
        orderIds,
      ])
    ).rows;
    return {
      workers,
      orders: orderIds.length,
      done,
      seconds,
      packagesPerSec: (done * packagesPerOrder) / seconds,
      jobsPerSec: done / seconds,
      jobP50: p50,
      jobP99: p99,
      failed,
      matchRows,
      rss: round.peakRss,
      workerCpu,
      machineBusy,
      timedOut,
    };
  } finally {
    await round.close();
  }
}

/** The demo buyer's admin as an actor, and its firm id. */
async function buyer(app: INestApplicationContext, pg: Client): Promise<{ actor: Actor; firmId: string }> {
  const { rows } = await pg.query<{ user_id: string; firm_id: string }>(
    `SELECT u.id AS user_id, m.firm_id FROM app_user u JOIN firm_member m ON m.user_id = u.id WHERE u.email = $1`,
    [demoFirmUserEmail({ key: BUYER_KEY })],
  );
  if (!rows[0]) throw new Error(`no demo firm ${BUYER_KEY}`);
  return { actor: app.get(AccessService).actorFor(rows[0].user_id), firmId: rows[0].firm_id };
}

export async function benchMatching(seconds = 15, offers = 100_000): Promise<void> {
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(DB),
    REDIS_URL,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'warn',
  };
  // What else keeps the machine busy (other processes skew every figure below).
  const before = await machineBusyOver(2000);
  await recreateDb(DB);
  const pg = new Client({ connectionString: dbUrl(DB) });
  let app: INestApplicationContext | undefined;
  try {
    const t0 = Date.now();
    cli(['seed'], env);
    cli(['seed:scale', String(offers), String(FIRMS)], env);
    console.log(`data ready in ${Math.round((Date.now() - t0) / 1000)} s`);
    await pg.connect();

    app = await benchContext(BenchMatchingModule, env, [IdentityModule, MatchingModule]);
    const orders = app.get(OrderService);
    const { actor, firmId } = await buyer(app, pg);
    const t1 = Date.now();
    const create = (input: OrderInput, key: string) =>
      orders
        .createOrder(actor, { ...input, buyerFirmId: firmId }, key)
        .then((v) => orders.publishOrder(actor, v.order.id))
        .then((v) => v.order.id);
    const stamp = Date.now().toString(36);
    const chainIds = await pool(
      Array.from({ length: CHAIN_ORDERS }, (_, i) => i),
      4,
      (i) => create(chainOrder(i), `bench-chain-${stamp}-${i}`),
    );
    const singleIds = await pool(
      Array.from({ length: SINGLE_ORDERS }, (_, i) => i),
      4,
      (i) => create(singleOrder(i), `bench-single-${stamp}-${i}`),
    );
    const prepSeconds = (Date.now() - t1) / 1000;
    // Their events must not reach a worker: the rounds enqueue the jobs themselves.
    await pg.query(`UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL`);

    console.log(`orders ready in ${prepSeconds.toFixed(1)} s; ranking in-process, ${seconds} s each`);
    const ranking = app.get(PackageRankingService);
    const one = await timeRanking(ranking, singleIds, seconds);
    const five = await timeRanking(ranking, chainIds, seconds);
    await app.close();
    app = undefined;

    console.log('matching with worker processes, then the no-op baseline');
    const w1 = await workerRound(1, env, pg, chainIds, 5);
    const w2 = await workerRound(2, env, pg, chainIds, 5);
    const noop = await noopThroughput(NOOP_JOBS, 'matching');
    const [{ n: outbox }] = (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event`)).rows;

    const f = (x: number) => (Number.isFinite(x) ? String(round1(x)) : '-');
    const met = (ok: boolean) => (ok ? 'met' : 'not met');
    console.log(
      `\nmatching, ${offers} offers from ${FIRMS} firms; ${CHAIN_ORDERS} orders of 5 chained packages and ${SINGLE_ORDERS} of 1; ${cpus().length} cores`,
    );
    console.log(`orders created and published through OrderService (4 at a time): ${prepSeconds.toFixed(1)} s`);
    console.log(
      `offers considered per package (process fits, at most 200): ${f(one.considered)} (1-package orders), ${f(five.considered)} (5-package); matches kept per package: ${f(one.matches)} / ${f(five.matches)}`,
    );
    console.log(
      '| run | samples / orders | p50 ms | p99 ms | mean ms | packages/s | jobs/s | packages/s ÷ no-op jobs/s | RSS MiB | CPU % of a core |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    console.log(
      `| rank one package in-process (\`rankOrder\`, 1-package orders, sequential) | ${one.samples} | ${f(one.p50)} | ${f(one.p99)} | ${f(one.mean)} | ${f(1000 / one.mean)} | - | - | - | ${f(one.cpu)} |`,
    );
    console.log(
      `| rank a 5-package order in-process (\`rankOrder\`, sequential; per order) | ${five.samples} | ${f(five.p50)} | ${f(five.p99)} | ${f(five.mean)} | ${f(5000 / five.mean)} | - | - | - | ${f(five.cpu)} |`,
    );
    for (const w of [w1, w2]) {
      console.log(
        `| \`match-order\` jobs, ${w.workers} worker process${w.workers > 1 ? 'es' : ''} (concurrency ${WORKER_CONCURRENCY} each; p50/p99 = one job in the worker) | ${w.done}/${w.orders}${w.timedOut ? ' (timed out)' : ''} | ${f(w.jobP50)} | ${f(w.jobP99)} | - | ${f(w.packagesPerSec)} | ${f(w.jobsPerSec)} | ${pct(w.packagesPerSec, noop.jobsPerSec)} | ${w.rss.map((r) => r ?? '-').join(' + ')} | ${w.workerCpu.map(f).join(' + ')} |`,
      );
    }
    console.log(
      `| BullMQ no-op jobs (JobRunner, concurrency ${WORKER_CONCURRENCY}, in the bench process) | ${NOOP_JOBS} | - | - | - | - | ${f(noop.jobsPerSec)} | 100 % | - | ${f(noop.cpu)} |`,
    );
    console.log('');
    console.log(
      `goal, p50 under 20 ms to rank one package: ${f(one.p50)} ms, ${met(one.p50 < 20)} (5-package order: ${f(five.p50 / 5)} ms per package at p50)`,
    );
    console.log(
      `goal, at least 200 packages/s: ${f(w1.packagesPerSec)}/s with 1 worker, ${met(w1.packagesPerSec >= 200)}; ${f(w2.packagesPerSec)}/s with 2, ${met(w2.packagesPerSec >= 200)}`,
    );
    console.log(
      `match-order jobs/s vs no-op jobs/s: ${pct(w1.jobsPerSec, noop.jobsPerSec)} (1 worker), ${pct(w2.jobsPerSec, noop.jobsPerSec)} (2 workers); 2 workers vs 1: ${pct(w2.packagesPerSec, w1.packagesPerSec)}`,
    );
    console.log(
      `machine CPU busy (all cores) before the bench started: ${f(before)} %; during the rounds (PostgreSQL, Redis, workers, anything else): ${f(w1.machineBusy)} % (1 worker), ${f(w2.machineBusy)} % (2 workers); CPU % of a core: for the in-process rows and the no-op row this bench process, for the worker rows each worker process`,
    );
    console.log(
      `rounds: ${w1.seconds.toFixed(1)} s and ${w2.seconds.toFixed(1)} s; failed jobs ${w1.failed} / ${w2.failed}; package_match rows ${w1.matchRows} / ${w2.matchRows}; no-op: ${noop.seconds.toFixed(1)} s, enqueued at ${Math.round(noop.addPerSec)}/s; outbox_event rows at the end: ${outbox}`,
    );
  } finally {
    await app?.close();
    await pg.end().catch(() => undefined);
    await dropBenchDb(DB);
  }
}
