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

    // Publishing the demo's draft order (UAB Pietų padėklai's sawn timber for pallets, delivered to Alytus) gets
    // ranked matches from both sides of the border and a chain proposal from the embedded worker within seconds.
    const palletBuyer = DEMO_FIRMS.find((f) => f.key === 'lt-pietu-padeklai')!;
    const buyerSignIn = await post(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { email: demoFirmUserEmail(palletBuyer), password: DEMO_PASSWORD },
    });
    const buyerToken = (buyerSignIn.data?.['signIn'] as { accessToken: string }).accessToken;
    type Drafts = { myCooperativeOrders: { edges: { node: { id: string; title: string } }[] } };
    const mine = await post(
      `{ myCooperativeOrders(filter: { status: draft }) { edges { node { id title } } } }`,
      {},
      buyerToken,
    );
    expect(mine.errors).toBeUndefined();
    const drafts = mine.data as Drafts;
    const draft = drafts.myCooperativeOrders.edges.map((e) => e.node).find((o) => o.title.startsWith('EUR padėklai'));
    expect(draft).toBeDefined();
    const published = await post(
      `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id status } }`,
      { i: { orderId: draft!.id } },
      buyerToken,
    );
    expect(published.errors).toBeUndefined();
    type Matched = {
      orderMatches: {
        computedAt: string | null;
        packages: {
          key: string;
          matches: { rank: number; score: number; firm: { country: string }; parts: unknown[] }[];
        }[];
      };
      chainProposals: {
        computedAt: string | null;
        chains: { borderCrossings: number; countries: string[]; steps: { key: string; country: string }[] }[];
        noChain: { key: string } | null;
      };
    };
    let last: unknown;
    const matched = await waitFor(
      'matches and chain proposals of the published demo order',
      async () => {
        const r = await post(
          `query($o: UUID!) {
             orderMatches(orderId: $o) { computedAt packages { key matches { rank score firm { country } parts { name } } } }
             chainProposals(orderId: $o) { computedAt chains { borderCrossings countries steps { key country } } noChain { key } }
           }`,
          { o: draft!.id },
          buyerToken,
        );
        last = r;
        const d = r.data as Matched | undefined;
        return d?.orderMatches.computedAt && d.chainProposals.computedAt ? d : null;
      },
      { ms: 30_000, describe: () => JSON.stringify(last).slice(0, 1500) },
    );
    const [saw] = matched.orderMatches.packages;
    expect(saw.key).toBe('saw');
    expect(saw.matches.map((m) => m.rank)).toEqual(saw.matches.map((_, i) => i + 1));
    expect(saw.matches.every((m, i) => i === 0 || m.score <= saw.matches[i - 1].score)).toBe(true);
    expect(saw.matches.every((m) => m.parts.length === 6)).toBe(true);
    // Polish sawmills for a Lithuanian buyer, and Lithuanian ones.
    expect(new Set(saw.matches.map((m) => m.firm.country))).toEqual(new Set(['PL', 'LT']));
    expect(matched.chainProposals.noChain).toBeNull();
    const [best] = matched.chainProposals.chains;
    expect(best.steps.map((s) => s.key)).toEqual(['saw']);
    expect(best.countries).toEqual([best.steps[0].country]);
  }, 240_000);
});
