import { DEMO_ACCOUNTS, DEMO_PASSWORD, TokenService } from '@kooperant/identity';
import { loadConfig } from '@kooperant/platform-config';
import { freePort } from '@kooperant/platform-testing';
import { seededRandom } from '@kooperant/platform-testing/random';
import { graphqlAt, load, waitFor, type LoadResult } from './harness';
import { RoundProcesses, sleep } from './measure';

/* The KPI queries through the real gateway: GraphQL and the downloads, next to `{ __typename }`. */

const CLUSTER_KPIS = `query($c: UUID!, $f: String!, $t: String!) {
  clusterKpis(clusterId: $c, from: $f, to: $t, language: pl) {
    clusterId partnerClusterId periods kpis { kpi title unit points { period cluster partner } } } }`;
const FIRM_STATEMENT = `query($f: UUID!, $p: String!) {
  firmBenefitStatement(firmId: $f, period: $p, language: pl) { firmId period figures { kpi title unit value } } }`;
const TOP_PAIRS = `query($c: UUID!, $p: String!) {
  topCooperatingPairs(clusterId: $c, period: $p, first: 10) { awards valueEurMinor crossBorder firms { id name country } } }`;

export interface QueryRow extends LoadResult {
  gatewayCpu: number;
  machineBusy: number;
}

export interface QueryRun {
  rows: QueryRow[];
  /** What the answers held (checked once before each was driven). */
  answers: string;
  gatewayPeakRss: number | null;
}

const gqlBody = (query: string, variables: object) => JSON.stringify({ query, variables });

/**
 * Starts the gateway (as `npm start` runs it, on a port from the OS and a queue prefix of its own) and drives, one
 * after another at `connections`: `{ __typename }`, `clusterKpis` of the Polish cluster over the year's months (every
 * KPI, the Lithuanian partner beside), `firmBenefitStatement` of the year for a random firm as a user of that firm,
 * `topCooperatingPairs` of the year, the year's CSV table and the fourth quarter's PDF report (as the Polish
 * coordinator). Every answer is fetched once and checked first.
 */
export async function measureKpiQueries(
  env: NodeJS.ProcessEnv,
  opts: {
    year: number;
    clusterId: string;
    members: { userId: string; firmId: string }[];
    connections: number;
    seconds: number;
    seed: number;
  },
): Promise<QueryRun> {
  const { year, clusterId, connections, seconds } = opts;
  // Firm users' tokens signed as the gateway would after a sign-in (same secret): 5,000 argon2 sign-ins would take
  // longer than the queries.
  const tokens = new TokenService(loadConfig({ ...process.env, ...env }));
  const members = await Promise.all(
    opts.members.map(async (m) => ({ ...m, token: await tokens.signAccessToken(m.userId) })),
  );
  const port = await freePort();
  const round = new RoundProcesses('kpis', 'gateway');
  try {
    const gateway = round.start('dist/apps/gateway/src/main.js', { ...env, PORT: String(port) }, [
      '--max-semi-space-size=64',
    ]);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/health/ready`);
    const gql = graphqlAt(`${base}/graphql`);
    const { signIn } = await gql<{ signIn: { accessToken: string } }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { email: DEMO_ACCOUNTS.plCoordinator.email, password: DEMO_PASSWORD } },
    );
    const auth = { authorization: `Bearer ${signIn.accessToken}` };
    const kpiVars = { c: clusterId, f: `${year}-01`, t: `${year}-12` };
    const pairVars = { c: clusterId, p: String(year) };
    const csvPath = `/metrics/clusters/${clusterId}/kpis.csv?from=${year}-01&to=${year}-12&lang=pl`;
    const pdfPath = `/metrics/clusters/${clusterId}/report.pdf?period=${year}-Q4&lang=pl`;

    const kpis = await gql<{ clusterKpis: { kpis: { points: { partner: number | null }[] }[] } }>(
      CLUSTER_KPIS,
      kpiVars,
      signIn.accessToken,
    );
    const statement = await gql<{ firmBenefitStatement: { figures: { value: number | null }[] } }>(
      FIRM_STATEMENT,
      { f: members[0].firmId, p: String(year) },
      members[0].token,
    );
    const pairs = await gql<{ topCooperatingPairs: { awards: number }[] }>(TOP_PAIRS, pairVars, signIn.accessToken);
    const csv = await fetch(`${base}${csvPath}`, { headers: auth });
    const csvText = await csv.text();
    const pdf = await fetch(`${base}${pdfPath}`, { headers: auth });
    const pdfBytes = (await pdf.arrayBuffer()).byteLength;
    if (!csv.ok || !pdf.ok) throw new Error(`downloads: CSV ${csv.status}, PDF ${pdf.status}`);

    const r = seededRandom(opts.seed);
    const statements = members.map((m) => ({
      headers: { authorization: `Bearer ${m.token}` },
      body: gqlBody(FIRM_STATEMENT, { f: m.firmId, p: String(year) }),
    }));
    const headers = { 'content-type': 'application/json', ...auth };
    const common = { url: `${base}/graphql`, method: 'POST', connections, seconds, headers, graphql: true };
    const measure = async (name: string, o: Parameters<typeof load>[1]): Promise<QueryRow> => {
      round.startClock();
      const res = await load(name, o, gateway.pid);
      const { cpu, machineBusy } = round.stopClock();
      round.check(`after ${name}`);
      return { ...res, gatewayCpu: cpu[0], machineBusy };
    };
    const rows = [
      await measure('`{ __typename }`', { ...common, body: gqlBody('{ __typename }', {}) }),
      await measure(`\`clusterKpis\` (every KPI, ${year}-01…${year}-12, partner beside)`, {
        ...common,
        body: gqlBody(CLUSTER_KPIS, kpiVars),
      }),
      await measure(`\`firmBenefitStatement\` (${year}, a random firm of ${members.length}, as its user)`, {
        ...common,
        vary: () => statements[r.int(0, statements.length - 1)],
      }),
      await measure(`\`topCooperatingPairs\` (${year}, first 10)`, { ...common, body: gqlBody(TOP_PAIRS, pairVars) }),
      await measure(`\`GET kpis.csv\` (${year}-01…${year}-12)`, {
        ...common,
        url: `${base}${csvPath}`,
        method: 'GET',
        graphql: false,
      }),
      await measure(`\`GET report.pdf\` (${year}-Q4)`, {
        ...common,
        url: `${base}${pdfPath}`,
        method: 'GET',
        graphql: false,
      }),
    ];
    // Requests still in flight when autocannon stopped finish (or time out) before the gateway is stopped.
    await sleep(10_000);
    const partnerValues = kpis.clusterKpis.kpis.flatMap((k) => k.points).filter((p) => p.partner !== null).length;
    const figures = statement.firmBenefitStatement.figures;
    return {
      rows,
      answers:
        `clusterKpis ${kpis.clusterKpis.kpis.length} KPIs × 12 months (${partnerValues} partner values); ` +
        `a statement ${figures.filter((x) => x.value !== null).length} of ${figures.length} figures; ` +
        `${pairs.topCooperatingPairs.length} pairs (the first with ${pairs.topCooperatingPairs[0]?.awards ?? 0} awards); ` +
        `CSV ${csvText.split('\n').length - 1} lines, ${csvText.length} characters; PDF ${pdfBytes} bytes`,
      gatewayPeakRss: round.peakRss[0],
    };
  } finally {
    await round.close();
  }
}
