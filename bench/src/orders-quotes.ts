import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DEMO_FIRMS, DEMO_PASSWORD, demoFirmUserEmail } from '@kooperant/identity';
import {
  cli,
  dbUrl,
  BIALYSTOK_DELIVERY,
  graphqlAt,
  load,
  printTable,
  recreateDb,
  REDIS_URL,
  rssMiB,
  startProcess,
  stopProcess,
  waitFor,
  type LoadResult,
} from './harness';

/**
 * Cooperative orders under write load: seeds the demo data, then measures over loopback, in one run and at 16
 * connections: `{ __typename }` on the gateway; `createCooperativeOrder` with five chained packages (cut → bend →
 * weld → coat → assemble) by a Polish demo firm; and `submitQuote` (one EUR leg) by a Lithuanian demo firm on 200
 * published orders. Every mutation carries its own idempotency key. Counts only 2xx answers without GraphQL errors
 * as successes, and the rows the database holds afterwards. Prints a Markdown table with ratios.
 *   npm run bench -- orders [seconds]
 */
/** As `npm start` and the Dockerfile run the gateway. */
const GATEWAY_NODE_FLAGS = ['--max-semi-space-size=64'];
const PORT = '3903';
const URL_GQL = `http://127.0.0.1:${PORT}/graphql`;
const CONNECTIONS = 16;
/** Orders created and published (untimed) before the quotes are driven. */
const QUOTED_ORDERS = 200;

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const pct = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10} %`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// autocannon ships no types of its own; this run needs per-request bodies, which the harness's `load` does not take.
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonRun>;

interface AutocannonRun {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
}

interface GqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const gql = graphqlAt(URL_GQL);

/** Signs in a demo firm's user; returns the token and the firm id. */
async function signInFirm(country: 'PL' | 'LT'): Promise<{ token: string; firmId: string; email: string }> {
  const firm = DEMO_FIRMS.find((f) => f.country === country);
  if (!firm) throw new Error(`no ${country} demo firm`);
  const email = demoFirmUserEmail(firm);
  const { signIn } = await gql<{ signIn: { accessToken: string } }>(
    `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
    { i: { email, password: DEMO_PASSWORD } },
  );
  const { me } = await gql<{ me: { firms: { firm: { id: string } }[] } }>(
    `{ me { firms { firm { id } } } }`,
    {},
    signIn.accessToken,
  );
  return { token: signIn.accessToken, firmId: me.firms[0].firm.id, email };
}

const CREATE = `mutation($i: CreateCooperativeOrderInput!) {
  createCooperativeOrder(input: $i) { id status workPackages { id key status } } }`;
const PUBLISH = `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id status } }`;
const SUBMIT = `mutation($i: SubmitQuoteInput!) {
  submitQuote(input: $i) { id status legs { packageId confirmed firm { id } } } }`;

/** A welded, coated support frame: five chained packages, cut → bend → weld → coat → assemble. */
function orderInput(buyerFirmId: string) {
  const step = (key: string, title: string, processCode: string, due: number, after?: string) => ({
    key,
    title,
    processCode,
    quantity: 40,
    quantityUnit: 'pcs',
    dueDate: at(due),
    ...(after ? { after: [after] } : {}),
  });
  return {
    buyerFirmId,
    language: 'pl',
    title: 'Rama wsporcza – cięcie, gięcie, spawanie, malowanie, montaż',
    delivery: BIALYSTOK_DELIVERY,
    deliveryDate: at(90),
    currency: 'EUR',
    visibility: 'partner_clusters',
    quoteDeadline: at(10),
    workPackages: [
      step('cut', 'Cięcie laserowe', 'process.laser-cutting', 20),
      step('bend', 'Gięcie na prasie krawędziowej', 'process.press-brake-bending', 30, 'cut'),
      step('weld', 'Spawanie', 'process.welding', 40, 'bend'),
      step('coat', 'Malowanie proszkowe', 'process.powder-coating', 50, 'weld'),
      step('assemble', 'Montaż', 'process.assembly', 60, 'coat'),
    ],
  };
}

interface MutationRun {
  result: LoadResult;
  /** 2xx answers without GraphQL errors in the measured phase. */
  ok: number;
  /** Rows the measured phase added to the table. */
  rows: number;
  firstError?: string;
}

/**
 * Drives one mutation at `connections` for `seconds` after a 2-second warm-up, with a fresh body per request (each
 * with its own idempotency key), reading every answer: only 2xx without `errors` counts as a success. Counts the rows
 * the measured phase added (after a moment for requests still in flight when autocannon stops).
 */
async function drive(
  name: string,
  opts: {
    connections: number;
    seconds: number;
    headers: Record<string, string>;
    body: () => string;
    rows: () => Promise<number>;
  },
  pid?: number,
): Promise<MutationRun> {
  const tally = { ok: 0, failed: 0, firstError: undefined as string | undefined };
  const requests = [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.body() }),
      onResponse: (status: number, body: string) => {
        let fine = status >= 200 && status < 300;
        if (fine) {
          try {
            const j = JSON.parse(body) as GqlAnswer<unknown>;
            fine = !j.errors?.length && j.data != null;
          } catch {
            fine = false;
          }
        }
        if (fine) tally.ok++;
        else {
          tally.failed++;
          tally.firstError ??= `${status} ${body.slice(0, 300)}`;
        }
      },
    },
  ];
  const base = { url: URL_GQL, connections: opts.connections, method: 'POST', headers: opts.headers, requests };
  await autocannon({ ...base, duration: 2 });
  await sleep(500);
  const before = await opts.rows();
  const warmFirstError = tally.firstError;
  tally.ok = 0;
  tally.failed = 0;
  tally.firstError = undefined;
  const r = await autocannon({ ...base, duration: opts.seconds });
  await sleep(1000);
  const after = await opts.rows();
  return {
    result: {
      name,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + tally.failed,
      rssMiB: rssMiB(pid),
    },
    ok: tally.ok,
    rows: after - before,
    firstError: tally.firstError ?? warmFirstError,
  };
}

export async function benchOrders(seconds = 15): Promise<void> {
  const db = 'kooperant_bench_orders';
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(db),
    REDIS_URL,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'warn',
    PORT,
    // Long runs outlive the default 15 minutes.
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  await recreateDb(db);
  const t0 = Date.now();
  cli(['seed'], env);
  console.log(`data ready in ${Math.round((Date.now() - t0) / 1000)} s`);

  const pg = new Client({ connectionString: dbUrl(db) });
  await pg.connect();
  const count = async (table: 'cooperative_order' | 'quote') =>
    Number((await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

  const gateway = startProcess('dist/apps/gateway/src/main.js', env, GATEWAY_NODE_FLAGS);
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`);
    const buyer = await signInFirm('PL');
    const supplier = await signInFirm('LT');
    const headersOf = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
    const c = CONNECTIONS;

    // A single order first: the input is valid, the chain comes back in order.
    const probe = await gql<{ createCooperativeOrder: { workPackages: { key: string }[] } }>(
      CREATE,
      { i: { ...orderInput(buyer.firmId), idempotencyKey: `probe-${randomUUID()}` } },
      buyer.token,
    );
    const chain = probe.createCooperativeOrder.workPackages.map((w) => w.key).join(' → ');

    const trivial = await load(
      '`{ __typename }`',
      {
        url: URL_GQL,
        method: 'POST',
        connections: c,
        seconds,
        headers: headersOf(buyer.token),
        body: JSON.stringify({ query: '{ __typename }' }),
      },
      gateway.pid,
    );

    const ordersBefore = await count('cooperative_order');
    const createInput = orderInput(buyer.firmId);
    const create = await drive(
      '`createCooperativeOrder` (5 chained packages)',
      {
        connections: c,
        seconds,
        headers: headersOf(buyer.token),
        body: () =>
          JSON.stringify({ query: CREATE, variables: { i: { ...createInput, idempotencyKey: `o-${randomUUID()}` } } }),
        rows: () => count('cooperative_order'),
      },
      gateway.pid,
    );
    const ordersCreated = (await count('cooperative_order')) - ordersBefore;

    // Orders to quote on: created and published one after another, not timed.
    const t1 = Date.now();
    const packageIds: { orderId: string; packageId: string }[] = [];
    for (let i = 0; i < QUOTED_ORDERS; i++) {
      const o = await gql<{ createCooperativeOrder: { id: string; workPackages: { id: string }[] } }>(
        CREATE,
        { i: { ...createInput, idempotencyKey: `q-order-${randomUUID()}` } },
        buyer.token,
      );
      await gql(PUBLISH, { i: { orderId: o.createCooperativeOrder.id } }, buyer.token);
      for (const w of o.createCooperativeOrder.workPackages) {
        packageIds.push({ orderId: o.createCooperativeOrder.id, packageId: w.id });
      }
    }
    const prepSeconds = (Date.now() - t1) / 1000;
    const validUntil = at(30);
    const quoteBody = (n: number) => {
      const p = packageIds[n % packageIds.length];
      return JSON.stringify({
        query: SUBMIT,
        variables: {
          i: {
            idempotencyKey: `q-${randomUUID()}`,
            orderId: p.orderId,
            firmId: supplier.firmId,
            validUntil,
            legs: [{ packageId: p.packageId, priceMinor: 95_000 + (n % 1000), currency: 'EUR', leadTimeDays: 10 }],
          },
        },
      });
    };
    // A probe quote first: the supplier sees the published orders of the partner cluster.
    await gql(SUBMIT, JSON.parse(quoteBody(0)).variables, supplier.token);

    const quotesBefore = await count('quote');
    let next = 1;
    const quote = await drive(
      '`submitQuote` (1 leg, EUR)',
      {
        connections: c,
        seconds,
        headers: headersOf(supplier.token),
        body: () => quoteBody(next++),
        rows: () => count('quote'),
      },
      gateway.pid,
    );
    const quotesCreated = (await count('quote')) - quotesBefore;

    const rate = (n: number) => `${Math.round((n / seconds) * 10) / 10}/s`;
    // Rows of the measured phase include the requests still in flight when autocannon stopped (up to one per connection).
    const extra: Record<string, string> = {
      'buyer / supplier': `${buyer.email} / ${supplier.email}`,
      'chain of each order': chain,
      'orders created (rows)': `${ordersCreated} in all (warm-up included); ${create.rows} in the measured ${seconds} s (${rate(create.rows)}); ${create.ok} answered 2xx without errors`,
      [`orders prepared for quotes (${QUOTED_ORDERS}, created and published one at a time)`]: `${prepSeconds.toFixed(1)} s`,
      'quotes created (rows)': `${quotesCreated} in all (warm-up included); ${quote.rows} in the measured ${seconds} s (${rate(quote.rows)}); ${quote.ok} answered 2xx without errors`,
      'createCooperativeOrder vs `{ __typename }`': pct(create.result.rps, trivial.rps),
      'submitQuote vs `{ __typename }`': pct(quote.result.rps, trivial.rps),
    };
    if (create.firstError) extra['first error, createCooperativeOrder'] = create.firstError;
    if (quote.firstError) extra['first error, submitQuote'] = quote.firstError;
    printTable(
      `cooperative orders, demo data, ${c} connections, ${seconds} s each`,
      [trivial, create.result, quote.result],
      trivial,
      extra,
    );
  } finally {
    await stopProcess(gateway);
    await pg.end();
  }
}
