import { cli, dbUrl, load, printTable, recreateDb, REDIS_URL, startProcess, stopProcess, waitFor } from './harness';

/**
 * Catalogue search at scale: seeds 100,000 offers from 5,000 firms, then measures over loopback, in one run:
 * a bare node:http server, `{ __typename }` on the gateway, and `searchOffers` (a cross-language text query plus
 * two filters, first 20), each at 32 connections. Prints a Markdown table with ratios.
 *   npm run bench -- search [seconds] [offers]
 */
/** As `npm start` and the Dockerfile run the gateway. */
const GATEWAY_NODE_FLAGS = ['--max-semi-space-size=64'];

const pct = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10} %`;

export async function benchSearch(seconds = 15, offers = 100_000, firms = 5_000): Promise<void> {
  const db = 'kooperant_bench';
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(db),
    REDIS_URL,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'warn',
    PORT: '3901',
  };
  await recreateDb(db);
  const t0 = Date.now();
  cli(['seed'], env);
  cli(['seed:scale', String(offers), String(firms)], env);
  console.log(`data ready in ${Math.round((Date.now() - t0) / 1000)} s`);

  const bare = startProcess('dist/bench/src/bare-http.js', { PORT: '3902' });
  let gateway = startProcess('dist/apps/gateway/src/main.js', env, GATEWAY_NODE_FLAGS);
  try {
    await waitFor('http://127.0.0.1:3902/health/ready');
    await waitFor('http://127.0.0.1:3901/health/ready');
    const signIn = await fetch('http://127.0.0.1:3901/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { signIn(input: { email: "lt-dzukijos-metalas@firm.kooperant.demo", password: "kooperant-demo-2026" }) { accessToken } }`,
      }),
    });
    const token = ((await signIn.json()) as { data: { signIn: { accessToken: string } } }).data.signIn.accessToken;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const search = JSON.stringify({
      query: `query($q: String, $f: OfferSearchFilterInput) { searchOffers(query: $q, filter: $f, first: 20) {
        edges { cursor score matchedTerms node { id title language firm { name country } } } pageInfo { hasNextPage endCursor } } }`,
      variables: { q: 'frezavimas nerūdijantis plienas', f: { firmCountries: ['PL'], maxLeadTimeDays: 30 } },
    });
    const check = await fetch('http://127.0.0.1:3901/graphql', { method: 'POST', headers, body: search });
    const hits = ((await check.json()) as { data: { searchOffers: { edges: unknown[] } } }).data.searchOffers.edges
      .length;

    const c = 32;
    const bareR = await load(
      'bare node:http',
      // The very request the gateway gets for `{ __typename }`: same headers (with the token), same body.
      {
        url: 'http://127.0.0.1:3902/graphql',
        method: 'POST',
        connections: c,
        seconds,
        headers,
        body: JSON.stringify({ query: '{ __typename }' }),
      },
      bare.pid,
    );
    const trivial = await load(
      'gateway `{ __typename }`',
      {
        url: 'http://127.0.0.1:3901/graphql',
        method: 'POST',
        connections: c,
        seconds,
        headers,
        body: JSON.stringify({ query: '{ __typename }' }),
      },
      gateway.pid,
    );
    const searchR = await load(
      'gateway `searchOffers` (text + 2 filters, first 20)',
      { url: 'http://127.0.0.1:3901/graphql', method: 'POST', connections: c, seconds, headers, body: search },
      gateway.pid,
    );
    // The same search with the result caches off: every request runs the SQL and loads its offers.
    await stopProcess(gateway);
    gateway = startProcess('dist/apps/gateway/src/main.js', { ...env, SEARCH_CACHE: 'false' }, GATEWAY_NODE_FLAGS);
    await waitFor('http://127.0.0.1:3901/health/ready');
    const uncached = await load(
      'gateway `searchOffers`, result caches off',
      { url: 'http://127.0.0.1:3901/graphql', method: 'POST', connections: c, seconds, headers, body: search },
      gateway.pid,
    );
    printTable(
      `catalogue search, ${offers} offers from ${firms} firms, ${c} connections, ${seconds} s each`,
      [bareR, trivial, searchR, uncached],
      bareR,
      {
        'search hits on the first page': String(hits),
        '`{ __typename }` vs bare node:http': pct(trivial.rps, bareR.rps),
        'search vs `{ __typename }`': pct(searchR.rps, trivial.rps),
        'search with caches off vs `{ __typename }`': pct(uncached.rps, trivial.rps),
      },
    );
  } finally {
    await Promise.all([stopProcess(gateway), stopProcess(bare)]);
  }
}
