import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DEMO_ACCOUNTS, DEMO_FIRMS, DEMO_PASSWORD, demoFirmUserEmail } from '@kooperant/identity';
import { freePort, waitFor } from '@kooperant/platform-testing';
import { startNode, stop, waitForReady } from './support/servers';

/** `npm start` on a bare machine: no DATABASE_URL, no REDIS_URL. */
describe('embedded mode', () => {
  let launcher: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'kooperant-embedded-'));

  afterAll(async () => {
    await stop(launcher, 20_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with PostgreSQL in-process, seeds the demo data, and a Lithuanian user finds Polish CNC milling with "frezavimas"', async () => {
    const [port, dbPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'development',
      EMBEDDED_DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(dbPort),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
    };
    launcher = startNode('dist/apps/cli/src/main.js', env, 'embedded', ['start']);
    await waitForReady(`${url}/health/ready`, 120_000, launcher);

    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };
    const lt = DEMO_FIRMS.find((f) => f.country === 'LT')!;
    const signIn = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { email: demoFirmUserEmail(lt), password: DEMO_PASSWORD },
    });
    const token = (signIn.data?.['signIn'] as { accessToken: string }).accessToken;
    const search = await post(
      `{ searchOffers(query: "frezavimas", filter: { firmCountries: [PL] }, first: 10) { edges { matchedTaxonomy { entry { code } } node { language firm { country } } } } }`,
      {},
      token,
    );
    const edges = (
      search.data?.['searchOffers'] as {
        edges: {
          matchedTaxonomy: { entry: { code: string } }[];
          node: { language: string; firm: { country: string } };
        }[];
      }
    ).edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.node.firm.country === 'PL')).toBe(true);
    expect(edges.some((e) => e.node.language === 'pl')).toBe(true);
    expect(edges[0].matchedTaxonomy.map((m) => m.entry.code)).toContain('process.cnc-milling');

    // The worker rolls the demo's events up into the KPIs on the same in-process database (its first award once
    // hung it): the Polish coordinator reads the demo's orders and awards (apps/cli/src/commands/demo-kpis.int-spec.ts
    // counts them from the seed).
    const coordinator = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { email: DEMO_ACCOUNTS.plCoordinator.email, password: DEMO_PASSWORD },
    });
    const plToken = (coordinator.data?.['signIn'] as { accessToken: string }).accessToken;
    const clusters = (await post(`{ clusters { id country } }`, {}, plToken)).data?.['clusters'] as {
      id: string;
      country: string;
    }[];
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    type Kpis = { clusterKpis: { kpis: { kpi: string; points: { cluster: number | null }[] }[] } };
    const figures = await waitFor(
      "the demo's awards in the Polish cluster's KPIs",
      async () => {
        const r = await post(
          `query($c: UUID!, $m: String!) { clusterKpis(clusterId: $c, from: $m, to: $m,
             kpis: ["orders-posted", "packages-awarded", "handovers-on-time"]) { kpis { kpi points { cluster } } } }`,
          { c: clusters.find((c) => c.country === 'PL')!.id, m: month },
          plToken,
        );
        const k = new Map((r.data as Kpis | undefined)?.clusterKpis.kpis.map((x) => [x.kpi, x.points[0].cluster]));
        return k.get('packages-awarded') === 9 && k.get('handovers-on-time') === 4 ? k : null;
      },
      { ms: 60_000 },
    );
    expect(figures.get('orders-posted')).toBe(4);
  }, 240_000);
});
