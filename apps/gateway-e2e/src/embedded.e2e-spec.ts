import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { DEMO_FIRMS, DEMO_PASSWORD, demoFirmUserEmail } from '@kooperant/identity';
import { freePort } from '@kooperant/platform-testing';
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
  }, 180_000);
});
